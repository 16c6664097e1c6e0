package cn.opengov.tracker.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

/**
 * Bulk import (issue 16): one .csv of {@code --import-rows} past requests (default 10,000; the target: under 60 s)
 * uploaded to POST /api/imports, first as a dry run, then for real, then again (the same file twice records
 * nothing new). The rows have the lifecycles of a year's register: most answered, some 补正, some extended, some open.
 */
final class ImportBench {

    private static final String AGENCY = "IMPBENCH";
    private static final String[] OUTCOMES = {"予以公开", "予以公开", "予以公开", "部分公开", "本机关不掌握相关政府信息",
            "保护第三方合法权益", "信访举报投诉类申请", "其他"};

    private final Options options;

    ImportBench(Options options) {
        this.options = options;
    }

    void run(Results results, HeapSampler heap) throws Exception {
        Http admin = new Http("admin", "admin");
        admin.post(Sides.COMMAND + "/api/agencies", Map.of("code", AGENCY, "name", "导入压测局"));
        int n = options.importRows();
        byte[] csv = csv(n, new Random(options.seed()));
        results.add("import file size (" + n + " rows, .csv)", csv.length / 1024.0, "KiB", "", "");
        long t = System.nanoTime();
        String dry = upload(csv, true);
        double drySeconds = (System.nanoTime() - t) / 1e9;
        check(dry, n, "dry run");
        results.add("import " + n + " rows: dry run", drySeconds, "s", "", "records nothing");
        t = System.nanoTime();
        String real = upload(csv, false);
        double seconds = (System.nanoTime() - t) / 1e9;
        check(real, n, "import");
        results.add("import " + n + " rows", seconds, "s", "< 60", n / seconds + " rows/s");
        t = System.nanoTime();
        String again = upload(csv, false);
        if (!again.contains("\"accepted\":0") || !again.contains("\"alreadyImported\":" + n)) {
            throw new IllegalStateException("the same file again recorded something: " + again.substring(0, Math.min(400, again.length())));
        }
        results.add("import the same " + n + " rows again (nothing new)", (System.nanoTime() - t) / 1e9, "s", "", "");
        results.add("peak heap, command side (import)", heap.commandPeakMiB(), "MiB", "< 512", "");
    }

    private static void check(String answer, int n, String what) {
        if (!answer.contains("\"accepted\":" + n + ",")) {
            throw new IllegalStateException(what + " did not accept every row: " + answer.substring(0, Math.min(800, answer.length())));
        }
    }

    static byte[] csv(int rows, Random random) {
        StringBuilder out = new StringBuilder("受理编号,收到日期,渠道,申请人类型,申请人,内容,补正告知日期,补正期限,补正收到日期,延期,延期批准日期,答复日期,答复结果\n");
        String[] channels = {"当面提交", "邮寄", "互联网", "传真"};
        String[] types = {"自然人", "自然人", "自然人", "商业企业", "法律服务机构", "其他"};
        LocalDate first = LocalDate.of(2024, 1, 2);
        for (int i = 0; i < rows; i++) {
            LocalDate received = first.plusDays(random.nextInt(330));
            out.append("IMP-").append(i).append(',').append(received).append(',')
                    .append(channels[random.nextInt(channels.length)]).append(',').append(types[random.nextInt(types.length)])
                    .append(",申请人").append(i).append(",申请公开2024年度某专项资金的分配明细（第").append(i).append("项）,");
            int kind = random.nextInt(20);
            LocalDate answered = received.plusDays(10 + random.nextInt(15));
            if (kind == 0) {
                // 补正: notice, correction, answer
                LocalDate notice = received.plusDays(2);
                LocalDate corrected = received.plusDays(6);
                out.append(notice).append(',').append(notice.plusDays(15)).append(',').append(corrected).append(",,,")
                        .append(corrected.plusDays(10)).append(',').append("予以公开");
            } else if (kind == 1) {
                // extended by 10 working days on the seventh day
                out.append(",,,10,").append(received.plusDays(7)).append(',').append(received.plusDays(35)).append(",部分公开");
            } else if (kind == 2) {
                out.append(",,,,,,");
            } else {
                out.append(",,,,,").append(answered).append(',').append(OUTCOMES[random.nextInt(OUTCOMES.length)]);
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String upload(byte[] file, boolean dryRun) throws IOException {
        String boundary = "----bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpURLConnection c = (HttpURLConnection) URI.create(Sides.COMMAND + "/api/imports?dryRun=" + dryRun + "&agencyCode=" + AGENCY)
                .toURL().openConnection();
        c.setRequestMethod("POST");
        c.setReadTimeout(600_000);
        c.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        c.setRequestProperty("Content-Type", "multipart/form-data; boundary=" + boundary);
        c.setDoOutput(true);
        c.setFixedLengthStreamingMode(head.length + file.length + tail.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(head);
            out.write(file);
            out.write(tail);
        }
        int status = c.getResponseCode();
        try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("POST /api/imports answered " + status + ": " + body);
            }
            return body;
        }
    }
}
