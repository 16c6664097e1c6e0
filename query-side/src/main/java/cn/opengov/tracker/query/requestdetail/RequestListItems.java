package cn.opengov.tracker.query.requestdetail;

import cn.opengov.tracker.api.request.state.RequestState;

import java.util.Map;

/** The list item shape (ID numbers masked), for every read model that lists requests. */
public final class RequestListItems {

    private RequestListItems() {
    }

    public static Map<String, Object> of(RequestState state) {
        return RequestViews.listItem(state);
    }
}
