package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.RecordTransport;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.core.internal.diag.Counters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The one place where delivery can be replaced, JVM-wide. While a {@link Replacement} is installed
 * (the test kit's recorder), each sealed batch of every pipeline goes to it instead of the network
 * ({@link #destinationOf}), and a core without credentials starts a pipeline whose batches go to it
 * alone. Also knows the running cores, so that the replacement can flush them and read their
 * counters. Nothing installs a replacement in production.
 */
public final class DeliverySeam {
    /** Takes what the pipelines would have sent. */
    public interface Replacement {
        /**
         * One batch, on a sender thread, as it would have gone out: the endpoint ({@code /import},
         * {@code /track}, {@code /engage} or {@code /groups}), the JSON array, uncompressed, and for
         * each of its records the tag {@link #tagOfThisThread()} gave the thread that logged it
         * ({@code null} when none had one). Counted as delivered when it returns; retried as a failed
         * request when it throws.
         */
        void take(String endpoint, byte[] json, Object[] tags);

        /**
         * A tag for the calling application thread, carried with each event it logs to
         * {@link #take}; {@code null} for none. Called on every logging call while installed: quick,
         * and never blocking.
         */
        Object tagOfThisThread();

        /** A core started (or, without credentials, began its pipeline) while this replacement was installed. */
        void started(Core core);
    }

    /** What a replacement needs of a running core: its counters, a flush, and whether it still takes events. */
    public interface Core {
        MixlogStats stats();

        /** Delivers what the core holds; true once all of it is settled (false at once for a stopping core). */
        boolean flush(Duration timeout);

        /** False once the core's stop has begun (it may still be draining what it holds). */
        boolean takesEvents();
    }

    /** The token in the records of a core without credentials, whose batches go to a replacement alone. */
    public static final String STAND_IN_TOKEN = "mixlog-test-recording";

    /**
     * The name of the appender a replacement attaches to a logging configuration that has none: tools
     * that attach appenders of their own (the Spring Boot starter) do not take it for one the
     * configuration declares.
     */
    public static final String STAND_IN_APPENDER_NAME = "MIXLOG_RECORDER";

    private static volatile Replacement replacement;
    /** The running cores; weakly held, so that a core nobody stopped never outlives its appender here. */
    private static final Set<Core> RUNNING = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private DeliverySeam() {
    }

    /** Installs the replacement, in place of any other. */
    public static synchronized void install(Replacement installed) {
        replacement = installed;
    }

    /** Removes the replacement, if it is the one installed. */
    public static synchronized void remove(Replacement installed) {
        if (replacement == installed) {
            replacement = null;
        }
    }

    /** Whether a replacement is installed (never, outside tests). */
    public static boolean replaced() {
        return replacement != null;
    }

    /**
     * Where a pipeline of this configuration delivers: Mixpanel over HTTP (each batch to the replacement
     * instead while one is installed), with the configured token and spool; without credentials, the
     * replacement alone, with {@link #STAND_IN_TOKEN} and no spool, or {@code null} (no pipeline) when
     * none is installed.
     */
    public static Destination destinationOf(MixlogConfig config, Counters stats) {
        RecordTransport.Provider transport = transportFor(config);
        if (transport != null) {
            // the records go to a transport, and the Kafka Connect sink puts the project's token in them
            String token = Credentials.of(config).token().orElse("");
            return new Destination(new SeamOutlet(new TransportOutlet(transport, config)), token, true);
        }
        if (config.missingCredentials().isEmpty()) {
            return new Destination(new SeamOutlet(new HttpOutlet(config, stats)), Credentials.of(config).token().orElse(null), true);
        }
        return replaced() ? new Destination(new SeamOutlet(null), STAND_IN_TOKEN, false) : null;
    }

    /**
     * The provider of the transport the configuration asks for ({@code kafkaTopic}), found on the
     * class path of the core; {@code null} when it asks for none, or when none is there (see
     * {@link #missingTransport}).
     */
    static RecordTransport.Provider transportFor(MixlogConfig config) {
        if (config.get(Settings.KAFKA_TOPIC) == null) {
            return null;
        }
        for (RecordTransport.Provider provider : ServiceLoader.load(RecordTransport.Provider.class, RecordTransport.class.getClassLoader())) {
            if (provider.wanted(config)) {
                return provider;
            }
        }
        return null;
    }

    /** What to add when the configuration asks for a transport no module on the class path provides; {@code null} otherwise. */
    public static String missingTransport(MixlogConfig config) {
        if (config.get(Settings.KAFKA_TOPIC) == null || transportFor(config) != null) {
            return null;
        }
        return "kafkaTopic is set, but no Kafka transport is on the class path: add dev.mixlog:mixlog-kafka (it brings "
                + "kafka-clients), or remove kafkaTopic to send to Mixpanel over HTTP. The appender is disabled until then.";
    }

    /** The installed replacement's tag for the calling thread; {@code null} when none is installed (always, outside tests). */
    public static Object tagOfThisThread() {
        Replacement current = replacement;
        return current == null ? null : current.tagOfThisThread();
    }

    /** The cores started and not yet stopped (stopping ones included, until their stop ends). */
    public static List<Core> runningCores() {
        synchronized (RUNNING) {
            return new ArrayList<>(RUNNING);
        }
    }

    /** Called by a core once it runs. */
    public static void started(Core core) {
        RUNNING.add(core);
        Replacement current = replacement;
        if (current != null) {
            current.started(core);
        }
    }

    /** Called by a core as it stops. */
    public static void stopped(Core core) {
        RUNNING.remove(core);
    }

    static Replacement replacement() {
        return replacement;
    }
}
