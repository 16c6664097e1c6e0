package cn.opengov.tracker.query.projection;

/** The one processing group all read models belong to: one stream, one token, rebuilt together. */
public final class Projections {

    public static final String GROUP = "projections";

    private Projections() {
    }
}
