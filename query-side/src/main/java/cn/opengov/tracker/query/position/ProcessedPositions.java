package cn.opengov.tracker.query.position;

import cn.opengov.tracker.query.projection.Projections;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import cn.opengov.tracker.query.replica.ReplicaReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * How far the read models have got, read from the token store. Tokens are committed in the same transaction
 * as the read-model writes of their batch, so a token that covers a position means every read model shows it
 * — on this node or any other.
 */
@Component
public class ProcessedPositions {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProcessedPositions(ReplicaReads reads, Serializer serializer) {
        this.jdbc = reads.jdbc();
        this.serializer = serializer;
    }

    /** True when every segment of the projections has processed the event at {@code position}. */
    public boolean hasProcessed(long position) {
        List<TrackingToken> tokens = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, i) -> rs.getBytes(1) == null ? null : deserialize(rs.getBytes(1), rs.getString(2)),
                Projections.GROUP);
        if (tokens.isEmpty()) {
            return false;
        }
        for (TrackingToken token : tokens) {
            if (!hasProcessed(token, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Past the position and not waiting for it as a gap. (Axon's {@code covers} would also demand that every older
     * gap be closed, and a rolled-back insert leaves a gap that never closes.)
     */
    static boolean hasProcessed(TrackingToken token, long position) {
        if (token == null) {
            return false;
        }
        return WrappedToken.unwrap(token, GapAwareTrackingToken.class)
                .map(gapAware -> gapAware.getIndex() >= position && !gapAware.getGaps().contains(position))
                .orElseGet(() -> token.position().orElse(-1) >= position);
    }

    private TrackingToken deserialize(byte[] data, String type) {
        SerializedType serializedType = new SimpleSerializedType(type, null);
        return serializer.deserialize(new SimpleSerializedObject<>(data, byte[].class, serializedType));
    }
}
