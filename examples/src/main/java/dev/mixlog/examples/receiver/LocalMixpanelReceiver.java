package dev.mixlog.examples.receiver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Mixpanel-compatible ingestion endpoint on the loopback interface, for demos and tests: it serves
 * {@code POST /import} and {@code POST /track} (events), {@code POST /engage} (profile updates) and
 * {@code POST /groups} (group updates), validates records as Mixpanel does, and counts what it
 * receives. It never stores credentials.
 * <pre>{@code
 * try (LocalMixpanelReceiver receiver = LocalMixpanelReceiver.start()) {
 *     // point the appender's baseUrl at receiver.baseUrl(), log, stop the appender
 *     ReceiverStats stats = receiver.stats();
 * }
 * }</pre>
 */
public final class LocalMixpanelReceiver implements AutoCloseable {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private final HttpServer server;
    private final ExecutorService executor;
    private final ReceiverLedger ledger = new ReceiverLedger();

    private LocalMixpanelReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), 0), 0);
        executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "local-mixpanel-receiver");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/import", new ImportEndpoint(ledger));
        server.createContext("/track", new TrackEndpoint(ledger));
        server.createContext("/engage", new UpdatesEndpoint(ledger, false));
        server.createContext("/groups", new UpdatesEndpoint(ledger, true));
    }

    /** Starts a receiver on 127.0.0.1 at a free port. */
    public static LocalMixpanelReceiver start() throws IOException {
        LocalMixpanelReceiver receiver = new LocalMixpanelReceiver();
        receiver.server.start();
        return receiver;
    }

    /** The URL to use as the appender's {@code baseUrl}, such as {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://127.0.0.1:" + address.getPort());
    }

    /** What has been received so far. */
    public ReceiverStats stats() {
        return ledger.snapshot();
    }

    /** Stops serving at once and closes open connections. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
