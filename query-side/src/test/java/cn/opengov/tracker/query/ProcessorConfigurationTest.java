package cn.opengov.tracker.query;

import cn.opengov.tracker.query.projection.Projections;
import cn.opengov.tracker.query.projection.RedactedException;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.DeadLetteringEventHandlerInvoker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AXON-NOTES: a failing handler must not be skipped quietly, nor stop its projection: what fails goes to the
 * dead-letter queue; the projections run in a pooled streaming processor.
 */
class ProcessorConfigurationTest extends QuerySideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProcessingGroupParksWhatItCannotProjectInItsDeadLetterQueue() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().keySet().forEach(group -> {
            assertThat(processing.deadLetterQueue(group)).as(group).isPresent();
            assertThat(processing.sequencedDeadLetterProcessor(group)).as(group).get().isInstanceOf(DeadLetteringEventHandlerInvoker.class);
        });
        assertThat(Projections.GROUPS).containsAll(processing.eventProcessors().keySet());
        assertThat(processing.listenerInvocationErrorHandler(Projections.GROUP)).isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void aBatchThatFailsAsAWholeIsRetriedAndItsErrorReachesTheLogRedacted() {
        SQLException refused = new SQLException("Detail: Failing row contains (张三丰, 13912345678)", "08006");
        assertThatThrownBy(() -> processing.errorHandler(Projections.GROUP).handleError(new ErrorContext(Projections.GROUP, refused, List.of())))
                .isInstanceOf(RedactedException.class)
                .hasMessageContaining("SQLState 08006")
                .hasMessageNotContaining("张三丰").hasMessageNotContaining("13912345678");
    }

    @Test
    void theDriverLeavesTheServersDetailOutOfItsMessages() {
        // PostgreSQL's DETAIL is where a refused row is quoted ("Failing row contains (…)"); the name is made by the
        // server, so that only the DETAIL could carry it into the message (Spring's message quotes the statement)
        assertThatThrownBy(() -> jdbc.execute("DO $$ BEGIN RAISE EXCEPTION 'refused' "
                + "USING DETAIL = 'Failing row contains (' || reverse('丰三张') || ')'; END $$"))
                .hasMessageContaining("refused")
                .satisfies(e -> {
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        assertThat(String.valueOf(t.getMessage())).doesNotContain("张三丰");
                    }
                });
    }

    @Test
    void theProjectionsArePooledWithFourSegments() {
        StreamingEventProcessor processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.getClass().getSimpleName()).isEqualTo("PooledStreamingEventProcessor");
        assertThat(processor.processingStatus()).hasSize(4);
    }
}
