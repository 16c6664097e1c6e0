package cn.opengov.tracker.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reads with the large data set in the store: the annual table, the deadline board, the request detail and the
 * request search over HTTP, one client at a time, against a plain GROUP BY over the requests table of the same size.
 */
final class ReadBench {

    private final Options options;
    private final Database db;

    ReadBench(Options options, Database db) {
        this.options = options;
        this.db = db;
    }

    void run(Results results, HeapSampler heap) throws Exception {
        Http http = new Http("admin", "admin");
        Random random = new Random(options.seed());
        List<String> ids = sampleRequestIds(500);
        results.add("requests in the store", db.count("SELECT count(*) FROM request_view"), "requests", "", "");
        results.add("events in the store", db.count("SELECT count(*) FROM domain_event_entry"), "events", "", "");
        int n = options.readSamples();
        warmUp(http, random, ids);
        Latencies table = new Latencies(n);
        Latencies tableCity = new Latencies(n);
        Latencies tableProvince = new Latencies(n);
        // issue 18: section 四 and the fee figures, asked for the same agencies as the table
        Latencies four = new Latencies(n);
        Latencies fourCity = new Latencies(n);
        Latencies fourProvince = new Latencies(n);
        Latencies fees = new Latencies(n);
        Latencies feesCity = new Latencies(n);
        Latencies feesProvince = new Latencies(n);
        Latencies board = new Latencies(n);
        Latencies boardCity = new Latencies(n);
        Latencies boardCityPage = new Latencies(n);
        Latencies boardProvincePage = new Latencies(n);
        Latencies detail = new Latencies(n);
        Latencies lookup = new Latencies(n);
        List<String[]> applications = onlineApplications(ids);
        for (int i = 0; i < n; i++) {
            table.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/matrix?agencyCode=" + department(random)));
            tableCity.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/matrix?agencyCode=" + city(random) + "&includeSubAgencies=true"));
            tableProvince.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/matrix?agencyCode=PROV&includeSubAgencies=true"));
            four.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/review-litigation?agencyCode=" + department(random)));
            fourCity.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/review-litigation?agencyCode=" + city(random) + "&includeSubAgencies=true"));
            fourProvince.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/review-litigation?agencyCode=PROV&includeSubAgencies=true"));
            fees.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/fees?agencyCode=" + department(random)));
            feesCity.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/fees?agencyCode=" + city(random) + "&includeSubAgencies=true"));
            feesProvince.add(timed(http, Sides.QUERY + "/api/reports/" + year(random) + "/fees?agencyCode=PROV&includeSubAgencies=true"));
            board.add(timed(http, Sides.QUERY + "/api/deadlines?agencyCode=" + department(random) + "&asOf=2026-06-15"));
            if (i % 10 == 0) {
                boardCity.add(timed(http, Sides.QUERY + "/api/deadlines?agencyCode=" + city(random) + "&includeSubAgencies=true&asOf=2026-06-15"));
            }
            // issue 18: one page of 50 lines (the first three pages, as a supervisor leafs through them)
            boardCityPage.add(timed(http, Sides.QUERY + "/api/deadlines?agencyCode=" + city(random)
                    + "&includeSubAgencies=true&asOf=2026-06-15&size=50&page=" + random.nextInt(3)));
            boardProvincePage.add(timed(http, Sides.QUERY + "/api/deadlines?agencyCode=PROV"
                    + "&includeSubAgencies=true&asOf=2026-06-15&size=50&page=" + random.nextInt(3)));
            detail.add(timed(http, Sides.QUERY + "/api/requests/" + ids.get(random.nextInt(ids.size()))));
            String[] application = applications.get(random.nextInt(applications.size()));
            lookup.add(timed(http, Sides.QUERY + "/public/status?no=" + application[0] + "&code=" + application[1]));
        }
        table.report(results, "annual table (one department, one year)", "< 20");
        tableCity.report(results, "annual table (a city: 100 departments rolled up)", "< 20");
        tableProvince.report(results, "annual table (a province: 2,000 departments rolled up)", "< 20");
        four.report(results, "section 四 review/litigation (one department)", "< 20");
        fourCity.report(results, "section 四 review/litigation (a city: 100 departments)", "< 20");
        fourProvince.report(results, "section 四 review/litigation (a province: 2,000 departments)", "< 20");
        fees.report(results, "fee figures (one department)", "< 20");
        feesCity.report(results, "fee figures (a city: 100 departments)", "< 20");
        feesProvince.report(results, "fee figures (a province: 2,000 departments)", "< 20");
        board.report(results, "deadline board (one department)", "< 50");
        boardCity.report(results, "deadline board (a city: 100 departments, ~15,000 lines)", "");
        boardCityPage.report(results, "deadline board page (a city, 50 lines, counts per state)", "< 50");
        boardProvincePage.report(results, "deadline board page (the province, 50 lines, counts per state)", "< 50");
        detail.report(results, "request detail (with its history)", "");
        lookup.report(results, "public status lookup (number and access code)", "< 20");
        search(http, random, results);
        plainGroupBy(random).report(results, "plain GROUP BY over request_view (one department, one year)", "");
        results.add("peak heap, query side (reads)", heap.queryPeakMiB(), "MiB", "< 512", "");
    }

