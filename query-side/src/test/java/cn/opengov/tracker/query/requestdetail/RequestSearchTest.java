package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.Applicant;
import cn.opengov.tracker.api.request.ApplicantType;
import cn.opengov.tracker.api.request.Channel;
import cn.opengov.tracker.api.request.event.RequestReceived;
import cn.opengov.tracker.platform.directory.AgencyDirectory;
import cn.opengov.tracker.platform.directory.Role;
import cn.opengov.tracker.platform.security.CurrentUser;
import cn.opengov.tracker.query.QuerySideTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request search (GET /api/requests?q=) narrowed by the bigram index finds exactly what the ILIKE alone found:
 * Chinese fragments of two characters, parts of tracking numbers, LIKE's own characters, letters in both cases.
 */
class RequestSearchTest extends QuerySideTest {

    /** What the search was before the bigrams: the same ILIKE over the agencies' rows, nothing else. */
    private static final String OLD_SEARCH = "SELECT request_id::text FROM request_view WHERE agency_code = ANY(?) "
            + "AND (tracking_no ILIKE ? ESCAPE '\\' OR applicant_name ILIKE ? ESCAPE '\\' OR description ILIKE ? ESCAPE '\\')";

    private static final List<String> TERMS = List.of("欧阳", "阳娜", "拆迁", "补偿标准", "某项", "0042", "-2025-00", "2025-0",
            "100%", "%", "_", "\\", "a_b", "C:\\temp", "50%完成", "zhang", "ZHANG WEI", "g w", "äpfel", "ÄPFEL",
            "σίσυφος", "ΣΊΣΥΦΟΣ", "ß", "KELVIN", "kelvin", "娜", "人", "不存在的词", " 拆迁 ", "（第2号）", "第2号）", "\uD840\uDC0B\uD840\uDC0C",
            "İstanbul", "istanbul");

    @Autowired
    private RequestQueries queries;

    @Test
    void theBigramsInSqlAreTheJavaOnes() {
        List<String[]> texts = List.of(new String[] {"B0001-2023-00000012", "申请人12345", "申请公开某项目的审批文件和资金使用情况（123）"},
                new String[] {"Q1-2025-AbC", "Zhang Wei", "ÄPFEL und Σίσυφος, İstanbul \u212Aelvin"},
                new String[] {"x", "", "a"}, new String[] {"\uD840\uDC0B\uD840\uDC0C字", "\uD83D\uDE00a", "%_\\ \t"},
                new String[] {"Q2-2025-1", null, "ab"});
        for (String[] t : texts) {
            Array sql = jdbc.queryForObject("SELECT request_search_grams(?, ?, ?)", Array.class, t[0], t[1], t[2]);
            assertThat(sql).isNotNull();
            Integer[] fromSql = (Integer[]) jdbcArray(sql);
            assertThat(Arrays.stream(fromSql).mapToInt(Integer::intValue).toArray()).as(Arrays.toString(t))
                    .isEqualTo(SearchGrams.pairsOf(t));
        }
    }

    @Test
    void theKeysInSqlAreTheJavaOnes() {
        String[] texts = {"B0001-2023-00000012", "申请人12345", "申请公开某项目的审批文件（123）"};
        int[] grams = SearchGrams.unmixedOf(texts);
        for (LocalDate day : List.of(d("2019-01-01"), d("2025-03-03"), d("2025-12-31"), d("2026-02-28"), d("1999-07-15"), d("2087-11-30"))) {
            int[] row = SearchGrams.of(day, "B0001", texts);
            // V140's keys of the grams, and V150's of the agency, as V150 adds it
            Array sql = jdbc.queryForObject("SELECT array(SELECT DISTINCT k FROM unnest(array(SELECT request_search_key(g, ?) "
                            + "FROM unnest(?::integer[]) g) || request_search_key(request_search_agency_gram(?), ?)) k ORDER BY 1)",
                    Array.class, day, Arrays.stream(grams).boxed().toArray(Integer[]::new), "B0001", day);
            assertThat(ints(sql)).as(day.toString()).isEqualTo(row);
            Array statistics = jdbc.queryForObject("SELECT request_search_statistics_keys(?::integer[])", Array.class,
                    (Object) Arrays.stream(row).boxed().toArray(Integer[]::new));
            assertThat(Arrays.stream(ints(statistics)).sorted().distinct().toArray()).as("the statistics see each gram without its month")
                    .isEqualTo(IntStream.concat(Arrays.stream(grams), IntStream.of(SearchGrams.agencyGram("B0001")))
                            .map(SearchGrams::statisticsKey).sorted().distinct().toArray());
        }
        int gram = SearchGrams.pair('欧', '阳');
        assertThat(SearchGrams.key(gram, SearchGrams.months(d("2025-03-01")))).as("one key a month")
                .isEqualTo(SearchGrams.key(gram, SearchGrams.months(d("2025-03-31"))))
                .isNotEqualTo(SearchGrams.key(gram, SearchGrams.months(d("2025-04-01"))))
                .isNotEqualTo(SearchGrams.key(gram, SearchGrams.months(d("2026-03-01"))))
                .isNotEqualTo(SearchGrams.key(SearchGrams.pair('欧', '阴'), SearchGrams.months(d("2025-03-01"))));
        assertThat(SearchGrams.key(gram, 0) >>> SearchGrams.MONTH_BITS).as("a gram's keys of every month side by side")
                .isEqualTo(SearchGrams.key(gram, 127) >>> SearchGrams.MONTH_BITS);
    }

