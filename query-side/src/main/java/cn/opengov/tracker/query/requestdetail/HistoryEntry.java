package cn.opengov.tracker.query.requestdetail;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event of a request's history: which step, its business date, who recorded it and when, then the event's own
 * fields as recorded ({@code fields}, flattened into the entry; none that would hide one of the entry's own).
 */
public record HistoryEntry(long sequence, String type, String label, LocalDate occurredOn, Instant recordedAt,
                           String recordedBy, @JsonAnyGetter Map<String, Object> fields) {

    private static final java.util.Set<String> OWN = java.util.Set.of("sequence", "type", "label", "occurredOn",
            "recordedAt", "recordedBy");

    public HistoryEntry {
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        rest.keySet().removeAll(OWN);
        rest.remove("requestId");
        fields = java.util.Collections.unmodifiableMap(rest);
    }
}
