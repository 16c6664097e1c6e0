package cn.opengov.tracker.query.reviewlitigation;

import java.util.Map;

/**
 * GET /api/reports/{year}/review-litigation (API.md): section 四, each block by result, pending and total.
 */
public record ReviewLitigationView(int year, String agencyCode, boolean includeSubAgencies, Map<String, Long> reconsideration,
                                   Map<String, Long> lawsuitDirect, Map<String, Long> lawsuitAfterReconsideration) {
}
