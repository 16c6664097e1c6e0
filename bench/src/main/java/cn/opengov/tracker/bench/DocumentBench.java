package cn.opengov.tracker.bench;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Written notices (SPEC §2b): the time to issue one over HTTP — the request's events read and folded, a number
 * taken, the template filled, the .docx and the A4 PDF with its embedded Chinese font rendered, the event and the
 * bytes committed — by one clerk at a time (the target: p99 under 300 ms) and by four at once, and the time to
 * download an issued PDF, checked against the hash its event recorded.
 */
final class DocumentBench {

    private static final String AGENCY = "DOCBENCH";

    private final Options options;

    DocumentBench(Options options) {
        this.options = options;
    }

    void run(Results results, HeapSampler heap) throws Exception {
        Http admin = new Http("admin", "admin");
        admin.post(Sides.COMMAND + "/api/agencies", Map.of("code", AGENCY, "name", "文书压测局"));
        Http.Answer letterhead = admin.put(Sides.COMMAND + "/api/agencies/" + AGENCY + "/letterhead", Map.of(
                "fullName", "中宁县文书压测局", "docPrefix", "中宁压测", "address", "中宁县宁安大街1号", "phone", "0955-5011234",
                "reconsiderationBody", "中宁县人民政府", "court", "中宁县人民法院"));
        check(letterhead, 200, "letterhead");
        int n = options.documents();
        List<String> requests = new ArrayList<>();
        for (int i = 0; i < n + 60; i++) {
            Http.Answer logged = admin.post(Sides.COMMAND + "/api/requests", new NewRequest(AGENCY,
                    LocalDate.of(2026, 3, 2 + i % 5).toString(), i % 2 == 0 ? "MAIL" : "ONLINE", NewRequest.Applicant.person("压测申请人" + i),
                    "申请公开2025年度某专项资金的分配明细及审批文件（第" + i + "项）"));
            check(logged, 201, "log a request");
            String id = logged.json().path("requestId").asText();
            check(admin.post(Sides.COMMAND + "/api/requests/" + id + "/answer", Map.of("answeredOn", "2026-03-20",
                    "outcome", i % 3 == 0 ? "PARTIALLY_DISCLOSED" : "DISCLOSED", "note", "涉及个人信息的部分已作区分处理")), 200, "answer");
            requests.add(id);
        }
        // warm-up: the font parsed, the templates built, the JIT at work
        for (int i = n; i < n + 30; i++) {
            issue(admin, requests.get(i), "RECEIPT");
        }
        Latencies one = new Latencies(2 * n);
        List<String[]> issued = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (String kind : new String[] {"RECEIPT", "ANSWER"}) {
                long t = System.nanoTime();
                Http.Answer a = issue(admin, requests.get(i), kind);
                one.add(System.nanoTime() - t);
                issued.add(new String[] {a.json().path("documentId").asText(), a.json().path("sha256").asText()});
            }
        }
        one.report(results, "issue a written notice, PDF + .docx (one clerk at a time)", "< 300");
        Latencies four = concurrently(admin, requests.subList(0, n), 4);
        four.report(results, "issue a written notice, PDF + .docx (4 clerks at once)", "");
        Latencies download = new Latencies(issued.size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String[] doc : issued) {
            long t = System.nanoTime();
            byte[] pdf = admin.bytes(Sides.QUERY + "/api/documents/" + doc[0] + ".pdf");
            download.add(System.nanoTime() - t);
            if (!HexFormat.of().formatHex(sha.digest(pdf)).equals(doc[1])) {
                throw new IllegalStateException("document " + doc[0] + " does not hash to what its event recorded");
            }
        }
        download.report(results, "download an issued PDF (checked against its event's SHA-256)", "");
        results.add("peak heap, command side (documents)", heap.commandPeakMiB(), "MiB", "< 512", "");
    }

    private Latencies concurrently(Http http, List<String> requests, int clients) throws Exception {
        Latencies latencies = new Latencies(requests.size());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> calls = new ArrayList<>();
        for (String id : requests) {
            calls.add(pool.submit(() -> {
                long t = System.nanoTime();
                issue(http, id, "RECEIPT");
                return System.nanoTime() - t;
            }));
        }
        for (Future<Long> call : calls) {
            latencies.add(call.get());
        }
        pool.shutdown();
        return latencies;
    }

    private static Http.Answer issue(Http http, String requestId, String kind) throws Exception {
        Http.Answer a = http.post(Sides.COMMAND + "/api/requests/" + requestId + "/documents", Map.of("kind", kind));
        check(a, 201, "issue " + kind);
        return a;
    }

    private static void check(Http.Answer a, int status, String what) {
        if (a.status() != status) {
            throw new IllegalStateException(what + " answered " + a.status() + " " + a.json());
        }
    }
}
