package cn.opengov.tracker.query.projection;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Where the projections keep each request's state between batches (the request detail's table, which implements
 * it): loaded and saved a whole batch at a time. The projection core knows this port, not the read model behind it.
 */
public interface RequestStateStore {

    List<ProjectedRequest> load(Collection<UUID> ids);

    void saveAll(List<ProjectedRequest> states);

    /** Into the emptied table of a bulk rebuild: new rows only. */
    void copyAll(List<ProjectedRequest> states);

    void reset();
}
