package dev.mixlog.kafka.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;

/**
 * Where a record goes that cannot be sent (not a Mixpanel record) or that Mixpanel refused (a strict
 * {@code /import} reply): Connect's errant-record reporter, so to the dead-letter topic, when the
 * connector tolerates errors ({@code errors.tolerance=all}); otherwise a warning naming the record's
 * place and the reason. Never fails the task. Counted either way. Refusals come on the core's sender
 * threads: they wait here until the task's thread reports them ({@link #reportRefused}), before it
 * commits the offsets past them.
 */
final class BadRecords {
    private final ErrantRecordReporter reporter;
    private final Logger log;
    private final String name;
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong notTaken = new AtomicLong();
    private final Queue<Object[]> refusedWaiting = new ConcurrentLinkedQueue<>();

    /** @param reporter Connect's reporter, or {@code null} when errors are not tolerated or the worker has none */
    BadRecords(ErrantRecordReporter reporter, Logger log, String name) {
        this.reporter = reporter;
        this.log = log;
        this.name = name;
    }

    /** A record that is not a Mixpanel record; on the task's thread. */
    void unreadable(SinkRecord record, String reason) {
        unreadable.incrementAndGet();
        report(record, "not a Mixpanel record: " + reason);
    }

    /** A record the core did not take (counted there under its reason: ring full, too large for maxBufferBytes); on the task's thread. */
    void notTaken(SinkRecord record) {
        notTaken.incrementAndGet();
        report(record, "not taken by the sink's core (ring full, or larger than mixpanel.maxBufferBytes)");
    }

    /** A record Mixpanel refused; on a sender thread: kept for {@link #reportRefused}. */
    void refused(Object tag, String reason) {
        if (tag instanceof SinkRecord) {
            refused.incrementAndGet();
            refusedWaiting.add(new Object[] {tag, reason});
        }
    }

    /** Reports the refusals that came in; on the task's thread. Returns the reporter's futures, to wait on before a commit. */
    List<Future<Void>> reportRefused() {
        List<Future<Void>> reports = new ArrayList<>();
        for (Object[] next = refusedWaiting.poll(); next != null; next = refusedWaiting.poll()) {
            Future<Void> report = report((SinkRecord) next[0], (String) next[1]);
            if (report != null) {
                reports.add(report);
            }
        }
        return reports;
    }

    long unreadable() {
        return unreadable.get();
    }

    long refused() {
        return refused.get();
    }

    long notTaken() {
        return notTaken.get();
    }

    /** Reports one record; returns the reporter's future, or {@code null} when it was only logged. */
    private Future<Void> report(SinkRecord record, String reason) {
        String place = record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
        if (reporter != null) {
            try {
                Future<Void> reported = reporter.report(record, new BadRecordException(reason));
                log.warn("{}: the record at {} goes to Connect's errant-record reporter: {}", name, place, reason);
                return reported;
            } catch (RuntimeException e) {
                log.warn("{}: could not report the record at {} to the dead-letter queue: {}", name, place, e.toString());
            }
        }
        log.warn("{}: skipped the record at {}: {} (set errors.tolerance=all and errors.deadletterqueue.topic.name to keep such "
                + "records)", name, place, reason);
        return null;
    }
}
