package dev.mixlog.kafka.connect;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Records the task took from Connect and has not yet handed to the core, in order: they wait here
 * (and the partitions are paused) while the core holds as much as it should. Tells which offsets may
 * be committed: none at or past a record still waiting here.
 */
final class Backlog {
    /** A record waiting, as read and as Connect gave it. */
    static final class Waiting {
        final SinkRecord origin;
        final MixpanelRecord record;

        Waiting(SinkRecord origin, MixpanelRecord record) {
            this.origin = origin;
            this.record = record;
        }
    }

    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();

    void add(SinkRecord origin, MixpanelRecord record) {
        waiting.addLast(new Waiting(origin, record));
    }

    boolean isEmpty() {
        return waiting.isEmpty();
    }

    int size() {
        return waiting.size();
    }

    /** The oldest record waiting, or {@code null}. */
    Waiting peek() {
        return waiting.peekFirst();
    }

    void remove() {
        waiting.removeFirst();
    }

    /** The records of partitions taken from this task: their new owner reads them again. */
    void forget(Collection<TopicPartition> partitions) {
        waiting.removeIf(entry -> partitions.contains(partitionOf(entry.origin)));
    }

    /**
     * Of the offsets Connect would commit (the next offset to read, per partition), those that pass no
     * record waiting here; a partition with records waiting commits up to its oldest one.
     */
    Map<TopicPartition, OffsetAndMetadata> committable(Map<TopicPartition, OffsetAndMetadata> current) {
        Map<TopicPartition, Long> oldestWaiting = new HashMap<>();
        for (Waiting entry : waiting) {
            oldestWaiting.merge(partitionOf(entry.origin), entry.origin.kafkaOffset(), Math::min);
        }
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        current.forEach((partition, offset) -> {
            Long oldest = oldestWaiting.get(partition);
            committable.put(partition, oldest == null || oldest >= offset.offset() ? offset : new OffsetAndMetadata(oldest));
        });
        return committable;
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }
}
