package cn.opengov.tracker.system;

import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Restarts the PostgreSQL server the tests run against, the way its installation is managed. */
final class PostgresControl {

    private PostgresControl() {
    }

    static void restart() throws Exception {
        String dataDirectory;
        String version;
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('data_directory'), current_setting('server_version_num')")) {
            rs.next();
            dataDirectory = rs.getString(1);
            version = String.valueOf(Integer.parseInt(rs.getString(2)) / 10000);
        }
        List<String> command = new ArrayList<>();
        Path dir = Path.of(dataDirectory);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (new File("/usr/bin/pg_ctlcluster").canExecute() && dataDirectory.startsWith("/var/lib/postgresql/")) {
            // a Debian cluster: /var/lib/postgresql/<version>/<name>
            command.addAll(List.of("pg_ctlcluster", "--skip-systemctl-redirect", dir.getParent().getFileName().toString(),
                    dir.getFileName().toString(), "restart", "-m", "fast"));
        } else {
            String pgCtl = "/usr/lib/postgresql/" + version + "/bin/pg_ctl";
            if (root) {
                command.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            command.addAll(List.of(pgCtl, "-D", dataDirectory, "-m", "fast", "-w", "restart"));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("could not restart PostgreSQL with " + command + ": " + output);
        }
    }
}
