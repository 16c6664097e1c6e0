package cn.opengov.tracker.query;

import cn.opengov.tracker.api.report.AnnualTable;
import cn.opengov.tracker.api.report.MatrixRow;
import cn.opengov.tracker.api.report.ReviewLitigationTable;
import cn.opengov.tracker.api.reporting.AnnualReportPublished;
import cn.opengov.tracker.api.reporting.YearClosed;
import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.ConsultationKind;
import cn.opengov.tracker.api.request.DeliveryForm;
import cn.opengov.tracker.api.request.FeeBasis;
import cn.opengov.tracker.api.request.OutcomeCategory;
import cn.opengov.tracker.api.request.event.AnswerDeferred;
import cn.opengov.tracker.api.request.event.ConsultationEnded;
import cn.opengov.tracker.api.request.event.ConsultationStarted;
import cn.opengov.tracker.api.request.event.CorrectionReceived;
import cn.opengov.tracker.api.request.event.CorrectionRequested;
import cn.opengov.tracker.api.request.event.DeadlineExtended;
import cn.opengov.tracker.api.request.event.FeeNoticeIssued;
import cn.opengov.tracker.api.request.event.FeePaid;
import cn.opengov.tracker.api.request.event.LawsuitFiled;
import cn.opengov.tracker.api.request.event.OutcomeReclassified;
import cn.opengov.tracker.api.request.event.ReconsiderationDecided;
import cn.opengov.tracker.api.request.event.ReconsiderationFiled;
import cn.opengov.tracker.api.request.event.RequestAssigned;
import cn.opengov.tracker.api.request.event.RequestCarriedOver;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.testing.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every read's JSON held against the answers recorded in {@code src/test/resources/read-shapes}: the same fields,
 * in the same order, with the same values and nulls, for one request in every state the law gives it. Fields may be
 * added (API.md: "add freely"); none may go, move or change. Ids and instants are replaced by placeholders. The
 * answers of this run are written to {@code target/read-shapes}, and the pages' HTML beside them for a diff by eye;
 * {@code -DreadShapes.record=true} only writes them (to record a read on purpose, copy its file over).
 */
class ReadShapesTest extends QuerySideTest {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final Path OUT = Path.of("target", "read-shapes");

    private final Map<String, String> placeholders = new LinkedHashMap<>();

