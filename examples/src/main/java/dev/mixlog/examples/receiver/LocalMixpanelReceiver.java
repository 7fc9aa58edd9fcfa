package dev.mixlog.examples.receiver;

import dev.mixlog.loopback.LoopbackMixpanel;
import java.net.URI;

/**
 * The demo's Mixpanel when no token is set: a {@link LoopbackMixpanel} on the loopback interface,
 * which answers {@code /import}, {@code /track}, {@code /engage} and {@code /groups} as Mixpanel
 * does (valid records imported, invalid ones refused), and a summary of what it received.
 * <pre>{@code
 * try (LocalMixpanelReceiver receiver = LocalMixpanelReceiver.start()) {
 *     // point the appender's baseUrl at receiver.baseUrl(), log, stop the appender
 *     ReceiverStats stats = receiver.stats();
 * }
 * }</pre>
 */
public final class LocalMixpanelReceiver implements AutoCloseable {
    private final LoopbackMixpanel server = LoopbackMixpanel.start();

    private LocalMixpanelReceiver() {
    }

    /** Starts a receiver on the loopback interface at a free port. */
    public static LocalMixpanelReceiver start() {
        return new LocalMixpanelReceiver();
    }

    /** The URL to use as the appender's {@code baseUrl}, such as {@code http://127.0.0.1:40123}. */
    public URI baseUrl() {
        return URI.create(server.url());
    }

    /** What has been received so far. */
    public ReceiverStats stats() {
        return ReceiverTally.of(server.requests());
    }

    /** Stops serving at once and closes open connections. */
    @Override
    public void close() {
        server.close();
    }
}
