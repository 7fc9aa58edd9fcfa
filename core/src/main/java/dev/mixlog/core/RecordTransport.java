package dev.mixlog.core;

import dev.mixlog.core.config.MixlogConfig;
import java.time.Duration;
import java.util.List;

/**
 * A way out for sealed records other than Mixpanel's HTTP API, for a module that carries them
 * elsewhere ({@code dev.mixlog:mixlog-kafka} writes them to a Kafka topic). The core finds it through
 * {@link java.util.ServiceLoader} as a {@link Provider} when the configuration asks for it
 * ({@code kafkaTopic}), and sends through it with everything else unchanged: the ring, batching,
 * retries with backoff, the spool, and every event counted.
 */
public interface RecordTransport extends AutoCloseable {
    /** Makes transports; listed in {@code META-INF/services/dev.mixlog.core.RecordTransport$Provider}. */
    interface Provider {
        /** Whether the configuration asks for this provider's transport. */
        boolean wanted(MixlogConfig config);

        /** A transport for the configuration, opened once per appender; what it throws is reported and the appender starts disabled. */
        RecordTransport open(MixlogConfig config);
    }

    /**
     * Stores one batch, on a sender thread: returns once every record is stored, throws to have the
     * batch sent again after a backoff (the records of a batch sent twice keep their {@code $insert_id}).
     *
     * @param endpoint where Mixpanel would take the records: {@code /import}, {@code /track}, {@code /engage} or {@code /groups}
     * @param records each record's JSON, an event or a profile or group update, as Mixpanel takes it
     * @param bound how long the send may take at most
     */
    void send(String endpoint, List<byte[]> records, Duration bound) throws Exception;

    /** Lets go of connections and threads, within a few seconds. */
    @Override
    void close();
}
