package cn.opengov.tracker.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The harness's settings, from {@code --name=value} arguments. */
record Options(String jdbcUrl, String dbUser, String dbPassword, String root, long seed, int smallRequests,
               int largeRequests, int threads, int intakeSeconds, int readSamples, Set<String> phases, String out,
               int documents, int importRows, boolean reuseData, int searchSamples, boolean profile) {

    static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                a.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return new Options(
                a.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/tracker_bench"),
                a.getOrDefault("db-user", "postgres"),
                a.getOrDefault("db-password", ""),
                a.getOrDefault("root", "."),
                Long.parseLong(a.getOrDefault("seed", "20261121")),
                Integer.parseInt(a.getOrDefault("small", "460000")),
                Integer.parseInt(a.getOrDefault("large", "10000000")),
                Integer.parseInt(a.getOrDefault("threads", "8")),
                Integer.parseInt(a.getOrDefault("intake-seconds", "60")),
                Integer.parseInt(a.getOrDefault("samples", "2000")),
                Set.of(a.getOrDefault("phases", "intake,rebuild,reads").split(",")),
                a.getOrDefault("out", "bench/results"),
                Integer.parseInt(a.getOrDefault("documents", "300")),
                Integer.parseInt(a.getOrDefault("import-rows", "10000")),
                Boolean.parseBoolean(a.getOrDefault("reuse-data", "false")),
                // each search series (issue 18); a tenth of the other reads' samples unless told
                Integer.parseInt(a.getOrDefault("search-samples",
                        String.valueOf(Math.max(1, Integer.parseInt(a.getOrDefault("samples", "2000")) / 10)))),
                // --profile: a flight recording of the command side during each intake phase (IntakeProfile)
                Boolean.parseBoolean(a.getOrDefault("profile", "false")));
    }
}
