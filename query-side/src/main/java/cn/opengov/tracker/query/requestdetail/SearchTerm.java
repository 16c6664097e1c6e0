package cn.opengov.tracker.query.requestdetail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A search's q as the list looks it up: the {@code ILIKE} pattern that decides, the grams worth asking the index
 * for, and about what share of the requests match.
 * <p>
 * Each gram narrows the rows by its own rarity and costs the index a walk through every row that has it: a pair
 * that every request has ({@code 申请}, {@code -2}, {@code 20} in this data) narrows nothing and is the longest walk
 * of all; a tracking-number prefix spent most of its time intersecting such lists. So the grams are taken rarest
 * first, each one only while what it saves in rows read from the table (about {@link #ROW_PER_POSTINGS} of the
 * index's entries cost as much as one such row) outweighs what it costs the index (the rarest its own list, a later
 * one at most {@link #SKIP_POSTINGS} for each row still let through), and a pair that lies within a triple
 * already taken is left out (every row with the triple has the pair). Leaving grams out lets more rows through to
 * the {@code ILIKE}; it never changes what matches.
 *
 * @param share      about what share of the requests match q
 * @param candidates about what share of them has every gram looked up: what the index hands to the ILIKE
 */
record SearchTerm(String pattern, int[] grams, double share, double candidates) {

    /** A row read from the table and matched costs about as much as this many postings read from the index. */
    static final double ROW_PER_POSTINGS = 400;
    /**
     * A gram looked up with rarer ones costs the index at most a skip through its list to each of their rows, about
     * as much as this many postings read: GIN intersects the keys of one array in one scan, the rarest leading, and
     * skips down a long list's tree to the next row it needs rather than reading every posting on the way. Measured
     * at 10 M: a year's triple ({@code 023}, in every row of its year) added to a tracking-number prefix's three
     * rarer ones cost 16.5 ms for ~5,000 rows over 60 months (~3.3 µs a row) and spared 3,925 of the 4,991 table
     * pages read.
     */
    static final double SKIP_POSTINGS = 40;

    /** Nothing known about how common the words are: as if every request matched (the newest rows are tried first). */
    static final double UNKNOWN = 1;

    /** @param q the stripped, non-blank term */
    static SearchTerm of(String q, GramFrequencies.Known known) {
        String pattern = "%" + RequestQueries.escapeLike(q) + "%";
        List<SearchGrams.Gram> all = SearchGrams.forQuery(q, known.triples());
        if (all.isEmpty() || !known.analyzed()) {
            return new SearchTerm(pattern, values(all), UNKNOWN, UNKNOWN);
        }
        // how common q is, from its pairs as if independent (what the ways to look were tuned on; a triple's share
        // is already in its pairs')
        double share = 1;
        for (SearchGrams.Gram g : all) {
            if (g.to() - g.from() == 2) {
                share *= known.of(g.value());
            }
        }
        Kept kept = kept(all, known);
        return new SearchTerm(pattern, values(kept.grams()), share, kept.letThrough());
    }

    /** The grams looked up, and about what share of the rows has them all (the index's candidates for the ILIKE). */
    private record Kept(List<SearchGrams.Gram> grams, double letThrough) {
    }

    /**
     * The grams rarest first, each kept while it narrows more than it costs and is not within one kept already. How
     * much a gram narrows is its share among the rows the kept ones let through: a triple that shares a pair with a
     * kept gram ({@code 642} after {@code 864} in {@code 86420}) is far from independent of it, and narrows by its
     * share among the rows with that pair ({@code f(642) / f(64)}), not by its share of all rows. Taken as
     * independent, two triples of a name's digits promised a few rows where thousands came through, and the third
     * triple that brought them down to a few hundred (10 M: 5,170 table pages → 326) was left out.
     */
    static List<SearchGrams.Gram> worthLookingUp(List<SearchGrams.Gram> grams, GramFrequencies.Known known) {
        return kept(grams, known).grams();
    }

    private static Kept kept(List<SearchGrams.Gram> grams, GramFrequencies.Known known) {
        List<SearchGrams.Gram> rarestFirst = grams.stream()
                .sorted(Comparator.comparingDouble((SearchGrams.Gram g) -> known.of(g.value()))).toList();
        List<SearchGrams.Gram> kept = new ArrayList<>();
        double left = 1;
        for (SearchGrams.Gram g : rarestFirst) {
            if (kept.stream().anyMatch(g::within)) {
                continue;
            }
            double f = known.of(g.value());
            double narrows = Math.min(1, f / sharedPair(g, kept, grams, known).map(p -> known.of(p.value())).orElse(1.0));
            // the rows it would spare (the share still let through, less the share that has g too) against what it
            // costs the index: the first gram its whole list; a later one at most a skip through its list to each row
            // the kept ones let through (one array's keys are intersected in one scan)
            double cost = kept.isEmpty() ? f : Math.min(f, left * SKIP_POSTINGS);
            if (left * (1 - narrows) * ROW_PER_POSTINGS <= cost) {
                continue;
            }
            left *= narrows;
            kept.add(g);
        }
        return new Kept(kept, left);
    }

    /** The pair of q that a triple shares with a gram already kept, if any (the most common such pair). */
    private static Optional<SearchGrams.Gram> sharedPair(SearchGrams.Gram g, List<SearchGrams.Gram> kept,
                                                         List<SearchGrams.Gram> grams, GramFrequencies.Known known) {
        if (g.to() - g.from() != 3) {
            return Optional.empty();
        }
        return grams.stream().filter(p -> p.to() - p.from() == 2 && p.within(g))
                .filter(p -> kept.stream().anyMatch(p::within))
                .max(Comparator.comparingDouble((SearchGrams.Gram p) -> known.of(p.value())));
    }

    /** In ascending order, as a literal wants. */
    private static int[] values(List<SearchGrams.Gram> grams) {
        return grams.stream().mapToInt(SearchGrams.Gram::value).sorted().distinct().toArray();
    }

    boolean narrowed() {
        return grams.length > 0;
    }
}
