package cn.opengov.tracker.api.document;

/**
 * What an agency's notices print (API.md {@code PUT /api/agencies/{code}/letterhead}): its full name, the prefix
 * of its document numbers (机关代字, e.g. 中宁科信公), its address and phone, and the 行政复议机关 and 人民法院 an
 * answer names in its remedies. {@code feePayment} (optional, an addition to API.md) says how a fee is paid.
 */
public record Letterhead(String agencyCode, String fullName, String docPrefix, String address, String phone,
                         String reconsiderationBody, String court, String feePayment) {

    /** The stand-in for an agency that has not set its letterhead: its name, and nothing an answer needs. */
    public static Letterhead fallback(String agencyCode, String agencyName) {
        return new Letterhead(agencyCode, agencyName, agencyName, null, null, null, null, null);
    }

    /** An answer must name where to seek 行政复议 and 行政诉讼 (行政复议法第二十条第三款). */
    public boolean namesRemedies() {
        return reconsiderationBody != null && !reconsiderationBody.isBlank() && court != null && !court.isBlank();
    }
}
