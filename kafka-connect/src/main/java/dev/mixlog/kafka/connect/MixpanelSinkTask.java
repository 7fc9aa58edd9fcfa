package dev.mixlog.kafka.connect;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers its share of the topic's records through a Mixlog core of its own (ring, batching, gzip,
 * retries, 413 splitting, strict replies, rate control). {@link #put} never waits on the network:
 * while the core holds as much as it should, or Mixpanel is failing (an outage, a rate limit), the
 * task pauses its partitions, keeps what it was given, and resumes them once the core has room.
 * {@link #preCommit} commits only offsets whose records are settled: delivered, or refused by
 * Mixpanel and sent to the dead-letter queue ({@link CommitPoints}). A drop of any other kind (the
 * credentials refused, say) stops the task before its offsets are committed, so that the records are
 * read again once it is fixed. A record read again carries the same {@code $insert_id}, and Mixpanel
 * keeps it once.
 */
public final class MixpanelSinkTask extends SinkTask {
    private static final Logger LOG = LoggerFactory.getLogger(MixpanelSinkTask.class);
    /** How soon a paused task looks again whether the core has room (Connect polls no sooner than asked). */
    private static final long RECHECK_MILLIS = 200;
    /** How long the flush behind a commit point waits at most; a point not settled by then gives way to a new one. */
    private static final Duration FLUSH_BOUND = Duration.ofMinutes(10);
    /** The records the core drops for themselves (not a Mixpanel record after all, past the hot-shard limit): committed. */
    private static final Set<DropReason> RECORD_DROPS = EnumSet.of(DropReason.INVALID, DropReason.HOT_SHARD);

    private String name;
    private SinkSettings settings;
    private MixlogCore<MixpanelRecord, MixpanelRecord> core;
    private final RecordParser parser = new RecordParser();
    private final Backlog backlog = new Backlog();
    private BadRecords bad;
    private long highWaterEvents;
    private long highWaterBytes;
    private boolean paused;
    private CommitPoints commits;

    @Override
    public String version() {
        return MixpanelSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> properties) {
        name = "mixpanel-sink-" + properties.getOrDefault("name", "connector") + "-" + properties.getOrDefault(
                MixpanelSinkConnector.TASK_NUMBER, "0");
        settings = SinkSettings.of(properties, name);
        MixlogConfig config = settings.mixlog();
        bad = new BadRecords(settings.toleratesErrors() ? errantRecordReporter() : null, LOG, name);
        highWaterEvents = config.ringBufferSize() / 2;
        highWaterBytes = config.maxBufferBytes() > 0 ? config.maxBufferBytes() / 2 : Long.MAX_VALUE;
        core = MixlogCore.start(config, new MixpanelRecordReader(config.distinctIdKey()), StatusSink.of(LOG::info, LOG::warn, LOG::error),
                bad::refused);
        commits = new CommitPoints(name, settings.commitWait());
    }

    /** Connect's reporter of errant records; {@code null} on a worker older than Kafka 2.6. */
    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError older) {
            return null;
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        stopIfDroppedWithoutReport();
        for (SinkRecord record : records) {
            try {
                backlog.add(record, parser.parse(record));
            } catch (BadRecordException e) {
                bad.unreadable(record, e.getMessage());
            }
        }
        handOver();
        bad.reportRefused();
        boolean hold = !backlog.isEmpty() || core.stats().failing();
        TopicPartition[] assigned = context.assignment().toArray(new TopicPartition[0]);
        if (hold) {
            // every time: a partition assigned meanwhile is paused too
            context.pause(assigned);
        } else if (paused) {
            context.resume(assigned);
        }
        if (hold != paused) {
            paused = hold;
            LOG.info("{}: {} its partitions{}", name, hold ? "paused" : "resumed", hold ? " (Mixpanel failing, or the "
                    + "core holding as much as it should; " + backlog.size() + " records wait here)" : "");
        }
        if (paused) {
            context.timeout(RECHECK_MILLIS);
        }
    }

    /** Hands the waiting records to the core while it has room. */
    private void handOver() {
        MixlogStats stats = core.stats();
        while (!backlog.isEmpty() && stats.ringBacklog() < highWaterEvents && stats.bufferedBytes() < highWaterBytes) {
            Backlog.Waiting next = backlog.peek();
            if (!core.append(next.record, next.origin)) {
                // counted by the core under its reason; kept in the dead-letter queue
                bad.notTaken(next.origin);
            }
            backlog.remove();
        }
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        Map<TopicPartition, OffsetAndMetadata> settled = commits.next(backlog.committable(currentOffsets),
                () -> core.flush(FLUSH_BOUND));
        // refusals come before their records are counted: those of a settled point are all here by now
        if (!reported(bad.reportRefused())) {
            return Map.of();
        }
        // a drop the dead-letter queue did not get: nothing is committed, and the next put stops the task
        return droppedWithoutReport() > 0 ? Map.of() : settled;
    }

    /** Stops the task (Connect fails it on an exception from put) once records were dropped without a report. */
    private void stopIfDroppedWithoutReport() {
        long unsettled = droppedWithoutReport();
        if (unsettled > 0) {
            throw new ConnectException(name + ": " + unsettled + " records were dropped without being delivered or sent to the "
                    + "dead-letter queue (" + core.stats() + "; last failure: " + core.stats().lastFailure() + "). The task stops "
                    + "before committing their offsets: fix the cause (the credentials?) and restart it, and they are read again.");
        }
    }

    /** Whether the dead-letter reports went through (waited on, within the commit wait). */
    private boolean reported(List<Future<Void>> reports) {
        long deadline = System.nanoTime() + settings.commitWait().toNanos();
        for (Future<Void> report : reports) {
            try {
                report.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("{}: a refused record's report to the dead-letter queue did not complete: {}", name, e.toString());
                return false;
            }
        }
        return true;
    }

    /** Records the core dropped that the dead-letter queue did not get, other than those dropped for themselves. */
    private long droppedWithoutReport() {
        MixlogStats stats = core.stats();
        long dropped = stats.droppedTotal();
        for (DropReason ownFault : RECORD_DROPS) {
            dropped -= stats.dropped(ownFault);
        }
        return dropped - bad.refused() - bad.notTaken();
    }

    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        // preCommit does the work
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        if (paused) {
            context.pause(partitions.toArray(new TopicPartition[0]));
        }
    }

    @Override
    public void close(Collection<TopicPartition> partitions) {
        backlog.forget(partitions);
        commits.forget(partitions);
    }

    @Override
    public void stop() {
        if (commits != null) {
            commits.close();
        }
        if (core != null) {
            core.stop();
            LOG.info("{}: stopped; records not readable as Mixpanel records: {}, refused by Mixpanel: {}; {}", name,
                    bad.unreadable(), bad.refused(), core.stats());
        }
    }
}
