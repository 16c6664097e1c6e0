package cn.opengov.tracker.query;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11: a new sub-agency's requests were missing from its parent's roll-up until someone asked for the new
 * agency's own code (the tree was cached per node and reread only for an unknown code). A new agency or a new
 * parent must count at once, on every node.
 */
class AgencyTreeTest extends QuerySideTest {

    @Test
    void aNewSubAgencyCountsInItsParentsRollUpAtOnce() {
        String county = newAgency(null);
        received(county, "2025-03-03");
        String matrix = "/api/reports/2025/matrix?agencyCode=" + county + "&includeSubAgencies=true";
        String board = "/api/deadlines?agencyCode=" + county + "&includeSubAgencies=true&asOf=2025-03-10";
        assertThat(get(matrix).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(1);
        assertThat(get(board).json().path("items")).hasSize(1);

        // another node adds a department under the county, and it receives a request at once
        String department = "QD" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.update("INSERT INTO agency (code, name, parent_code, path, created_by) VALUES (?, ?, ?, ?, 'other-node')",
                department, "新设部门", county, "/ROOT/" + county + "/" + department + "/");
        received(department, "2025-03-04");

        assertThat(get(matrix).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(2);
        assertThat(get(board).json().path("items")).hasSize(2);
        assertThat(get("/api/requests?agencyCode=" + county + "&includeSubAgencies=true").json().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void aDepartmentGivenANewParentCountsUnderItAtOnce() {
        String oldCounty = newAgency(null);
        String newCounty = newAgency(null);
        String department = newAgency(oldCounty);
        received(department, "2025-05-06");
        String oldRollUp = "/api/reports/2025/matrix?agencyCode=" + oldCounty + "&includeSubAgencies=true";
        String newRollUp = "/api/reports/2025/matrix?agencyCode=" + newCounty + "&includeSubAgencies=true";
        assertThat(get(oldRollUp).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(1);
        assertThat(get(newRollUp).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isZero();

        // an administrator moves the department under the other county, straight in the database
        jdbc.update("UPDATE agency SET parent_code = ?, path = ? WHERE code = ?",
                newCounty, "/ROOT/" + newCounty + "/" + department + "/", department);

        assertThat(get(oldRollUp).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isZero();
        assertThat(get(newRollUp).json().path("rows").path("NEW_RECEIVED").path("TOTAL").asInt()).isEqualTo(1);
    }
}
