package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.event.ApplicantTypeCorrected;
import cn.opengov.tracker.api.request.event.RequestEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A request's history is its event stream, read straight from the event store: the audit trail, with who
 * recorded each step and when, is never a copy that could drift from it.
 */
@Component
public class HistoryReader {

    private final EventStore events;
    private final ObjectMapper json;

    public HistoryReader(EventStore events, ObjectMapper json) {
        this.events = events;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    public List<HistoryEntry> historyOf(UUID requestId) {
        List<HistoryEntry> history = new ArrayList<>();
        DomainEventStream stream = events.readEvents(requestId.toString());
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof RequestEvent event)) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>(json.convertValue(event, Map.class));
            if (event instanceof ApplicantTypeCorrected corrected) {
                // the event's own "type" gives way to the entry's (the event type): kept under a name of its own
                fields.put("correctedType", corrected.type());
            }
            history.add(new HistoryEntry(message.getSequenceNumber(), message.getPayloadType().getSimpleName(),
                    event.label(), event.occurredOn(), message.getTimestamp(),
                    String.valueOf(message.getMetaData().getOrDefault("recordedBy", "system")), fields));
        }
        return history;
    }
}
