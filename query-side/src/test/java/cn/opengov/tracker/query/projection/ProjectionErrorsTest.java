package cn.opengov.tracker.query.projection;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is said of a projection's failure keeps the class, the SQLState and the field, never the data. */
class ProjectionErrorsTest {

    private static final String ROW = "Failing row contains (张三丰, 11010519491231002X, 13912345678, 北京市朝阳区某某路1号)";

    @Test
    void aDriversMessageQuotingTheRowIsReducedToItsSqlState() {
        SQLException refused = new SQLException("ERROR: new row violates check constraint. Detail: " + ROW, "23514");
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 INSERT INTO request_view VALUES ('张三丰', "
                + "'11010519491231002X') was aborted", "23514", new int[0]);
        batch.setNextException(refused);
        RuntimeException wrapped = new IllegalStateException("could not write " + ROW, batch);

        String said = ProjectionErrors.describe(wrapped);
        assertThat(said).contains("java.lang.IllegalStateException", "java.sql.BatchUpdateException", "SQLState 23514 (check_violation)")
                .doesNotContain("张三丰", "11010519491231002X", "13912345678", "朝阳区");
        assertThat(ProjectionErrors.rootClass(wrapped)).isEqualTo("java.sql.SQLException");

        RuntimeException redacted = ProjectionErrors.redacted(wrapped);
        StringBuilder everything = new StringBuilder();
        for (Throwable t = redacted; t != null; t = t.getCause()) {
            everything.append(t).append('\n');
            assertThat(t.getStackTrace()).isNotEmpty();
        }
        assertThat(everything).contains("SQLState 23514").doesNotContain("张三丰", "11010519491231002X", "13912345678", "朝阳区");
    }

    @Test
    void aValueThatDidNotParseIsNamedByItsPathNotByItsValue() {
        assertThatThrownBy(() -> JsonMapper.builder().build().readValue("{\"applicant\":{\"birth\":\"张三丰\"}}", Holder.class))
                .satisfies(e -> assertThat(ProjectionErrors.describe(e)).contains("at applicant.birth").doesNotContain("张三丰"));
    }

    @Test
    void messagesWrittenToBeSafeArePassedOn() {
        assertThat(ProjectionErrors.describe(new UnprojectableEvent("event 3 of request 42 arrived before it was received")))
                .endsWith("event 3 of request 42 arrived before it was received");
    }

    @Test
    void aFailureOfTheMomentIsToldFromAFailureOfTheEvent() {
        assertThat(ProjectionErrors.isTransient(new IllegalStateException(new SQLException("lock timeout", "55P03")))).isTrue();
        assertThat(ProjectionErrors.isTransient(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(ProjectionErrors.isTransient(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(ProjectionErrors.isTransient(new org.springframework.dao.CannotAcquireLockException("busy"))).isTrue();
        assertThat(ProjectionErrors.isTransient(ProjectionErrors.redacted(new IllegalStateException(new SQLException("lock timeout", "55P03")))))
                .as("still known once redacted").isTrue();
        assertThat(ProjectionErrors.isTransient(new SQLException("invalid byte sequence", "22021"))).isFalse();
        assertThat(ProjectionErrors.isTransient(new SQLException("check violation", "23514"))).isFalse();
        assertThat(ProjectionErrors.isTransient(new UnprojectableEvent("event 1 of request 2 arrived before it was received"))).isFalse();
    }

    record Holder(Inner applicant) {
    }

    record Inner(Integer birth) {
    }
}
