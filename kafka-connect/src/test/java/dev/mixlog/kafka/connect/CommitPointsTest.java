package dev.mixlog.kafka.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A commit takes the offsets of a point only once the flush that began with it is done, and never waits past its bound. */
class CommitPointsTest {
    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void aQuietCoreSettlesItsPointAtOnce() {
        try (CommitPoints commits = new CommitPoints("quiet", Duration.ofSeconds(30))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = Map.of(P0, new OffsetAndMetadata(10));
            assertEquals(offsets, commits.next(offsets, () -> true));
        }
    }

    @Test
    void aBusyCoresPointIsCommittedAtALaterCommitOnceItsFlushIsDone() throws InterruptedException {
        CountDownLatch settle = new CountDownLatch(1);
        try (CommitPoints commits = new CommitPoints("busy", Duration.ofMillis(50))) {
            Map<TopicPartition, OffsetAndMetadata> first = Map.of(P0, new OffsetAndMetadata(10), P1, new OffsetAndMetadata(7));
            assertTrue(commits.next(first, () -> await(settle)).isEmpty(), "nothing settled yet: nothing committed");
            Map<TopicPartition, OffsetAndMetadata> later = Map.of(P0, new OffsetAndMetadata(20), P1, new OffsetAndMetadata(9));
            assertTrue(commits.next(later, () -> true).isEmpty(), "the first point's flush still runs");
            settle.countDown();
            // the first point, made good; the later offsets become the next point
            Map<TopicPartition, OffsetAndMetadata> committed = awaitCommit(commits, later);
            assertEquals(first, committed);
            assertEquals(later, awaitCommit(commits, Map.of(P0, new OffsetAndMetadata(30))));
        }
    }

    @Test
    void aFlushThatDoesNotSettleCommitsNothing() {
        try (CommitPoints commits = new CommitPoints("failing", Duration.ofSeconds(30))) {
            assertTrue(commits.next(Map.of(P0, new OffsetAndMetadata(10)), () -> false).isEmpty());
        }
    }

    @Test
    void partitionsTakenFromTheTaskAreLeftOutOfThePoint() {
        CountDownLatch settle = new CountDownLatch(1);
        try (CommitPoints commits = new CommitPoints("rebalanced", Duration.ofMillis(50))) {
            assertTrue(commits.next(Map.of(P0, new OffsetAndMetadata(11), P1, new OffsetAndMetadata(3)), () -> await(settle)).isEmpty());
            commits.forget(List.of(P1));
            settle.countDown();
            assertEquals(Map.of(P0, new OffsetAndMetadata(11)), awaitCommit(commits, Map.of(P0, new OffsetAndMetadata(12))));
        }
    }

    /** Commits until one commits something (a flush on another thread ends when it ends). */
    private static Map<TopicPartition, OffsetAndMetadata> awaitCommit(CommitPoints commits, Map<TopicPartition, OffsetAndMetadata> now) {
        for (int i = 0; i < 1_000; i++) {
            Map<TopicPartition, OffsetAndMetadata> committed = commits.next(now, () -> true);
            if (!committed.isEmpty()) {
                return committed;
            }
        }
        throw new AssertionError("no point settled");
    }

    private static boolean await(CountDownLatch latch) {
        try {
            latch.await();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
