package dev.mixlog.benchmarks.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Serves the receivers' counters as {@code key=value} lines, read by {@link ReceiverStats}, with the
 * CPU time the receiving process has used.
 */
final class StatsHandler implements HttpHandler {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Tally[] tallies;

    StatsHandler(Tally... tallies) {
        this.tallies = tallies;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            StringBuilder text = new StringBuilder();
            for (Tally tally : tallies) {
                tally.appendTo(text);
            }
            text.append("receiver.cpuNanos=").append(PROCESS.getProcessCpuTime()).append('\n');
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }
}
