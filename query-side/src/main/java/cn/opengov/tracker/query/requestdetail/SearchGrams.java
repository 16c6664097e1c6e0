package cn.opengov.tracker.query.requestdetail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The character grams the request search looks up ({@code request_view.search_grams}, a GIN index): every pair of
 * neighbouring characters of the tracking number, the applicant's name and the description, each case-folded, as
 * one integer, and every triple of neighbouring characters of which one at least is ASCII. Chinese has no spaces
 * between words, and a name or a word is often two characters: bigrams find both, where pg_trgm's trigrams need
 * three and full-text search needs words. Digits and Latin letters are another matter: ten digits make a hundred
 * pairs, each in a large share of all requests (tracking numbers, numbered names, dates in descriptions), so a
 * number's pairs narrow little and each costs the index a walk through millions of entries; its triples are ten
 * times rarer. Triples of Chinese characters alone are left out: their pairs are rare already, and they would make
 * the index half as large again.
 * <p>
 * The grams only narrow the rows: the search's own {@code ILIKE} still decides what matches, so the answers are the
 * same as without them. That holds because a row that {@code ILIKE '%q%'} finds contains every gram of q, once
 * both are folded alike: {@link #forQuery} answers only for a q whose characters every case table folds the same
 * way (ASCII, and characters without case: Chinese, digits, punctuation, spaces); any other q is searched without
 * the grams. A pair is {@code lower(a) * 65536 + lower(b)} over code points, cut to 32 bits: one number per pair
 * for every Chinese and Latin pair; pairs beyond them may share one, which only lets more rows through to the
 * {@code ILIKE}. A triple is a hash of its three code points to 32 bits, which may equally meet another gram's.
 * V90's {@code request_search_grams(text)} is the pairs in SQL (a test pins the two together); the triples are
 * written by the projection only, and searched for once a rebuild has written them into every row (V130).
 * <p>
 * A row stores each gram as a key of its month of receipt ({@link #key}; V140): one posting list per gram and month
 * rather than one per gram. A name's first digits are in one request of a hundred, 111,566 of 10 M: the newest 50
 * and a count up to 1,000 need only the newest months' matches, but the one posting list of the whole table cost
 * ~100 ms to read before any row was, and every match had to be read to find the newest. A month's list is a
 * sixtieth of it, and the search reads month by month, newest first ({@link RequestQueries}). A key is the gram
 * spread over 32 bits (times an odd constant), its low {@link #MONTH_BITS} bits replaced by the month's: a gram's
 * keys of every month lie side by side in the index, so a search over sixty months reads the same few index pages
 * as one over one month. Months 128 apart (ten years and eight months) share keys, and a gram may meet another one
 * in its remaining 25 bits: either only lets a row through to the {@code ILIKE} and the window's dates.
 * {@code request_search_key(gram, date)} is the key in SQL (V140; a test pins the two together), and
 * {@code request_search_statistics_keys(keys)} clears the month's bits, for the statistics of how common each gram
 * is ({@link #statisticsKey}).
 * <p>
 * A row also carries its agency as one more key of its month ({@link #agencyGram}; V150). A city's search for a
 * name's first digits needs 1,001 of the city's own matches: the grams' keys alone handed over every city's
 * candidates of each month (~20,000 rows read from the table at 10 M, a twentieth of them the city's), and ANDing
 * the agency index instead cost 100–250 ms a window. With the scope's agencies asked for in the index too
 * ({@code &&} their keys of the month), the index hands over the scope's candidates alone; each key costs a walk
 * down the index, so they are asked for only where they spare more ({@code RequestQueries.agencyKeysWorthIt}). The key is the agency's
 * own, never an ancestor's: an agency given a new parent takes its requests along, and no row's keys change.
 */
public final class SearchGrams {

    /** More grams of a long q (of each kind) narrow no further than these, and each costs the index a lookup. */
    static final int MAX_QUERY_GRAMS = 12;

    private SearchGrams() {
    }

    /**
     * A gram of a search term, and where in the term it lies: a pair within a triple that is looked up narrows
     * nothing more.
     */
    record Gram(int value, int from, int to) {

        boolean within(Gram other) {
            return other.from <= from && to <= other.to;
        }
    }

    /**
     * A row's keys: the distinct pairs and triples of the texts (null texts have none; none spans two texts) and the
     * agency's gram, each as a key of the month of receipt.
     */
    public static int[] of(LocalDate received, String agencyCode, String... texts) {
        return keysOf(with(grams(true, texts), agencyGram(agencyCode)), months(received));
    }

    /** The grams and one more (a new array). */
    static int[] with(int[] grams, int gram) {
        int[] more = Arrays.copyOf(grams, grams.length + 1);
        more[grams.length] = gram;
        return more;
    }

    private static final Map<String, Integer> AGENCY_GRAMS = new ConcurrentHashMap<>();

    /**
     * An agency's code as a gram: the first four bytes of the MD5 of its UTF-8 bytes, big-endian, as
     * {@code request_search_agency_gram(code)} computes it in SQL (V150; a test pins the two together). It may meet a
     * gram of the texts, which only lets a row through to the scope's own condition. Agencies are few: each code's
     * digest is computed once.
     */
    static int agencyGram(String code) {
        return AGENCY_GRAMS.computeIfAbsent(code, c -> {
            try {
                byte[] md5 = MessageDigest.getInstance("MD5").digest(c.getBytes(StandardCharsets.UTF_8));
                return ByteBuffer.wrap(md5, 0, 4).getInt();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has MD5", e);
            }
        });
    }

    /** The agencies' grams, in ascending order (a literal of a month's keys wants them so). */
    static int[] agencyGrams(List<String> codes) {
        return codes.stream().mapToInt(SearchGrams::agencyGram).sorted().distinct().toArray();
    }

    /** The distinct keys of the grams in a month, in ascending order (a row's, and a window's literal for each month). */
    static int[] keysOf(int[] grams, int months) {
        return distinct(inMonth(grams, months));
    }

    /** The distinct pairs and triples of the texts as grams, before any month (what a q's grams are). */
    static int[] unmixedOf(String... texts) {
        return distinct(grams(true, texts));
    }

    /** How many low bits of a key are its month's. */
    static final int MONTH_BITS = 7;
    private static final int MONTH_MASK = (1 << MONTH_BITS) - 1;

    /** The months since January of year 0. */
    static int months(LocalDate day) {
        return day.getYear() * 12 + day.getMonthValue() - 1;
    }

    /** A gram's key in a month (months since January of year 0). */
    static int key(int gram, int months) {
        return statisticsKey(gram) | (months & MONTH_MASK);
    }

    /**
     * A gram's key without its month: what the statistics count ({@code request_search_statistics_keys}), and the
     * high bits of every one of its keys. An odd multiplier spreads the gram over 32 bits one to one, so grams that
     * differ only in their low bits (neighbouring characters) do not share the 25 bits kept.
     */
    static int statisticsKey(int gram) {
        return (int) (gram * 0x9E3779B1L) & ~MONTH_MASK;
    }

    /** The grams as a month's rows carry them (a new array; the same order). */
    private static int[] inMonth(int[] grams, int months) {
        int[] keys = new int[grams.length];
        for (int i = 0; i < grams.length; i++) {
            keys[i] = key(grams[i], months);
        }
        return keys;
    }

    /** The distinct pairs alone: what V90's SQL function computes. */
    static int[] pairsOf(String... texts) {
        return distinct(grams(false, texts));
    }

    private static int[] grams(boolean triples, String... texts) {
        Values values = new Values();
        for (String text : texts) {
            if (text != null) {
                eachGram(folded(text), triples, values);
            }
        }
        return values.all();
    }

    /**
     * The one definition of a text's grams, for the rows and for q alike (a row that ILIKE finds must have every gram
     * of q): every pair of neighbouring characters, and every triple of them of which one at least is ASCII.
     */
    private static void eachGram(int[] folded, boolean triples, Sink sink) {
        for (int i = 1; i < folded.length; i++) {
            sink.gram(pair(folded[i - 1], folded[i]), i - 1, i + 1);
            if (triples && i >= 2 && anyAscii(folded[i - 2], folded[i - 1], folded[i])) {
                sink.gram(triple(folded[i - 2], folded[i - 1], folded[i]), i - 2, i + 1);
            }
        }
    }

    /** Where each gram of a text goes, with its place in the text ({@code from} inclusive, {@code to} exclusive). */
    private interface Sink {
        void gram(int value, int from, int to);
    }

    /** A row's grams as numbers only: a rebuild writes millions of rows, a place each would be garbage. */
    private static final class Values implements Sink {
        private int[] values = new int[32];
        private int n;

        @Override
        public void gram(int value, int from, int to) {
            if (n == values.length) {
                values = Arrays.copyOf(values, n * 2);
            }
            values[n++] = value;
        }

        int[] all() {
            return Arrays.copyOf(values, n);
        }
    }

    private static int[] distinct(int[] grams) {
        return Arrays.stream(grams).sorted().distinct().toArray();
    }

    private static int[] folded(String text) {
        return text.codePoints().map(Character::toLowerCase).toArray();
    }

    /**
     * The grams a row matching q must have, each with its place in q (at most {@link #MAX_QUERY_GRAMS} of each kind,
     * spread over q), or empty when the grams cannot narrow the search: q shorter than two characters, or with a
     * character outside the safe set.
     *
     * @param triples whether the rows carry their triples (every row written since a rebuild does)
     */
    static List<Gram> forQuery(String q, boolean triples) {
        if (q == null || q.codePointCount(0, q.length()) < 2 || !q.codePoints().allMatch(SearchGrams::foldsAlike)) {
            return List.of();
        }
        Map<Integer, Gram> pairs = new LinkedHashMap<>();
        Map<Integer, Gram> threes = new LinkedHashMap<>();
        eachGram(folded(q), triples, (value, from, to) -> (to - from == 2 ? pairs : threes).putIfAbsent(value, new Gram(value, from, to)));
        List<Gram> grams = new ArrayList<>(spread(new ArrayList<>(pairs.values())));
        grams.addAll(spread(new ArrayList<>(threes.values())));
        return grams;
    }

    private static List<Gram> spread(List<Gram> all) {
        if (all.size() <= MAX_QUERY_GRAMS) {
            return all;
        }
        List<Gram> some = new ArrayList<>(MAX_QUERY_GRAMS);
        for (int i = 0; i < MAX_QUERY_GRAMS; i++) {
            some.add(all.get((int) ((long) i * all.size() / MAX_QUERY_GRAMS)));
        }
        return some;
    }

    /** A PostgreSQL {@code integer[]} literal: numbers only, safe to write into a statement. */
    static String literal(int[] grams) {
        StringBuilder s = new StringBuilder("'{");
        for (int i = 0; i < grams.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(grams[i]);
        }
        return s.append("}'::integer[]").toString();
    }

    static int pair(int a, int b) {
        return (int) ((long) a * 65536 + b);
    }

    /** Three code points (each at most 0x10FFFF) mixed into 32 bits. */
    static int triple(int a, int b, int c) {
        long h = ((long) a * 1_000_003L + b) * 1_000_003L + c;
        h *= 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private static boolean anyAscii(int a, int b, int c) {
        return a < 0x80 || b < 0x80 || c < 0x80;
    }

    /**
     * A character that Java's and the database's case tables fold alike, and that no other character folds into
     * except ones both fold alike: ASCII (A–Z and a–z, and the two letters beyond ASCII that fold into them, İ and
     * the Kelvin sign, fold the same in both), letters without case (Chinese characters), digits, punctuation,
     * spaces.
     */
    private static boolean foldsAlike(int cp) {
        if (cp < 0x80) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.SPACE_SEPARATOR,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION -> Character.toLowerCase(cp) == cp && Character.toUpperCase(cp) == cp;
            default -> false;
        };
    }
}