    /**
     * Issue 18: the request search's first page (50 lines, and the total) over a province (2,000 departments) and
     * over a city (100), for terms of the data set (dataset.sql) of different selectivity: a whole applicant name
     * (about 10 requests per million), a name's first digits (about 1 in 90), a tracking-number prefix (one
     * department's year, about 1 in 10,000) and a word of every description. The series take turns, so that
     * what the machine does meanwhile falls on all of them alike.
     */
    private void search(Http http, Random random, Results results) throws Exception {
        int n = options.searchSamples();
        String[] scopes = {"province", "city"};
        String[] kinds = {"name (申请人NNNNN, ~10 per million)", "name prefix (申请人NN, ~1.1%)",
                "tracking-number prefix (Bnnnn-yyyy, ~0.01%)", "description word (审批文件, every request)"};
        Latencies[][] series = new Latencies[scopes.length][kinds.length];
        for (Latencies[] row : series) {
            for (int k = 0; k < kinds.length; k++) {
                row[k] = new Latencies(n);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < scopes.length; s++) {
                int city = 1 + random.nextInt(20);
                String agency = s == 0 ? "PROV" : String.format("C%02d", city);
                for (int k = 0; k < kinds.length; k++) {
                    String term = switch (k) {
                        case 0 -> "申请人" + (10000 + random.nextInt(90000));
                        case 1 -> "申请人" + (10 + random.nextInt(90));
                        case 2 -> String.format("B%04d-%d", (city - 1) * 100 + 1 + random.nextInt(100), year(random));
                        default -> "审批文件";
                    };
                    series[s][k].add(timed(http, Sides.QUERY + "/api/requests?agencyCode=" + agency
                            + "&includeSubAgencies=true&size=50&page=0&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8)));
                }
            }
        }
        for (int s = 0; s < scopes.length; s++) {
            for (int k = 0; k < kinds.length; k++) {
                series[s][k].report(results, "request search, " + scopes[s] + " (" + (s == 0 ? "2,000" : "100")
                        + " departments), first page of 50: " + kinds[k], "< 100");
            }
        }
    }

    private void warmUp(Http http, Random random, List<String> ids) throws Exception {
        for (int i = 0; i < 300; i++) {
            http.get(Sides.QUERY + "/api/reports/" + year(random) + "/matrix?agencyCode=" + department(random));
            http.get(Sides.QUERY + "/api/deadlines?agencyCode=" + department(random) + "&asOf=2026-06-15");
            http.get(Sides.QUERY + "/api/requests/" + ids.get(random.nextInt(ids.size())));
        }
    }

    private Latencies plainGroupBy(Random random) throws Exception {
        int n = options.readSamples();
        Latencies latencies = new Latencies(n);
        try (Connection c = db.connect(); PreparedStatement q = c.prepareStatement("""
                SELECT applicant_type, outcome,
                       count(*) FILTER (WHERE received_on BETWEEN ? AND ?) AS received,
                       count(*) FILTER (WHERE answered_on BETWEEN ? AND ?) AS answered
                FROM request_view WHERE agency_code = ? AND (received_on BETWEEN ? AND ? OR answered_on BETWEEN ? AND ?)
                GROUP BY applicant_type, outcome""")) {
            for (int i = 0; i < n; i++) {
                int y = year(random);
                LocalDate from = LocalDate.of(y, 1, 1);
                LocalDate to = LocalDate.of(y, 12, 31);
                q.setObject(1, from);
                q.setObject(2, to);
                q.setObject(3, from);
                q.setObject(4, to);
                q.setString(5, department(random));
                q.setObject(6, from);
                q.setObject(7, to);
                q.setObject(8, from);
                q.setObject(9, to);
                long t = System.nanoTime();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(3);
                    }
                }
                latencies.add(System.nanoTime() - t);
            }
        }
        return latencies;
    }

    /**
     * Online applications confirmed into the sampled requests, as the command side writes them: number, and the
     * access code's hash as platform's AccessCodes takes it (SHA-256 of number, a line break and the code).
     */
    private List<String[]> onlineApplications(List<String> ids) throws Exception {
        List<String[]> made = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO online_application (application_id, application_no, access_code_hash, agency_code, applicant_type,
                    applicant_name, description, submitted_at, submitted_on, status, request_id, tracking_no)
                SELECT gen_random_uuid(), ?, ?, agency_code, applicant_type, applicant_name, description, now(), received_on,
                       'CONFIRMED', request_id, tracking_no
                FROM request_view WHERE request_id = ?::uuid ON CONFLICT DO NOTHING""")) {
            int i = 0;
            for (String id : ids) {
                String no = String.format("WSBENCH%09d", i++);
                String code = "BENCH" + String.format("%05d", i);
                insert.setString(1, no);
                insert.setBytes(2, java.security.MessageDigest.getInstance("SHA-256")
                        .digest((no + "\n" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                insert.setString(3, id);
                insert.executeUpdate();
                made.add(new String[] {no, code});
            }
        }
        return made;
    }

    private List<String> sampleRequestIds(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT request_id FROM request_view TABLESAMPLE SYSTEM (1) REPEATABLE (" + options.seed() % 1000 + ") LIMIT " + count)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static long timed(Http http, String url) throws Exception {
        long t = System.nanoTime();
        var answer = http.get(url);
        long elapsed = System.nanoTime() - t;
        if (answer.status() != 200) {
            throw new IllegalStateException(url + " answered " + answer.status() + " " + answer.json());
        }
        return elapsed;
    }

    private static String department(Random random) {
        return String.format("B%04d", 1 + random.nextInt(2000));
    }

    private static String city(Random random) {
        return String.format("C%02d", 1 + random.nextInt(20));
    }

    private static int year(Random random) {
        return 2021 + random.nextInt(5);
    }
}
