package cn.opengov.tracker.query.requestdetail;

import java.util.List;

/**
 * GET /api/requests: one page of the matching requests, newest receipt first, and how many match in all. A search
 * ({@code q}) counts exactly up to {@link RequestQueries#SEARCH_COUNT_CAP}: beyond it {@code total} is the cap and
 * {@code totalCapped} is true ("more than total"); a list without {@code q} is always counted exactly.
 */
public record RequestPage(List<RequestListItem> items, long total, boolean totalCapped, int page, int size) {
}
