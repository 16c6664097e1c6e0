package cn.opengov.tracker.query.projection;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * A projection is never stopped by one event (AXON-NOTES: the dead-letter queue instead of skipping or retrying
 * for ever). Every processing group of the query side gets Axon's dead-lettering invoker over the JDBC queue in
 * PostgreSQL ({@link ProjectionDeadLetters}): an event whose handler fails is parked with the later events of its
 * request and the batch goes on; one whose rows cannot be written is found and parked when the batch is written
 * ({@code ProjectionBatch}). What reaches a log or a dead letter about a failure carries no personal data: the
 * processor's interceptor and error handler pass on {@link ProjectionErrors#redacted redacted} exceptions only.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterConfiguration {

    @Autowired
    public void deadLetters(EventProcessingConfigurer processing, ProjectionDeadLetters deadLetters,
                            PlatformTransactionManager transactions) {
        // a retried letter is projected in a transaction of its own: one that fails again rolls back alone, and is
        // put back in the queue by the retry's own transaction
        DefaultTransactionDefinition ownTransaction = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        SpringTransactionManager retries = new SpringTransactionManager(transactions, ownTransaction);
        for (String group : Projections.GROUPS) {
            processing.registerDeadLetterQueue(group, c -> deadLetters.queue(group))
                    .registerDeadLetterPolicy(group, c -> ProjectionDeadLetters.POLICY)
                    .registerDeadLetteringEventHandlerInvokerConfiguration(group, (c, builder) -> builder.transactionManager(retries))
                    // the processor of a group bears its name (application.yml)
                    .registerHandlerInterceptor(group, c -> REDACTING_INTERCEPTOR)
                    .registerErrorHandler(group, c -> errorContext -> {
                        deadLetters.batchFailed(errorContext.error());
                        REDACTING_ERROR_HANDLER.handleError(errorContext);
                    });
        }
    }

    /**
     * Around each event (and each retried dead letter): a failure leaves as a redacted exception. Axon logs a failed
     * retry with its cause, and a full queue's exception quotes the whole event.
     */
    static final MessageHandlerInterceptor<EventMessage<?>> REDACTING_INTERCEPTOR = (unitOfWork, chain) -> {
        try {
            return chain.proceed();
        } catch (Exception e) {
            throw ProjectionErrors.redacted(e);
        }
    };

    /**
     * A batch that fails as a whole (the token store, the database gone) is still retried, as Axon's propagating
     * handler does; the work package logs the exception it is given, so it is given the redacted one.
     */
    static final ErrorHandler REDACTING_ERROR_HANDLER = errorContext -> {
        throw ProjectionErrors.redacted(errorContext.error());
    };
}
