package dev.mixlog.benchmarks.receiver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The loopback receivers, run in a JVM of their own so that their work is not counted as the
 * appenders' CPU: a Mixpanel {@code /import} endpoint (200 at once) and a Loki push endpoint (204 at
 * once), both counting what arrives, plus {@code /stats}. Listens on 127.0.0.1 only, on ephemeral
 * ports written to the file named by the first argument, and exits by itself after the number of
 * seconds given as the second argument (default 1800).
 * <p>Usage: {@code ReceiverServer <urls.properties> [maxSeconds]}
 */
public final class ReceiverServer {
    private ReceiverServer() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: ReceiverServer <urls.properties> [maxSeconds]");
            System.exit(2);
        }
        // Answer at once: without TCP_NODELAY, a reply written as headers then body waits for the
        // client's delayed ACK (40 ms on Linux) before its second segment goes out.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Path urlsFile = Path.of(args[0]);
        long maxSeconds = args.length > 1 ? Long.parseLong(args[1]) : 1800;
        Tally mixpanel = new Tally("mixpanel");
        Tally loki = new Tally("loki");
        ExecutorService workers = Executors.newFixedThreadPool(4, daemonThreads());

        HttpServer mixpanelServer = bind(workers);
        mixpanelServer.createContext("/import", new MixpanelImportHandler(mixpanel));
        mixpanelServer.createContext("/stats", new StatsHandler(mixpanel, loki));
        HttpServer lokiServer = bind(workers);
        lokiServer.createContext("/loki/api/v1/push", new LokiPushHandler(loki));
        mixpanelServer.start();
        lokiServer.start();

        String mixpanelBase = "http://127.0.0.1:" + mixpanelServer.getAddress().getPort();
        Properties urls = new Properties();
        urls.setProperty("mixpanelUrl", mixpanelBase);
        urls.setProperty("statsUrl", mixpanelBase + "/stats");
        urls.setProperty("lokiUrl", "http://127.0.0.1:" + lokiServer.getAddress().getPort() + "/loki/api/v1/push");
        Path partial = urlsFile.resolveSibling(urlsFile.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            urls.store(out, "loopback receivers");
        }
        Files.move(partial, urlsFile, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("receivers listening: " + urls);

        TimeUnit.SECONDS.sleep(maxSeconds);
        mixpanelServer.stop(0);
        lokiServer.stop(0);
        workers.shutdownNow();
    }

    private static HttpServer bind(ExecutorService workers) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        server.setExecutor(workers);
        return server;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "receiver-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
