package cn.opengov.tracker.query.projection;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Axon's JDBC dead-letter queue, asked once per batch instead of once per event whether a sequence already has
 * dead letters. Axon's dead-lettering invoker asks before every event (a later event of a parked request is parked
 * behind it); the projections handle hundreds of events a batch, so the answer for all of the batch's sequences is
 * read with one query when the batch asks first, and kept up to date as the batch enqueues. Only the node that
 * holds a segment enqueues for its sequences, so the answer stays true for the batch. Everything else is Axon's.
 */
final class BatchAwareDeadLetterQueue implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> delegate;
    private final JdbcTemplate jdbc;
    private final String processingGroup;
    private final String resource;

    BatchAwareDeadLetterQueue(SequencedDeadLetterQueue<EventMessage<?>> delegate, JdbcTemplate jdbc, String processingGroup) {
        this.delegate = delegate;
        this.jdbc = jdbc;
        this.processingGroup = processingGroup;
        this.resource = BatchAwareDeadLetterQueue.class.getName() + "/" + processingGroup;
    }

    /** The sequence a message belongs to, as Axon's default policy (per aggregate) and the JDBC queue name it. */
    static String sequenceOf(org.axonframework.messaging.Message<?> message) {
        return message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : message.getIdentifier();
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        Set<String> present = presentInBatch();
        return present != null ? present.contains(sequenceIdentifier.toString()) : delegate.contains(sequenceIdentifier);
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter) {
        delegate.enqueue(sequenceIdentifier, letter);
        Set<String> present = presentInBatch();
        if (present != null) {
            present.add(sequenceIdentifier.toString());
        }
    }

    /** The batch's sequences that have dead letters, read on first use; null outside a processor's batch. */
    private Set<String> presentInBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        UnitOfWork<?> unitOfWork = batch;
        return unitOfWork.getOrComputeResource(resource, key -> {
            Set<String> sequences = new LinkedHashSet<>();
            batch.getMessages().forEach(m -> sequences.add(sequenceOf(m)));
            return new HashSet<>(jdbc.queryForList(
                    "SELECT DISTINCT sequence_identifier FROM dead_letter_entry WHERE processing_group = ? AND sequence_identifier = ANY (?)",
                    String.class, processingGroup, sequences.toArray(String[]::new)));
        });
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        delegate.evict(letter);
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) {
        delegate.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return delegate.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return delegate.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return delegate.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return delegate.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return delegate.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        return delegate.process(sequenceFilter, processingTask);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
