package cn.opengov.tracker.query.requestdetail;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A search's q as the list looks it up: the {@code ILIKE} pattern that decides, the bigrams worth asking the index
 * for, and about what share of the requests match.
 * <p>
 * Each bigram narrows the rows by its own rarity and costs the index a walk through every row that has it: a pair
 * that every request has ({@code 申请}, {@code -2}, {@code 20} in this data) narrows nothing and is the longest walk
 * of all; a tracking-number prefix spent most of its time intersecting such lists. So the grams are taken rarest
 * first, each one only while what it saves in rows read from the table (about {@link #ROW_PER_POSTINGS} of the
 * index's entries cost as much as one such row) outweighs its own list. Leaving grams out lets more rows through to
 * the {@code ILIKE}; it never changes what matches.
 */
record SearchTerm(String pattern, int[] grams, double share) {

    /** A row read from the table and matched costs about as much as this many postings read from the index. */
    static final double ROW_PER_POSTINGS = 400;

    /** Nothing known about how common the words are: as if every request matched (the newest rows are tried first). */
    static final double UNKNOWN = 1;

    /** @param q the stripped, non-blank term */
    static SearchTerm of(String q, GramFrequencies.Known known) {
        String pattern = "%" + RequestQueries.escapeLike(q) + "%";
        int[] all = SearchGrams.forQuery(q).orElse(new int[0]);
        if (all.length == 0 || !known.analyzed()) {
            return new SearchTerm(pattern, all, UNKNOWN);
        }
        double share = 1;
        for (int g : all) {
            share *= known.of(g);
        }
        return new SearchTerm(pattern, worthLookingUp(all, known), share);
    }

    /** The grams rarest first, each kept while it narrows more than it costs; in ascending order, as a literal wants. */
    static int[] worthLookingUp(int[] grams, GramFrequencies.Known known) {
        int[] rarestFirst = IntStream.of(grams).boxed().sorted(Comparator.comparingDouble(known::of))
                .mapToInt(Integer::intValue).toArray();
        int kept = 0;
        double left = 1;
        for (int g : rarestFirst) {
            double f = known.of(g);
            // the rows it would spare (the share still let through, less the share that has g too) against its list
            if (left * (1 - f) * ROW_PER_POSTINGS <= f) {
                break;
            }
            left *= f;
            kept++;
        }
        int[] chosen = Arrays.copyOf(rarestFirst, kept);
        Arrays.sort(chosen);
        return chosen;
    }

    boolean narrowed() {
        return grams.length > 0;
    }
}
