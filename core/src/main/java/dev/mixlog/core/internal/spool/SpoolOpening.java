package dev.mixlog.core.internal.spool;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.internal.diag.SafeStatus;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Opens a starting appender's spool. Usually at once; but while another appender of this JVM still
 * holds the directory (the appender a reconfiguration replaced, stopping in the background), it
 * tries again as the consumer goes round, until that appender lets go or its longest stop has
 * passed. Batches go from memory meanwhile. Any other failure is final: reported, no spool.
 */
public final class SpoolOpening {
    /** Beyond the holder's {@code shutdownTimeout}, how long a reconfigured appender waits for the directory. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MixlogConfig config;
    private final Counters stats;
    private final SpoolReports reports;
    private final long giveUpAt;
    private boolean done;
    private boolean waitReported;

    private SpoolOpening(MixlogConfig config, Counters stats, SafeStatus status) {
        this.config = config;
        this.stats = stats;
        this.reports = new SpoolReports(config.spoolDirectory(), status, config.reportInterval());
        this.giveUpAt = System.nanoTime() + config.shutdownTimeout().toNanos() + GRACE_NANOS;
    }

    /** The opening of the configured spool, or {@code null} when none is configured. */
    public static SpoolOpening of(MixlogConfig config, Counters stats, SafeStatus status) {
        return config.spoolDirectory() == null ? null : new SpoolOpening(config, stats, status);
    }

    /** The spool once it opens; {@code null} while it cannot, and for good once {@link #done()}. */
    public Spool tryOpen() {
        if (done) {
            return null;
        }
        try {
            Spool spool = Spool.open(config, stats, reports);
            done = true;
            return spool;
        } catch (SpoolLock.HeldInThisJvm held) {
            if (System.nanoTime() - giveUpAt < 0) {
                if (!waitReported) {
                    waitReported = true;
                    reports.waitingForHolder(held.getMessage());
                }
                return null;
            }
            done = true;
            reports.locked(held.getMessage());
        } catch (SpoolLock.HeldElsewhere held) {
            done = true;
            reports.locked(held.getMessage());
        } catch (IOException | RuntimeException e) {
            done = true;
            reports.unusable(e instanceof IOException ? SpoolLock.describe((IOException) e) : SafeStatus.describe(e));
        }
        return null;
    }

    /** Whether there is nothing more to try: the spool opened, or cannot. */
    public boolean done() {
        return done;
    }
}
