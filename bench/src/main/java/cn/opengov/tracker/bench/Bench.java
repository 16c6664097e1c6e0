package cn.opengov.tracker.bench;

import java.nio.file.Path;

/**
 * The benchmark harness: run by bench/run.sh, which builds the jars first. Phases, in one run:
 * intake (HTTP vs raw inserts), written notices (issuing and downloading PDFs; only when asked for), rebuild at the
 * small and the large data set, reads at the large data set, and each side's peak heap throughout. Prints a table and writes it as CSV and JSON under bench/results/.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Database db = new Database(options);
        Results results = new Results();
        results.context("seed", options.seed());
        results.context("smallRequests", options.smallRequests());
        results.context("largeRequests", options.largeRequests());
        results.context("threads", options.threads());
        results.context("cpus", Runtime.getRuntime().availableProcessors());
        results.context("phases", String.join(",", options.phases()));
        results.context("command", "bench/run.sh " + String.join(" ", args));
        // --reuse-data=true: a data set of the same size left by an earlier run (a 10 M set takes half an hour to
        // generate) is rebuilt and read again; the intake's rows, if any, stay in it
        boolean reuse = options.reuseData() && db.holdsRequests(options.largeRequests());
        results.context("reusedData", reuse);
        if (reuse) {
            System.out.println("bench: reusing the data set in " + options.jdbcUrl());
            db.forgetPendingRebuild();
        } else {
            System.out.println("bench: recreating the database " + options.jdbcUrl());
            db.recreate();
        }
        try (Sides sides = new Sides(options)) {
            sides.startCommandSide();
            sides.startQuerySide();
            db.createAgencies();
            try (HeapSampler heap = new HeapSampler()) {
                if (options.phases().contains("intake")) {
                    System.out.println("bench: intake");
                    new IntakeBench(options, db, sides).run(results, heap);
                }
                if (options.phases().contains("documents")) {
                    System.out.println("bench: documents");
                    new DocumentBench(options).run(results, heap);
                }
                if (options.phases().contains("import")) {
                    System.out.println("bench: import of " + options.importRows() + " rows");
                    new ImportBench(options).run(results, heap);
                }
                if (reuse && options.phases().contains("rebuild")) {
                    new RebuildBench(db).run(results, heap, "large set");
                } else if (reuse && options.phases().contains("reads")) {
                    // reads alone on a data set an earlier run left projected: the read models as they are, no rebuild
                    System.out.println("bench: reads on the read models as they are (no rebuild)");
                } else if (options.phases().contains("rebuild") || options.phases().contains("reads")) {
                    System.out.println("bench: appending " + options.smallRequests() + " synthetic requests");
                    long t = System.nanoTime();
                    db.appendRequests(1, options.smallRequests());
                    results.add("synthetic data, small set: generation time", (System.nanoTime() - t) / 1e9, "s", "", "not a target");
                    new RebuildBench(db).run(results, heap, "small set");
                    if (options.largeRequests() > options.smallRequests()) {
                        System.out.println("bench: growing to " + options.largeRequests() + " synthetic requests");
                        t = System.nanoTime();
                        db.appendRequests(options.smallRequests() + 1, options.largeRequests() - options.smallRequests());
                        results.add("synthetic data, large set: generation time", (System.nanoTime() - t) / 1e9, "s", "", "not a target");
                        new RebuildBench(db).run(results, heap, "large set");
                    }
                }
                if (options.phases().contains("reads")) {
                    System.out.println("bench: reads");
                    new ReadBench(options, db).run(results, heap);
                }
                results.add("peak heap, command side (whole run)", heap.commandPeakMiB(), "MiB", "< 512", "-Xmx512m");
                results.add("peak heap, query side (whole run)", heap.queryPeakMiB(), "MiB", "< 512", "-Xmx512m");
                results.add("peak live heap after GC, command side (whole run)", heap.commandLivePeakMiB(), "MiB", "< 512",
                        "jvm.gc.live.data.size; 0: the old generation was never collected");
                results.add("peak live heap after GC, query side (whole run)", heap.queryLivePeakMiB(), "MiB", "< 512",
                        "jvm.gc.live.data.size; 0: the old generation was never collected");
            }
        }
        results.write(Path.of(options.out()));
    }
}
