package cn.opengov.tracker.query.annualmatrix;

import cn.opengov.tracker.query.requestdetail.RequestListItem;

import java.util.List;

/** GET /api/reports/{year}/matrix/cells (API.md): the requests counted in one cell of section 三, and how many. */
public record CellRequests(int year, String row, String column, List<RequestListItem> items, long total) {
}
