package dev.mixlog.core.internal;

import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.config.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Test recording, JVM-wide: while a {@link Recorder} is installed (the test kit's {@code MixlogRecorder}),
 * every core hands each batch to it instead of sending it, and a core without credentials records
 * instead of refusing. Also knows the running cores, so that the recorder can flush them and read
 * their counters. Not for production use: nothing installs a recorder but the test kit.
 */
public final class Recording {
    /** Takes what the cores would have sent. */
    public interface Recorder {
        /**
         * One batch, on a sender thread, as it would have gone out: the endpoint ({@code /import},
         * {@code /track}, {@code /engage} or {@code /groups}) and the JSON array, uncompressed. Counted
         * as delivered when it returns.
         */
        void record(String endpoint, byte[] json);

        /** A core started (or, without credentials, began recording) while this recorder was installed. */
        void started(Core core);
    }

    /** What a recorder needs of a running core: its counters, and a flush. */
    public interface Core {
        MixlogStats stats();

        /** Delivers (here: records) what the core holds; true once all of it is settled. */
        boolean flush(Duration timeout);
    }

    /** The token in the records of a core without credentials, which runs only to record for a test. */
    public static final String STAND_IN_TOKEN = "mixlog-test-recording";

    private static volatile Recorder recorder;
    /** The running cores; weakly held, so that a core nobody stopped never outlives its appender here. */
    private static final Set<Core> RUNNING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private Recording() {
    }

    /** Installs the recorder, in place of any other. */
    public static synchronized void install(Recorder installed) {
        recorder = installed;
    }

    /** Removes the recorder, if it is the one installed. */
    public static synchronized void remove(Recorder installed) {
        if (recorder == installed) {
            recorder = null;
        }
    }

    /** The recorder installed; {@code null} when none is (always, outside tests). */
    public static Recorder recorder() {
        return recorder;
    }

    /** The cores started and not yet stopped. */
    public static List<Core> runningCores() {
        synchronized (RUNNING) {
            return new ArrayList<>(RUNNING);
        }
    }

    /**
     * The project token the records carry: the configured one; for a core without credentials (whose
     * pipeline runs only to record for a test), {@link #STAND_IN_TOKEN}; {@code null} for a core with a
     * service account alone.
     */
    public static String tokenOf(MixlogConfig config) {
        return config.missingCredentials().isPresent() ? STAND_IN_TOKEN : Credentials.of(config).token().orElse(null);
    }

    /** Called by a core once it runs. */
    public static void started(Core core) {
        RUNNING.add(core);
        Recorder current = recorder;
        if (current != null) {
            current.started(core);
        }
    }

    /** Called by a core as it stops. */
    public static void stopped(Core core) {
        RUNNING.remove(core);
    }
}
