package dev.mixlog.core.internal.delivery;

import dev.mixlog.core.RecordTransport;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.diag.SafeStatus;
import dev.mixlog.core.internal.http.Route;
import dev.mixlog.core.internal.http.Verdict;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sends each batch through a {@link RecordTransport} (a Kafka topic): each record alone, as the
 * transport stores them. The transport is opened at the first send, on a sender thread: a transport
 * that cannot open (a bad producer setting, say) fails that send, which is retried and reported as
 * any failed request, and never fails the appender's start.
 */
final class TransportOutlet implements Outlet {
    private final RecordTransport.Provider provider;
    private final MixlogConfig config;
    private final Duration bound;
    private RecordTransport transport;
    private boolean closed;

    TransportOutlet(RecordTransport.Provider provider, MixlogConfig config) {
        this.provider = provider;
        this.config = config;
        this.bound = config.requestTimeout();
    }

    private synchronized RecordTransport transport() throws IOException {
        if (closed) {
            throw new IOException("stopped");
        }
        if (transport == null) {
            transport = provider.open(config);
        }
        return transport;
    }

    @Override
    public Request prepare(Route route, Batch batch) {
        List<byte[]> records = new ArrayList<>(batch.size());
        byte[] body = batch.body();
        for (int i = 0; i < batch.size(); i++) {
            int start = batch.eventStart(i);
            records.add(Arrays.copyOfRange(body, start, start + batch.eventLength(i)));
        }
        return cancellation -> {
            try {
                transport().send(route.name(), records, bound);
                return Verdict.delivered();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (Exception e) {
                // the cause says what is wrong ("Failed to construct kafka producer" alone does not)
                Throwable cause = e.getCause();
                throw new IOException(SafeStatus.describe(e) + (cause != null && cause != e ? " (" + SafeStatus.describe(cause) + ")" : ""), e);
            }
        };
    }

    @Override
    public Duration exchangeBound() {
        // the transport keeps its own bound; the senders' cut comes only past it
        return bound.plusSeconds(5);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (transport != null) {
            transport.close();
        }
    }
}
