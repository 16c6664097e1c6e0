package cn.opengov.tracker.query.projection;

import java.util.List;

/** The one processing group all read models belong to: one stream, one token, rebuilt together. */
public final class Projections {

    public static final String GROUP = "projections";

    /** Every processing group of the query side (each gets a dead-letter queue: DeadLetterConfiguration). */
    public static final List<String> GROUPS = List.of(GROUP);

    private Projections() {
    }
}
