package dev.mixlog.benchmarks.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback Mixpanel {@code /import} in the benchmark's own JVM that can be down: while down it
 * answers every request 503, as Mixpanel does in an outage; once up it answers and counts as
 * {@link MixpanelImportHandler} does.
 */
public final class OutageReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final Tally tally = new Tally("mixpanel");
    private volatile boolean down;

    private OutageReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        MixpanelImportHandler importing = new MixpanelImportHandler(tally);
        server.createContext("/import", exchange -> {
            if (down) {
                refuse(exchange);
            } else {
                importing.handle(exchange);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    public static OutageReceiver start() throws IOException {
        return new OutageReceiver();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Events accepted so far. */
    public long events() {
        return tally.events();
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
            exchange.sendResponseHeaders(503, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
