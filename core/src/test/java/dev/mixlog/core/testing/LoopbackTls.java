package dev.mixlog.core.testing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS Mixpanel on loopback, as Mixlog reaches the real one over TLS: a self-signed certificate
 * for 127.0.0.1 (and for {@link ForwardProxy#UNRESOLVABLE_HOST}, reached through a proxy) made with the JDK's keytool, and a server that takes gzip-compressed JSON batches at
 * {@code /import}, counts their events and answers as Mixpanel does. Clients trust it through
 * {@link #clientContext()} in this JVM, or {@link #trustStore()} (a PKCS12 file, password
 * {@link #PASSWORD}) in a child JVM.
 */
public final class LoopbackTls implements AutoCloseable {
    public static final String PASSWORD = "changeit";

    private final HttpsServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final SSLContext serverContext;
    private final SSLContext clientContext;
    private final Path trustStore;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong proxyAuthorizations = new AtomicLong();
    private final AtomicBoolean oversizedReplies = new AtomicBoolean();
    private final int oversizedReplyBytes;

    private LoopbackTls(Path dir, int oversizedReplyBytes) throws Exception {
        this.oversizedReplyBytes = oversizedReplyBytes;
        KeyStore keys = selfSignedKeyStore(dir.resolve("server.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD.toCharArray());
        this.serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", keys.getCertificate("server"));
        this.trustStore = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trusted.store(out, PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        this.clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.setExecutor(threads);
        server.createContext("/import", exchange -> {
            try {
                if (exchange.getRequestHeaders().containsKey("Proxy-Authorization")) {
                    proxyAuthorizations.incrementAndGet();
                }
                long batch;
                try (InputStream body = new GZIPInputStream(exchange.getRequestBody())) {
                    batch = count(new String(body.readAllBytes(), StandardCharsets.UTF_8), "\"event\"");
                }
                events.addAndGet(batch);
                byte[] reply = oversizedReplies.get() ? new byte[oversizedReplyBytes]
                        : ("{\"code\":200,\"num_records_imported\":" + batch + ",\"status\":\"OK\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, reply.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                } catch (IOException clientLeft) {
                    // the client cut an oversized reply short
                }
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Starts a server whose certificate and trust store are kept in {@code dir}; an oversized reply has this many bytes. */
    public static LoopbackTls start(Path dir, int oversizedReplyBytes) throws Exception {
        return new LoopbackTls(dir, oversizedReplyBytes);
    }

    /** {@code https://127.0.0.1:<port>}, a base URL. */
    public String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public SSLContext clientContext() {
        return clientContext;
    }

    /** The server's own TLS context, for a test's raw TLS server that the same clients trust. */
    public SSLContext serverContext() {
        return serverContext;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** Events received in all batches so far. */
    public long events() {
        return events.get();
    }

    /** Requests that carried a {@code Proxy-Authorization} header here, past any proxy: none should. */
    public long proxyAuthorizations() {
        return proxyAuthorizations.get();
    }

    /** Whether replies are oversized from now on. */
    public void oversizedReplies(boolean on) {
        oversizedReplies.set(on);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static KeyStore selfSignedKeyStore(Path file) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:" + ForwardProxy.UNRESOLVABLE_HOST, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool could not make a certificate: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        return keys;
    }

    private static long count(String text, String what) {
        long count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            count++;
        }
        return count;
    }
}
