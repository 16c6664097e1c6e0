package cn.opengov.tracker.query.requestdetail;

import java.util.List;

/** GET /api/requests: one page of the matching requests, newest receipt first, and how many match in all. */
public record RequestPage(List<RequestListItem> items, long total, int page, int size) {
}
