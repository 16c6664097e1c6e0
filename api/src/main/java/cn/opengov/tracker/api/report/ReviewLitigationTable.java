package cn.opengov.tracker.api.report;

import cn.opengov.tracker.api.request.CaseKind;
import cn.opengov.tracker.api.request.CaseResult;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Section 四 (SPEC §5): for each of 行政复议, 行政诉讼 未经复议直接起诉 and 复议后起诉, the cases decided in the year
 * by result, those filed by 31 December and not decided by then (尚未审结), and the total.
 */
public record ReviewLitigationTable(Map<String, Long> reconsideration, Map<String, Long> lawsuitDirect,
                                    Map<String, Long> lawsuitAfterReconsideration) {

    public static final String PENDING = "PENDING";
    public static final String TOTAL = "TOTAL";
    public static final List<String> COLUMNS = List.of(CaseResult.UPHELD.name(), CaseResult.CORRECTED.name(),
            CaseResult.OTHER.name(), PENDING, TOTAL);

    public Map<String, Long> block(CaseKind kind) {
        return switch (kind) {
            case RECONSIDERATION -> reconsideration;
            case LAWSUIT_DIRECT -> lawsuitDirect;
            case LAWSUIT_AFTER_RECONSIDERATION -> lawsuitAfterReconsideration;
        };
    }

    /** The reference definition, applied to a list of cases. */
    public static ReviewLitigationTable derive(int year, Collection<CaseFacts> cases) {
        Counter counter = new Counter();
        for (CaseFacts c : cases) {
            if (c.decidedOn() != null && c.decidedOn().getYear() == year) {
                counter.add(c.kind(), c.result().name(), 1);
            } else if (c.filedOn().getYear() <= year && (c.decidedOn() == null || c.decidedOn().getYear() > year)) {
                counter.add(c.kind(), PENDING, 1);
            }
        }
        return counter.table();
    }

    /** Accumulates counts per block and column; {@link #table()} adds the totals. */
    public static final class Counter {
        private final Map<CaseKind, Map<String, Long>> counts = new EnumMap<>(CaseKind.class);

        public Counter add(CaseKind kind, String column, long n) {
            counts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(column, n, Long::sum);
            return this;
        }

        public ReviewLitigationTable table() {
            return new ReviewLitigationTable(block(CaseKind.RECONSIDERATION), block(CaseKind.LAWSUIT_DIRECT),
                    block(CaseKind.LAWSUIT_AFTER_RECONSIDERATION));
        }

        private Map<String, Long> block(CaseKind kind) {
            Map<String, Long> source = counts.getOrDefault(kind, Map.of());
            Map<String, Long> out = new LinkedHashMap<>();
            long total = 0;
            for (String column : COLUMNS.subList(0, 4)) {
                long n = source.getOrDefault(column, 0L);
                out.put(column, n);
                total += n;
            }
            out.put(TOTAL, total);
            return out;
        }
    }
}