    @Test
    void theAgencysGramInSqlIsTheJavaOne() {
        for (String code : List.of("B0001", "C05", "ROOT", "县政府办", "a-b_c.d", "")) {
            assertThat(jdbc.queryForObject("SELECT request_search_agency_gram(?)", Integer.class, code)).as(code)
                    .isEqualTo(SearchGrams.agencyGram(code));
        }
        assertThat(SearchGrams.agencyGram("B0001")).isNotEqualTo(SearchGrams.agencyGram("B0002"));
    }

    private static int[] ints(Array array) {
        return Arrays.stream((Integer[]) jdbcArray(array)).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void aSearchFindsExactlyWhatTheIlikeFoundBeforeAndAfterARebuild() {
        String county = newAgency(null);
        String department = newAgency(county);
        receivedWith(county, county + "-2025-0042", "欧阳娜娜", "申请公开拆迁补偿标准");
        receivedWith(department, department + "-2025-0043", "张三丰", "关于100%完成率的说明（第2号）");
        receivedWith(department, department + "-2025-0044", "李_四", "路径 C:\\temp\\a_b 的文件");
        receivedWith(county, county + "-2025-1000", "Zhang Wei", "ÄPFEL und Σίσυφος");
        receivedWith(department, department + "-2024-0042", "王五", "拆迁");
        receivedWith(department, department + "-2025-0045", "\u212Aelvin İstanbul", "申请公开某项目 50%完成 ß");
        receivedWith(county, county + "-2025-0046", "\uD840\uDC0B\uD840\uDC0C先生", "ab");
        List<String> codes = List.of(county, department);
        assertSameAsIlike(county, codes);

        admin().post("/api/admin/projections/rebuild", Map.of());
        admin().awaitRebuilt(Duration.ofSeconds(60));
        assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'request_view'", String.class))
                .containsAll(RequestSearchIndex.INDEXES);
        assertSameAsIlike(county, codes);
    }

    @Test
    void aCommonWordIsCountedUpToTheCapAndSaysSo() {
        String agency = newAgency(null);
        for (int i = 0; i < 3; i++) {
            receivedWith(agency, agency + "-2025-000" + i, "申请人" + i, "申请公开审批文件");
        }
        JsonNode all = get("/api/requests?agencyCode=" + agency + "&q=" + encode("审批")).json();
        assertThat(all.path("total").asLong()).isEqualTo(3);
        assertThat(all.path("totalCapped").asBoolean()).isFalse();
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(
                new CurrentUser("admin", Role.ADMIN, AgencyDirectory.TOP), null, List.of()));
        try {
            RequestQueries.StatePage capped = queries.states(agency, false, null, "审批", null, 0, 1, 2);
            assertThat(capped.total()).isEqualTo(2);
            assertThat(capped.totalCapped()).isTrue();
            assertThat(capped.items()).hasSize(1);
            RequestQueries.StatePage exact = queries.states(agency, false, null, "审批", null, 0, 1, 3);
            assertThat(exact.total()).isEqualTo(3);
            assertThat(exact.totalCapped()).isFalse();
            RequestQueries.StatePage unsearched = queries.states(agency, false, null, null, null, 0, 1, 2);
            assertThat(unsearched.total()).as("a list without q is counted exactly").isEqualTo(3);
            assertThat(unsearched.totalCapped()).isFalse();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void theQueryGramsCoverOnlyWhatEveryCaseTableFoldsAlike() {
        assertThat(SearchGrams.forQuery("欧阳", true)).isNotEmpty();
        assertThat(SearchGrams.forQuery("B0001-2023", true)).isNotEmpty();
        assertThat(SearchGrams.forQuery("100%_\\", true)).isNotEmpty();
        assertThat(SearchGrams.forQuery("娜", true)).as("one character has no bigram").isEmpty();
        assertThat(SearchGrams.forQuery("äpfel", true)).as("a letter with case beyond ASCII").isEmpty();
        assertThat(SearchGrams.forQuery("ß", true)).isEmpty();
        List<SearchGrams.Gram> many = SearchGrams.forQuery("申请公开某项目的审批文件和资金使用情况以及相关的会议纪要", true);
        assertThat(many).as("pairs only: no character of it is ASCII").hasSize(SearchGrams.MAX_QUERY_GRAMS);
    }

    @Test
    void aRowCarriesTheTriplesWithAnAsciiCharacterAndTheQueryAsksForThemOnceTheRowsDo() {
        int[] row = SearchGrams.unmixedOf("B0123-2024-000123", "申请人12345", "申请公开审批文件（7）");
        int[] pairs = SearchGrams.pairsOf("B0123-2024-000123", "申请人12345", "申请公开审批文件（7）");
        assertThat(row).contains(pairs);
        assertThat(row).contains(SearchGrams.triple('b', '0', '1'), SearchGrams.triple('人', '1', '2'),
                SearchGrams.triple('1', '2', '3'), SearchGrams.triple('（', '7', '）'));
        assertThat(row).as("three Chinese characters: no triple").doesNotContain(SearchGrams.triple('申', '请', '人'));

        List<SearchGrams.Gram> withTriples = SearchGrams.forQuery("人123", true);
        assertThat(withTriples).extracting(SearchGrams.Gram::value).containsExactlyInAnyOrder(SearchGrams.pair('人', '1'),
                SearchGrams.pair('1', '2'), SearchGrams.pair('2', '3'), SearchGrams.triple('人', '1', '2'), SearchGrams.triple('1', '2', '3'));
        assertThat(row).as("a row that ILIKE finds has every gram of q")
                .contains(withTriples.stream().mapToInt(SearchGrams.Gram::value).toArray());
        assertThat(SearchGrams.forQuery("人123", false)).as("rows written before V130 carry pairs only")
                .extracting(SearchGrams.Gram::value)
                .containsExactlyInAnyOrder(SearchGrams.pair('人', '1'), SearchGrams.pair('1', '2'), SearchGrams.pair('2', '3'));
        assertThat(SearchGrams.forQuery("B1", true)).as("two characters have no triple").hasSize(1);
    }

    private void assertSameAsIlike(String county, List<String> codes) {
        // the projection has caught up with every event appended (get waits for the head) before the table is read
        assertThat(get("/api/requests?agencyCode=" + county + "&includeSubAgencies=true").status()).isEqualTo(200);
        for (String term : TERMS) {
            String pattern = "%" + RequestQueries.escapeLike(term.strip()) + "%";
            Set<String> expected = new TreeSet<>(jdbc.queryForList(OLD_SEARCH, String.class,
                    codes.toArray(String[]::new), pattern, pattern, pattern));
            JsonNode page = get("/api/requests?agencyCode=" + county + "&includeSubAgencies=true&size=200&q=" + encode(term)).json();
            Set<String> found = new TreeSet<>();
            page.path("items").forEach(i -> found.add(i.path("requestId").asText()));
            assertThat(found).as("q=" + term).isEqualTo(expected);
            assertThat(page.path("total").asLong()).as("q=" + term).isEqualTo(expected.size());
        }
        // the terms are not all misses: each kind of match is there
        assertThat(countFound(county, "欧阳")).isEqualTo(1);
        assertThat(countFound(county, "拆迁")).isEqualTo(2);
        assertThat(countFound(county, "0042")).isEqualTo(2);
        assertThat(countFound(county, "100%")).isEqualTo(1);
        assertThat(countFound(county, "a_b")).isEqualTo(1);
        assertThat(countFound(county, "\\")).isEqualTo(1);
        assertThat(countFound(county, "ZHANG WEI")).isEqualTo(1);
        assertThat(countFound(county, "kelvin")).isEqualTo(1);
        assertThat(countFound(county, "istanbul")).isEqualTo(1);
    }

    private long countFound(String county, String term) {
        return get("/api/requests?agencyCode=" + county + "&includeSubAgencies=true&q=" + encode(term)).json().path("total").asLong();
    }

    private void receivedWith(String agency, String trackingNo, String name, String description) {
        UUID id = UUID.randomUUID();
        append(id, new RequestReceived(id, trackingNo, agency, d("2025-03-03"), Channel.MAIL,
                new Applicant(ApplicantType.NATURAL_PERSON, name, null, null, null, null), description));
    }

    private static Object jdbcArray(Array array) {
        try {
            return array.getArray();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