    @Test
    void everyReadKeepsItsShape() throws IOException {
        String county = newAgency(null);
        String department = newAgency(county);
        placeholders.put(county, "COUNTY");
        placeholders.put(department, "DEPT");

        UUID answered = request("answered", county, "2025-03-03", ApplicantType.NATURAL_PERSON, Channel.IN_PERSON,
                new Applicant(ApplicantType.NATURAL_PERSON, "张三", "11010519491231002X", "13800000000", "a@b.cn", "北京市"));
        answered(answered, "2025-03-20", OutcomeCategory.DISCLOSED);

        UUID corrected = request("everyStep", county, "2025-12-15", ApplicantType.NATURAL_PERSON, Channel.MAIL, null);
        append(corrected, new CorrectionRequested(corrected, d("2025-12-16"), "请补充信息名称", d("2025-12-30")));
        appendFor("AgencyReporting", county, new YearClosed(county, 2025));
        append(corrected, new RequestCarriedOver(corrected, 2025),
                new CorrectionReceived(corrected, d("2026-01-05")),
                new DeadlineExtended(corrected, d("2026-01-20"), 10, "需要调查"),
                new ConsultationStarted(corrected, "c1", ConsultationKind.THIRD_PARTY, "某公司", d("2026-01-22")),
                new ConsultationEnded(corrected, "c1", d("2026-02-10")),
                new FeeNoticeIssued(corrected, d("2026-02-12"), new BigDecimal("100.00")),
                new FeePaid(corrected, d("2026-02-20")));

        UUID awaiting = request("awaitingCorrection", county, "2026-06-01", ApplicantType.COMMERCIAL_ENTERPRISE, Channel.ONLINE, null);
        append(awaiting, new CorrectionRequested(awaiting, d("2026-06-03"), "请补充", d("2026-06-20")));

        UUID suspended = request("suspended", county, "2026-05-01", ApplicantType.RESEARCH_INSTITUTION, Channel.FAX, null);
        // delivered 06-01: its reply limit (条例第三十四条) runs to 06-23, so it still suspends the request on 06-15
        append(suspended, new ConsultationStarted(suspended, "c2", ConsultationKind.OTHER_AGENCY, "某局", d("2026-05-10"),
                d("2026-06-01")));

        // SPEC §2b's other procedures, in an agency of their own so that the county's lists stay as recorded
        String law = newAgency(null);
        placeholders.put(law, "LAW");
        UUID rules2007 = request("rules2007", law, "2019-03-01", ApplicantType.NATURAL_PERSON, Channel.MAIL, null);
        answered(rules2007, "2019-03-20", OutcomeCategory.DISCLOSED);

        UUID replyOverdue = request("replyOverdue", law, "2026-04-20", ApplicantType.NATURAL_PERSON, Channel.ONLINE, null);
        append(replyOverdue, new ConsultationStarted(replyOverdue, "c3", ConsultationKind.THIRD_PARTY, "某企业", d("2026-04-27")));

        UUID deferred = request("deferred", law, "2026-06-01", ApplicantType.NATURAL_PERSON, Channel.ONLINE, null);
        append(deferred, new AnswerDeferred(deferred, d("2026-06-10"), d("2026-07-31"), "申请数量明显超过合理范围"),
                new DeadlineExtended(deferred, d("2026-06-12"), 5, "需要调查", "办公室主任王五"),
                new FeeNoticeIssued(deferred, d("2026-06-12"), new BigDecimal("1100.00"), d("2026-06-15"), FeeBasis.PER_VOLUME,
                        120, new BigDecimal("1100.00"), null),
                new RequestAssigned(deferred, "staff", null));

        UUID disputed = request("disputed", county, "2025-06-02", ApplicantType.LEGAL_SERVICE_ORG, Channel.ONLINE, null);
        answered(disputed, "2025-07-01", OutcomeCategory.WITHHELD_STATE_SECRET);
        append(disputed, new OutcomeReclassified(disputed, OutcomeCategory.WITHHELD_STATE_SECRET,
                        OutcomeCategory.WITHHELD_THIRD_PARTY_RIGHTS, "更正"),
                new ReconsiderationFiled(disputed, "k1", d("2025-08-01")),
                new ReconsiderationDecided(disputed, "k1", d("2025-10-01"), CaseResult.UPHELD),
                new LawsuitFiled(disputed, "s1", d("2025-11-01"), true),
                new LawsuitFiled(disputed, "s2", d("2026-01-05"), false));

        UUID overdue = request("overdue", county, "2026-04-01", ApplicantType.OTHER_ORG, Channel.ONLINE, null);
        UUID onTrack = request("onTrack", department, "2026-06-10", ApplicantType.SOCIAL_WELFARE_ORG, Channel.ONLINE, null);
        placeholders.put(onTrack.toString(), "onTrack");
        placeholders.put(overdue.toString(), "overdue");

        AnnualTable frozen = AnnualTable.builder(2025).add(MatrixRow.NEW_RECEIVED, ApplicantType.NATURAL_PERSON, 2)
                .add(OutcomeCategory.DISCLOSED.name(), ApplicantType.NATURAL_PERSON, 1)
                .add(MatrixRow.CARRIED_TO_NEXT, ApplicantType.NATURAL_PERSON, 1).build();
        ReviewLitigationTable frozenFour = new ReviewLitigationTable.Counter()
                .add(CaseKind.RECONSIDERATION, CaseResult.UPHELD.name(), 1).table();
        appendFor("AgencyReporting", county, new AnnualReportPublished(county, 2025, true, frozen, frozenFour));

        String tree = "agencyCode=" + county + "&includeSubAgencies=true";
        check("request-list", "/api/requests?" + tree);
        check("request-list-open", "/api/requests?" + tree + "&status=OPEN&size=3&page=1");
        for (UUID id : List.of(answered, corrected, awaiting, suspended, disputed, overdue, onTrack, rules2007, replyOverdue,
                deferred)) {
            check("request-detail-" + placeholders.get(id.toString()), "/api/requests/" + id);
        }
        check("deadlines", "/api/deadlines?" + tree);
        check("deadlines-as-of", "/api/deadlines?" + tree + "&asOf=2026-01-10");
        check("deadlines-overdue", "/api/deadlines?" + tree + "&state=OVERDUE&state=SUSPENDED");
        check("deadlines-page", "/api/deadlines?" + tree + "&page=0&size=2");
        check("matrix-2025", "/api/reports/2025/matrix?" + tree);
        check("matrix-2026", "/api/reports/2026/matrix?agencyCode=" + county);
        check("matrix-2020", "/api/reports/2020/matrix?" + tree);
        check("cells-new", "/api/reports/2025/matrix/cells?" + tree + "&row=NEW_RECEIVED&column=TOTAL");
        check("cells-carried", "/api/reports/2025/matrix/cells?" + tree + "&row=CARRIED_TO_NEXT&column=NATURAL_PERSON");
        check("cells-outcome", "/api/reports/2025/matrix/cells?" + tree + "&row=WITHHELD_THIRD_PARTY_RIGHTS&column=TOTAL&size=1");
        check("review-litigation", "/api/reports/2025/review-litigation?" + tree);
        check("fees", "/api/reports/2026/fees?agencyCode=" + law);
        check("deadlines-law", "/api/deadlines?agencyCode=" + law);
        check("request-list-law", "/api/requests?agencyCode=" + law + "&assignee=staff");
        check("fee-proposal", "/api/requests/" + replyOverdue + "/fee-proposal?basis=PER_VOLUME&pages=120");
        check("published", "/api/reports/2025/published?" + tree);
        check("working-days", "/api/calendar/working-days?from=2026-01-01&days=20");

        page("page-requests", "/requests?agencyCode=" + county);
        page("page-detail", "/requests/" + corrected);
        page("page-detail-answered", "/requests/" + disputed);
        page("page-board", "/board?agencyCode=" + county);
        page("page-reports", "/reports?agencyCode=" + county + "&year=2025");
        page("page-cells", "/reports/cells?" + tree + "&year=2025&row=NEW_RECEIVED&column=TOTAL");
    }

