package cn.opengov.tracker.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * nginx in front of both sides, rendered from the one routing template (deploy/nginx/tracker.conf.template) and
 * started by deploy/nginx/local.sh, exactly as bin/start starts it: unprivileged, everything in its own folder.
 */
final class SingleAddress implements AutoCloseable {

    private final Path root;
    private final Path dir;

    private SingleAddress(Path root, Path dir) {
        this.root = root;
        this.dir = dir;
    }

    /**
     * @param listen   {@code address:port} entries plain HTTP listens on
     * @param settings further variables of render.sh (TRACKER_TLS_CERT, TRACKER_TLS_KEY, TRACKER_TLS_LISTEN, …)
     */
    static SingleAddress start(Path dir, String commandUpstream, String queryUpstream, List<String> listen,
                               Map<String, String> settings) {
        Path root = projectRoot();
        Map<String, String> env = new HashMap<>(settings);
        env.put("TRACKER_COMMAND_UPSTREAM", commandUpstream);
        env.put("TRACKER_QUERY_UPSTREAM", queryUpstream);
        env.put("TRACKER_LISTEN", String.join(" ", listen));
        SingleAddress proxy = new SingleAddress(root, dir.toAbsolutePath());
        proxy.run("start", env);
        return proxy;
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("tracker.jars", "..")).toAbsolutePath().normalize();
    }

    Path folder() {
        return dir;
    }

    @Override
    public void close() {
        run("stop", Map.of());
    }

    private void run(String action, Map<String, String> env) {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/nginx/local.sh").toString(), action, dir.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("nginx " + action + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("nginx " + action + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
