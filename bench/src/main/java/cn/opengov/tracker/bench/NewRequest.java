package cn.opengov.tracker.bench;

/** The body of {@code POST /api/requests} (and of the bare endpoint, which takes the same), as the bench sends it (dates as
 * ISO text: the bench's JSON has no java.time module). */
record NewRequest(String agencyCode, String receivedOn, String channel, Applicant applicant, String description) {

    /** A natural person, as every request of the bench's own is from. */
    record Applicant(String type, String name) {

        static Applicant person(String name) {
            return new Applicant("NATURAL_PERSON", name);
        }
    }
}
