package cn.opengov.tracker.platform.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * An event handler that fails must never be skipped quietly (Axon's default only logs it). Propagating the
 * error rolls back the command that caused it (subscribing processors) or makes a streaming processor retry
 * the batch, so no read model silently misses an event.
 */
@Configuration(proxyBeanMethods = false)
public class HandlerErrorConfiguration {

    @Autowired
    public void propagateHandlerErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
