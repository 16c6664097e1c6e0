package cn.opengov.tracker.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every read by its record, not as an untyped object. */
class OpenApiDocumentTest extends QuerySideTest {

    @Test
    void everyReadHasItsSchema() {
        JsonNode doc = admin().get("/v3/api-docs").json();
        Map<String, String> reads = Map.of(
                "/api/requests", "RequestPage",
                "/api/requests/{id}", "RequestDetail",
                "/api/deadlines", "DeadlineBoard",
                "/api/reports/{year}/matrix", "MatrixView",
                "/api/reports/{year}/matrix/cells", "CellRequests",
                "/api/reports/{year}/review-litigation", "ReviewLitigationView",
                "/api/reports/{year}/published", "PublishedReport",
                "/api/calendar/working-days", "WorkingDays",
                "/api/admin/projections/status", "RebuildStatus");
        reads.forEach((path, schema) -> {
            JsonNode ok = doc.path("paths").path(path).path("get").path("responses").path("200").path("content");
            assertThat(ok.toString()).as(path).contains("#/components/schemas/" + schema);
            assertThat(doc.path("components").path("schemas").has(schema)).as(schema).isTrue();
        });
        assertThat(doc.path("components").path("schemas").path("RequestDetail").path("properties").has("deadlines")).isTrue();
        assertThat(doc.path("components").path("schemas").path("BoardItem").path("properties").has("workingDaysLeft")).isTrue();
    }
}
