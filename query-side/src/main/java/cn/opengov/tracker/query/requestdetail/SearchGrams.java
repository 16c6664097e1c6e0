package cn.opengov.tracker.query.requestdetail;

import java.util.Arrays;
import java.util.Optional;

/**
 * The character bigrams the request search looks up ({@code request_view.search_grams}, a GIN index): every pair of
 * neighbouring characters of the tracking number, the applicant's name and the description, each case-folded, as
 * one integer. Chinese has no spaces between words, and a name or a word is often two characters: bigrams find
 * both, where pg_trgm's trigrams need three and full-text search needs words.
 * <p>
 * The grams only narrow the rows: the search's own {@code ILIKE} still decides what matches, so the answers are the
 * same as without them. That holds because a row that {@code ILIKE '%q%'} finds contains every bigram of q, once
 * both are folded alike: {@link #forQuery} answers only for a q whose characters every case table folds the same
 * way (ASCII, and characters without case: Chinese, digits, punctuation, spaces); any other q is searched without
 * the grams. A pair is {@code lower(a) * 65536 + lower(b)} over code points, cut to 32 bits: one number per pair
 * for every Chinese and Latin pair; pairs beyond them may share one, which only lets more rows through to the
 * {@code ILIKE}. V90's {@code request_search_grams(text)} is the same in SQL (a test pins the two together).
 */
public final class SearchGrams {

    /** More bigrams of a long q narrow no further than these, and each costs the index a lookup. */
    static final int MAX_QUERY_GRAMS = 12;

    private SearchGrams() {
    }

    /** The distinct bigrams of the texts (null texts have none), each text on its own: none spans two of them. */
    public static int[] of(String... texts) {
        int[] grams = new int[16];
        int n = 0;
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            int previous = -1;
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                int folded = Character.toLowerCase(cp);
                if (previous >= 0) {
                    if (n == grams.length) {
                        grams = Arrays.copyOf(grams, n * 2);
                    }
                    grams[n++] = pair(previous, folded);
                }
                previous = folded;
            }
        }
        int[] sorted = Arrays.copyOf(grams, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    /**
     * The bigrams a row matching q must have (at most {@link #MAX_QUERY_GRAMS}, spread over q), or empty when the
     * grams cannot narrow the search: q shorter than two characters, or with a character outside the safe set.
     */
    public static Optional<int[]> forQuery(String q) {
        if (q == null || q.codePointCount(0, q.length()) < 2 || !q.codePoints().allMatch(SearchGrams::foldsAlike)) {
            return Optional.empty();
        }
        int[] all = of(q);
        if (all.length <= MAX_QUERY_GRAMS) {
            return Optional.of(all);
        }
        int[] some = new int[MAX_QUERY_GRAMS];
        for (int i = 0; i < MAX_QUERY_GRAMS; i++) {
            some[i] = all[(int) ((long) i * all.length / MAX_QUERY_GRAMS)];
        }
        return Optional.of(some);
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
