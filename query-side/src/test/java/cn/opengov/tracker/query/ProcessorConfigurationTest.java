package cn.opengov.tracker.query;

import cn.opengov.tracker.query.projection.Projections;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** AXON-NOTES: a failing handler must not be skipped, and the projections run in a pooled streaming processor. */
class ProcessorConfigurationTest extends QuerySideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFailingProjectionStopsAndRetriesInsteadOfSkippingTheEvent() {
        assertThat(processing.listenerInvocationErrorHandler(Projections.GROUP)).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.errorHandler(Projections.GROUP)).isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void theProjectionsArePooledWithFourSegments() {
        StreamingEventProcessor processor = processing.eventProcessor(Projections.GROUP, StreamingEventProcessor.class).orElseThrow();
        assertThat(processor.getClass().getSimpleName()).isEqualTo("PooledStreamingEventProcessor");
        assertThat(processor.processingStatus()).hasSize(4);
    }
}