    private UUID request(String name, String agency, String on, ApplicantType type, Channel channel, Applicant applicant) {
        UUID id = UUID.randomUUID();
        placeholders.put(id.toString(), name);
        Applicant who = applicant != null ? applicant : new Applicant(type, "申请人" + name, null, null, null, null);
        append(id, new RequestReceived(id, agency + "-" + d(on).getYear() + "-" + name, agency, d(on), channel, who,
                "申请公开" + name, name.equals("answered") ? DeliveryForm.ELECTRONIC_EMAIL : null));
        return id;
    }

    private void check(String name, String path) throws IOException {
        ApiClient.Response answer = get(path);
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
        JsonNode actual = JSON.readTree(normalized(answer.text()));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(name + ".json"), JSON.writeValueAsString(actual));
        if (Boolean.getBoolean("readShapes.record")) {
            return;
        }
        JsonNode recorded = recorded(name);
        List<String> problems = new ArrayList<>();
        contains(recorded, actual, "$", problems);
        assertThat(problems).as(name + " (" + path + ") against read-shapes/" + name + ".json").isEmpty();
    }

    private void page(String name, String path) throws IOException {
        ApiClient.Response answer = get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve(name + ".html"), normalized(answer.text()));
    }

    private String normalized(String text) {
        String out = text;
        for (Map.Entry<String, String> p : placeholders.entrySet()) {
            out = out.replace(p.getKey(), p.getValue());
        }
        return out.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})", "<instant>")
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"<csrf>\"")
                .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>");
    }

    private static JsonNode recorded(String name) throws IOException {
        try (InputStream in = ReadShapesTest.class.getResourceAsStream("/read-shapes/" + name + ".json")) {
            if (in == null) {
                fail("no recorded answer read-shapes/" + name + ".json: copy it from target/read-shapes once checked");
            }
            return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The recorded answer is in the actual one: every field, in order (others may stand between), every value. */
    private static void contains(JsonNode recorded, JsonNode actual, String at, List<String> problems) {
        if (recorded.isObject()) {
            if (!actual.isObject()) {
                problems.add(at + ": an object became " + actual.getNodeType());
                return;
            }
            List<String> actualNames = new ArrayList<>();
            actual.fieldNames().forEachRemaining(actualNames::add);
            int last = -1;
            for (Iterator<String> names = recorded.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                int index = actualNames.indexOf(name);
                if (index < 0) {
                    problems.add(at + "." + name + ": missing");
                    continue;
                }
                if (index < last) {
                    problems.add(at + "." + name + ": out of order");
                }
                last = Math.max(last, index);
                contains(recorded.get(name), actual.get(name), at + "." + name, problems);
            }
        } else if (recorded.isArray()) {
            if (!actual.isArray() || actual.size() != recorded.size()) {
                problems.add(at + ": " + recorded + " became " + actual);
                return;
            }
            for (int i = 0; i < recorded.size(); i++) {
                contains(recorded.get(i), actual.get(i), at + "[" + i + "]", problems);
            }
        } else if (!recorded.equals(actual)) {
            problems.add(at + ": " + recorded + " became " + actual);
        }
    }
}
