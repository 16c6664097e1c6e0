package cn.opengov.tracker.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Tuning of the projections' pooled processor beyond what application.yml sets (segments, threads, batch size).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessorConfiguration {

    /**
     * A segment that had no event of its own in a batch stores its advanced token only when it next extends its
     * claim (Axon's default: every 5 s). Read-your-writes waits for every segment's token, so a short threshold
     * keeps that wait short; idle, it costs one token update per segment this often.
     */
    static final long CLAIM_EXTENSION_MILLIS = 200;

    @Autowired
    public void tune(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(Projections.GROUP,
                (config, builder) -> builder.claimExtensionThreshold(CLAIM_EXTENSION_MILLIS));
    }
}
