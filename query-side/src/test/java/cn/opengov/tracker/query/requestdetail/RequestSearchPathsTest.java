package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.event.ReceiptDateCorrected;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.api.request.state.RequestState;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.security.CurrentUser;
import cn.opengov.tracker.query.QuerySideTest;
import cn.opengov.tracker.query.requestdetail.RequestQueries.SearchPath;
import cn.opengov.tracker.query.requestdetail.RequestQueries.StatePage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The ways a search finds its page (RequestQueries.SearchPath): the newest requests first, the matches month by
 * month, newest first, or the planner's own. Whichever is taken, the page (its order too) and the total are exactly
 * those of the plain ILIKE; and the grams asked for are chosen by how common they are.
 */
class RequestSearchPathsTest extends QuerySideTest {

    private static final List<String> TERMS = List.of("审批文件", "拆迁", "申请人1", "申请人12", "-2025-01", "2025", "某", "不存在的词", "50%");

    @Autowired
    private RequestQueries queries;

    @Autowired
    private GramFrequencies frequencies;

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                new CurrentUser("admin", Role.ADMIN, AgencyDirectory.TOP), null, List.of()));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void gramsThatMostRequestsHaveAreNotAskedFor() {
        int common = SearchGrams.pair('2', '0');
        int alsoCommon = SearchGrams.pair('0', '2');
        int rare = SearchGrams.pair('欧', '阳');
        int middling = SearchGrams.pair('人', '1');
        // "2020"'s triples as common as its pairs
        GramFrequencies.Known known = new GramFrequencies.Known(byStatisticsKey(Map.of(common, 1.0, alsoCommon, 0.999, middling, 0.11,
                SearchGrams.triple('2', '0', '2'), 1.0, SearchGrams.triple('0', '2', '0'), 0.999)), 0.08, 1_000_000, true, 0);
        assertThat(values(SearchTerm.worthLookingUp(List.of(gram(common, 0, 2), gram(rare, 2, 4), gram(middling, 4, 6)), known)))
                .as("a pair in every row narrows nothing; the rarer ones do").containsExactly(sortedOf(rare, middling));
        assertThat(SearchTerm.worthLookingUp(List.of(gram(common, 0, 2)), known)).isEmpty();
        SearchTerm term = SearchTerm.of("2020", known);
        assertThat(term.narrowed()).as("every pair of it in (almost) every row: the ILIKE alone").isFalse();
        assertThat(term.share()).isEqualTo(0.999);
        assertThat(SearchTerm.of("欧阳", known).share()).as("a pair the statistics do not list: half the rarest listed")
                .isEqualTo(0.04);
        assertThat(SearchTerm.of("欧阳", GramFrequencies.Known.NONE).grams())
                .as("nothing known: every gram, as before").containsExactly(SearchGrams.unmixedOf("欧阳"));
        assertThat(SearchTerm.of("欧阳", GramFrequencies.Known.NONE).share()).isEqualTo(SearchTerm.UNKNOWN);
    }

    @Test
    void aPairWithinATripleAlreadyAskedForIsNotAskedForAgain() {
        int oneTwo = SearchGrams.pair('1', '2');
        int twoThree = SearchGrams.pair('2', '3');
        int nameOne = SearchGrams.pair('人', '1');
        // the pairs of digits as common as they are in the bench's data; the triples not listed: rarer than all listed
        GramFrequencies.Known known = new GramFrequencies.Known(byStatisticsKey(Map.of(oneTwo, 0.18, twoThree, 0.18, nameOne, 0.11)), 0.05,
                10_000_000, true, 0);
        SearchTerm term = SearchTerm.of("人123", known);
        assertThat(term.grams()).as("the two triples cover every pair")
                .containsExactly(sortedOf(SearchGrams.triple('人', '1', '2'), SearchGrams.triple('1', '2', '3')));
        assertThat(term.share()).as("the share from the pairs, as before").isCloseTo(0.11 * 0.18 * 0.18, within(1e-12));

        GramFrequencies.Known pairsOnly = new GramFrequencies.Known(known.frequencies(), 0.05, 10_000_000, false, 0);
        assertThat(SearchTerm.of("人123", pairsOnly).grams()).as("rows written before V130: pairs only")
                .containsExactly(sortedOf(oneTwo, twoThree, nameOne));
    }

    @Test
    void aTripleThatSharesAPairWithAKeptOneNarrowsByItsShareAmongTheRowsWithThatPair() {
        // the statistics of the bench's 10 M requests for a whole name: its digits' pairs in a tenth of the rows,
        // two of its triples rarer than any listed (half the rarest listed: 0.465 %), the third listed at 0.95 %
        Map<Integer, Double> shares = new HashMap<>(Map.of(SearchGrams.pair('申', '请'), 1.0, SearchGrams.pair('请', '人'), 1.0,
                SearchGrams.pair('人', '8'), 0.111, SearchGrams.triple('请', '人', '8'), 0.111, SearchGrams.pair('8', '6'), 0.1093,
                SearchGrams.triple('人', '8', '6'), 0.0119, SearchGrams.pair('6', '4'), 0.1079, SearchGrams.pair('4', '2'), 0.1082,
                SearchGrams.triple('4', '2', '0'), 0.0095, SearchGrams.pair('2', '0'), 1.0));
        // and of a name's first digits: 人12 in one row of a hundred, 人1 and 请人1 in a tenth
        shares.putAll(Map.of(SearchGrams.pair('人', '1'), 0.111, SearchGrams.triple('请', '人', '1'), 0.111,
                SearchGrams.pair('1', '2'), 0.18, SearchGrams.triple('人', '1', '2'), 0.011));
        GramFrequencies.Known known = new GramFrequencies.Known(byStatisticsKey(shares), 0.0093, 10_000_000, true, 0);
        assertThat(SearchTerm.of("申请人86420", known).grams())
                .as("864 and 642 overlap in 64: together they let through ~0.02 % of the rows, not 0.002 %, and 420 narrows those; "
                        + "人86 narrows the rows with 86 to a ninth, for a skip through its list to each of them")
                .containsExactly(sortedOf(SearchGrams.triple('8', '6', '4'), SearchGrams.triple('6', '4', '2'), SearchGrams.triple('4', '2', '0'),
                        SearchGrams.triple('人', '8', '6')));
        assertThat(SearchTerm.of("申请人12", known).grams()).as("请人1 after 人12: every row with 人1 has 请人1")
                .containsExactly(SearchGrams.triple('人', '1', '2'));
    }

    @Test
    void aCommonGramIsAskedForAfterRarerOnesWhileItNarrowsTheirRows() {
        // the bench's 10 M: a tracking number's department triples rarer than any listed, its year's in a fifth of the
        // rows (every row of that year), the pairs of both and the dash in most
        Map<Integer, Double> shares = new HashMap<>();
        for (String pair : List.of("b0", "08", "87", "71", "1-", "-2", "20", "02", "23")) {
            shares.put(SearchGrams.pair(pair.charAt(0), pair.charAt(1)), 0.3);
        }
        for (String common : List.of("1-2", "-20", "202")) {
            shares.put(SearchGrams.triple(common.charAt(0), common.charAt(1), common.charAt(2)), 1.0);
        }
        shares.put(SearchGrams.triple('0', '2', '3'), 0.21);
        GramFrequencies.Known known = new GramFrequencies.Known(byStatisticsKey(shares), 0.009, 10_000_000, true, 0);
        SearchTerm term = SearchTerm.of("B0871-2023", known);
        assertThat(term.grams()).as("023 narrows the department's rows to its year: its list is a fifth of the table, but after "
                + "the rarer ones it costs a skip to each of their rows").contains(SearchGrams.triple('0', '2', '3'))
                .doesNotContain(SearchGrams.triple('2', '0', '2'), SearchGrams.triple('-', '2', '0'));
    }

    @Test
    void theSearchAsksForTriplesOnlyOnceARebuildHasWrittenThemIntoEveryRow() {
        String agency = newAgency(null);
        receivedWith(agency, agency + "-2025-0001", LocalDate.of(2025, 3, 3), "申请人12345", "申请公开审批文件");
        awaitProjected(agency);
        assertThat(jdbc.queryForObject("SELECT triples FROM search_grams_scheme", Boolean.class))
                .as("a new installation's table was empty").isTrue();
        try {
            // as after V130 on a table of old rows: pairs only until a rebuild
            jdbc.update("UPDATE search_grams_scheme SET triples = FALSE");
            frequencies.forget();
            assertThat(frequencies.known().triples()).isFalse();
            assertThat(queries.states(agency, false, null, "人12345", null, 0, 10, 100).items()).hasSize(1);

            admin().post("/api/admin/projections/rebuild", Map.of());
            admin().awaitRebuilt(Duration.ofSeconds(60));
            assertThat(jdbc.queryForObject("SELECT triples FROM search_grams_scheme", Boolean.class)).isTrue();
            frequencies.forget();
            assertThat(frequencies.known().triples()).isTrue();
            assertThat(queries.states(agency, false, null, "人12345", null, 0, 10, 100).items()).hasSize(1);
        } finally {
            jdbc.update("UPDATE search_grams_scheme SET triples = TRUE");
            frequencies.forget();
        }
    }

    @Test
    void theFrequenciesAreTheTablesStatistics() {
        String agency = newAgency(null);
        for (int i = 0; i < 5; i++) {
            receivedWith(agency, agency + "-2025-000" + i, LocalDate.of(2025, 3, 3), "申请人" + i, "申请公开审批文件");
        }
        awaitProjected(agency);
        jdbc.execute("ANALYZE request_view");
        frequencies.forget();
        GramFrequencies.Known known = frequencies.known();
        assertThat(known.analyzed()).isTrue();
        assertThat(known.rows()).isPositive();
        assertThat(known.of(SearchGrams.pair('审', '批'))).isPositive();
        assertThat(known.of(SearchGrams.pair('\u9fa4', '\u9fa5'))).as("a pair no request has").isLessThanOrEqualTo(known.rarerThan());
    }

    @Test
    void everyWayFindsExactlyWhatTheIlikeFindsBeforeAndAfterARebuild() {
        String county = newAgency(null);
        String department = newAgency(county);
        String elsewhere = newAgency(null);
        for (int i = 0; i < 30; i++) {
            String agency = i % 3 == 0 ? county : department;
            // a few share a day, so that the tracking number decides their order; over a year and more, so that a
            // search by month reads several windows of months
            LocalDate on = LocalDate.of(2025, 1, 1).plusDays(i * 49L / 3);
            receivedWith(agency, agency + "-2025-" + String.format("%04d", 100 - i), on, "申请人" + (i * 37 % 100),
                    "申请公开某项目的审批文件" + (i % 4 == 0 ? "和拆迁补偿标准" : "") + (i % 10 == 0 ? "（50%完成）" : ""));
        }
        receivedWith(elsewhere, elsewhere + "-2025-0001", LocalDate.of(2025, 6, 1), "申请人12", "审批文件和拆迁");
        awaitProjected(county);
        assertEveryWayAsIlike(county, List.of(county, department));

        jdbc.execute("ANALYZE request_view");
        frequencies.forget();
        assertEveryWayAsIlike(county, List.of(county, department));

        admin().post("/api/admin/projections/rebuild", Map.of());
        admin().awaitRebuilt(Duration.ofSeconds(60));
        frequencies.forget();
        assertEveryWayAsIlike(county, List.of(county, department));
        // over every agency (most of the agencies: a window's keys are read apart from the scope's conditions)
        assertEveryWayAsIlike(AgencyDirectory.TOP, jdbc.queryForList("SELECT code FROM agency", String.class));
    }

    @Test
    void theStatisticsOfTheGramsOutliveRebuilds() {
        String agency = newAgency(null);
        receivedWith(agency, agency + "-2025-0001", LocalDate.of(2025, 3, 3), "申请人1", "申请公开审批文件");
        awaitProjected(agency);
        for (int rebuild = 0; rebuild < 2; rebuild++) {
            admin().post("/api/admin/projections/rebuild", Map.of());
            admin().awaitRebuilt(Duration.ofSeconds(60));
            // the copy's statistics took the live one's name and schema (the copies' schema is gone)
            assertThat(jdbc.queryForList("SELECT stxname::text FROM pg_statistic_ext WHERE stxrelid = 'request_view'::regclass "
                    + "AND stxnamespace = current_schema()::regnamespace", String.class)).containsExactly("request_view_search_grams");
            frequencies.forget();
            GramFrequencies.Known known = frequencies.known();
            assertThat(known.analyzed()).as("rebuild " + rebuild).isTrue();
            assertThat(known.of(SearchGrams.pair('审', '批'))).as("a pair as it is, not mixed with its month").isGreaterThan(known.rarerThan());
        }
    }

    @Test
    void aRequestWhoseDateOfReceiptIsCorrectedIsFoundInItsNewMonth() {
        String agency = newAgency(null);
        UUID id = receivedWith(agency, agency + "-2025-0001", LocalDate.of(2025, 1, 31), "欧阳娜娜", "申请公开审批文件");
        receivedWith(agency, agency + "-2025-0002", LocalDate.of(2025, 4, 1), "申请人2", "申请公开审批文件");
        append(id, new ReceiptDateCorrected(id, LocalDate.of(2025, 1, 31), LocalDate.of(2025, 3, 3), "录入错误"));
        awaitProjected(agency);
        for (SearchPath tried : Arrays.asList(SearchPath.BY_MONTH, SearchPath.NEWEST_FIRST, null)) {
            StatePage found = queries.states(agency, false, null, "欧阳", null, 0, 10, 10, tried);
            assertThat(found.items()).as("tried " + tried).extracting(RequestState::requestId).containsExactly(id);
        }
        assertThat(jdbc.queryForObject("SELECT search_grams @> ?::integer[] FROM request_view WHERE request_id = ?", Boolean.class,
                Arrays.stream(SearchGrams.keysOf(new int[] {SearchGrams.pair('欧', '阳')}, SearchGrams.months(LocalDate.of(2025, 3, 1))))
                        .boxed().toArray(Integer[]::new), id)).as("the keys of March").isTrue();
    }

    @Test
    void overSomeAgenciesTheIndexHandsOverTheirRowsAloneByTheirKeys() {
        String county = newAgency(null);
        String department = newAgency(county);
        LocalDate on = LocalDate.of(2025, 5, 6);
        UUID id = receivedWith(department, department + "-2025-0001", on, "欧阳娜娜", "申请公开审批文件");
        awaitProjected(county);
        int agencyKey = SearchGrams.key(SearchGrams.agencyGram(department), SearchGrams.months(on));
        assertThat(jdbc.queryForObject("SELECT ? = ANY(search_grams) FROM request_view WHERE request_id = ?", Boolean.class, agencyKey, id))
                .as("the row carries its agency's key of its month").isTrue();
        for (boolean withSubAgencies : new boolean[] {true, false}) {
            String scope = withSubAgencies ? county : department;
            StatePage found = queries.states(scope, withSubAgencies, null, "欧阳", null, 0, 10, 10, SearchPath.BY_MONTH_AND_AGENCIES);
            assertThat(found.path()).isEqualTo(SearchPath.BY_MONTH_AND_AGENCIES);
            assertThat(found.items()).extracting(RequestState::requestId).as(scope).containsExactly(id);
        }
        // the agency's key taken away, the index no longer hands the row over when the county's agencies' keys are
        // asked for (one agency's or several); the grams alone still find it
        jdbc.update("UPDATE request_view SET search_grams = array_remove(search_grams, ?) WHERE request_id = ?", agencyKey, id);
        assertThat(queries.states(county, true, null, "欧阳", null, 0, 10, 10, SearchPath.BY_MONTH_AND_AGENCIES).items()).isEmpty();
        assertThat(queries.states(department, false, null, "欧阳", null, 0, 10, 10, SearchPath.BY_MONTH_AND_AGENCIES).items()).isEmpty();
        assertThat(queries.states(county, true, null, "欧阳", null, 0, 10, 10, SearchPath.BY_MONTH).items())
                .extracting(RequestState::requestId).containsExactly(id);
        StatePage everyAgency = queries.states(AgencyDirectory.TOP, true, null, "欧阳", null, 0, 10, 10, SearchPath.BY_MONTH_AND_AGENCIES);
        assertThat(everyAgency.path()).as("over most of the agencies, never their keys").isEqualTo(SearchPath.BY_MONTH);
        assertThat(everyAgency.items()).extracting(RequestState::requestId).as("other tests' too").contains(id);
    }

    @Test
    void theAgenciesKeysAreAskedForWhileTheySpareMoreRowsThanTheyCost() {
        int agencies = 2_000;
        int[] grams = {SearchGrams.pair('审', '批')};
        // a million requests over twelve months
        GramFrequencies.Known known = new GramFrequencies.Known(byStatisticsKey(Map.of(grams[0], 1.0)), 0.5, 1_000_000, true, 0);
        // the index's candidates in a hundredth of the rows: ~830 a month, all but a few elsewhere
        SearchTerm common = new SearchTerm("%审批%", grams, 0.01, 0.01);
        assertThat(RequestQueries.agencyKeysWorthIt(common, known, 12, 2, agencies)).isTrue();
        assertThat(RequestQueries.agencyKeysWorthIt(common, known, 12, 101, agencies)).as("a city's hundred and one keys").isTrue();
        assertThat(RequestQueries.agencyKeysWorthIt(common, known, 12, 900, agencies)).as("more keys a month than rows they spare")
                .isFalse();
        SearchTerm rare = new SearchTerm("%审批%", grams, 1e-5, 1e-5);
        assertThat(RequestQueries.agencyKeysWorthIt(rare, known, 12, 2, agencies)).as("under one candidate a month").isFalse();
        assertThat(RequestQueries.agencyKeysWorthIt(common, known, 12, 1_001, agencies)).as("most of the agencies: never").isFalse();
        assertThat(RequestQueries.agencyKeysWorthIt(rare, GramFrequencies.Known.NONE, 12, 2, agencies)).as("nothing known: asked for")
                .isTrue();
    }

    @Test
    void aCommonTermFillsItsPageFromTheNewestRequests() {
        String agency = newAgency(null);
        // a word of this test's alone: the way by month is taken only for a term whose grams narrow, and how common
        // 审批文件 is depends on what the other tests left in the table and its statistics
        for (int i = 0; i < 4; i++) {
            receivedWith(agency, agency + "-2026-000" + i, LocalDate.of(2026, 6, 1 + i), "申请人" + i, "申请公开琦玥卷宗");
        }
        awaitProjected(agency);
        StatePage newest = queries.states(agency, false, null, "琦玥卷宗", null, 0, 2, 3, SearchPath.NEWEST_FIRST);
        assertThat(newest.path()).isEqualTo(SearchPath.NEWEST_FIRST);
        assertThat(newest.items()).extracting(RequestState::trackingNo).containsExactly(agency + "-2026-0003", agency + "-2026-0002");
        assertThat(newest.total()).isEqualTo(3);
        assertThat(newest.totalCapped()).isTrue();
        StatePage all = queries.states(agency, false, null, "琦玥卷宗", null, 0, 2, 10, SearchPath.BY_MONTH);
        assertThat(all.path()).isEqualTo(SearchPath.BY_MONTH);
        assertThat(all.items()).extracting(RequestState::trackingNo).containsExactly(agency + "-2026-0003", agency + "-2026-0002");
        assertThat(all.total()).isEqualTo(4);
        assertThat(all.totalCapped()).isFalse();
        StatePage past = queries.states(agency, false, null, "琦玥卷宗", null, 5, 2, 10, SearchPath.NEWEST_FIRST);
        assertThat(past.path()).as("nothing that far back: the planner's way says so").isEqualTo(SearchPath.AS_PLANNED);
        assertThat(past.items()).isEmpty();
    }

    private void assertEveryWayAsIlike(String county, List<String> codes) {
        for (String term : TERMS) {
            String pattern = "%" + RequestQueries.escapeLike(term) + "%";
            String where = " FROM request_view WHERE agency_code = ANY(?) AND (tracking_no ILIKE ? ESCAPE '\\' "
                    + "OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')";
            Object[] args = {codes.toArray(String[]::new), pattern, pattern, pattern};
            Long all = jdbc.queryForObject("SELECT count(*)" + where, Long.class, args);
            for (SearchPath tried : Arrays.asList(SearchPath.NEWEST_FIRST, SearchPath.BY_MONTH, SearchPath.BY_MONTH_AND_AGENCIES, null)) {
                for (int size : new int[] {1, 4, 50}) {
                    for (int page = 0; page < 3; page++) {
                        List<String> expected = jdbc.queryForList("SELECT tracking_no" + where
                                        + " ORDER BY received_on DESC, tracking_no DESC LIMIT " + size + " OFFSET " + page * size,
                                String.class, args);
                        StatePage found = queries.states(county, true, null, term, null, page, size, 5, tried);
                        String what = "q=" + term + " tried=" + tried + " size=" + size + " page=" + page;
                        assertThat(found.items()).extracting(RequestState::trackingNo).as(what).isEqualTo(expected);
                        // a page that is not full says how many there are; else they are counted up to the cap
                        boolean last = expected.size() < size && (page == 0 || !expected.isEmpty());
                        assertThat(found.total()).as(what).isEqualTo(last ? (long) page * size + expected.size() : Math.min(all, 5));
                        assertThat(found.totalCapped()).as(what).isEqualTo(!last && all > 5);
                    }
                }
            }
        }
    }

    private void awaitProjected(String agency) {
        // the projection has caught up with every event appended (get waits for the head)
        assertThat(get("/api/requests?agencyCode=" + agency + "&includeSubAgencies=true").status()).isEqualTo(200);
    }

    /** @return the request's id */
    private UUID receivedWith(String agency, String trackingNo, LocalDate on, String name, String description) {
        UUID id = UUID.randomUUID();
        append(id, new RequestReceived(id, trackingNo, agency, on, Channel.MAIL,
                new Applicant(ApplicantType.NATURAL_PERSON, name, null, null, null, null), description));
        return id;
    }

    /** Shares by gram, as the statistics key them. */
    private static Map<Integer, Double> byStatisticsKey(Map<Integer, Double> byGram) {
        Map<Integer, Double> byKey = new HashMap<>();
        byGram.forEach((gram, share) -> byKey.put(SearchGrams.statisticsKey(gram), share));
        return byKey;
    }

    private static SearchGrams.Gram gram(int value, int from, int to) {
        return new SearchGrams.Gram(value, from, to);
    }

    private static int[] values(List<SearchGrams.Gram> grams) {
        return grams.stream().mapToInt(SearchGrams.Gram::value).sorted().toArray();
    }

    private static int[] sortedOf(int... grams) {
        int[] sorted = grams.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
