package cn.opengov.tracker.query.annualreport;

import java.time.Instant;

/**
 * One saved version of a report's text sections: 一 总体情况, 二's figures, 五 and 六's other items, with who saved
 * it and when. Version 0 is the empty text of a report nobody has written yet.
 */
public record ReportText(String agencyCode, int year, int version, String overview, ActiveDisclosure activeDisclosure,
                         String problems, String otherItems, String editedBy, Instant editedAt) {

    static ReportText empty(String agencyCode, int year) {
        return new ReportText(agencyCode, year, 0, "", ActiveDisclosure.EMPTY, "", "", null, null);
    }
}
