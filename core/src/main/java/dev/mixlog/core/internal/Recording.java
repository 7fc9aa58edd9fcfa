package dev.mixlog.core.internal;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.config.MixlogConfig;
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
        void started(MixlogCore<?, ?> core);
    }

    /** The token in the records of a core without credentials, which runs only to record for a test. */
    public static final String STAND_IN_TOKEN = "mixlog-test-recording";

    private static volatile Recorder recorder;
    /** The running cores; weakly held, so that a core nobody stopped never outlives its appender here. */
    private static final Set<MixlogCore<?, ?>> RUNNING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

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
    public static List<MixlogCore<?, ?>> runningCores() {
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
        return config.credentials().missing().isPresent() ? STAND_IN_TOKEN : config.credentials().token().orElse(null);
    }

    /** Called by a core once it runs. */
    public static void started(MixlogCore<?, ?> core) {
        RUNNING.add(core);
        Recorder current = recorder;
        if (current != null) {
            current.started(core);
        }
    }

    /** Called by a core as it stops. */
    public static void stopped(MixlogCore<?, ?> core) {
        RUNNING.remove(core);
    }
}
