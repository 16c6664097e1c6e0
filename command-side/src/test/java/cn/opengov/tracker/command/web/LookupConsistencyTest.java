package cn.opengov.tracker.command.web;

import cn.opengov.tracker.command.lookup.LookupProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-side lookups change in the very transaction of the events, and a failure there undoes the command. */
class LookupConsistencyTest extends CommandSideTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theLookupsAreUpdatedBySubscriptionAndErrorsPropagate() {
        assertThat(processing.eventProcessor(LookupProjection.GROUP)).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.listenerInvocationErrorHandler(LookupProjection.GROUP)).isInstanceOf(PropagatingErrorHandler.class);
    }
}
