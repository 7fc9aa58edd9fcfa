package dev.mixlog.core.internal.http;

import dev.mixlog.core.internal.batch.Batch;
import dev.mixlog.core.internal.config.ProxySetting;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * Posts batches over HTTP/1.1: one blocking exchange per call, on the sender's own thread, on a
 * connection kept from an earlier exchange when there is one ({@link IdleConnections}). No thread of
 * its own, no per-request pipeline of futures: a batch touches the consumer thread and one sender,
 * and the code run per request is small enough for the JIT to compile early (with the JDK's
 * {@code HttpClient}, its selector thread alone cost about 1 ms of CPU per request, mostly
 * interpreted code, at 10 requests/s).
 */
public final class MixpanelTransport implements AutoCloseable {
    static final String USER_AGENT = "mixlog/0.1";
    /** Bytes of a reply body kept; a longer body is cut there and its connection closed. Mixpanel's replies are far shorter. */
    static final int MAX_REPLY_BYTES = 64 * 1024;
    /**
     * A connection idle this long is closed rather than reused: servers close idle connections too
     * (the JDK's own HTTP server after 30 s), and one closed as a request goes out fails it.
     */
    static final long MAX_IDLE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final Duration connectTimeout;
    private final int readTimeoutMillis;
    private final Duration exchangeBound;
    /** The way to Mixpanel when the {@code proxy} setting fixes it; {@code null}: the JVM's selector chooses per request. */
    private final Egress fixedEgress;
    /** The TLS sockets' factory: given (a test's own certificate), or the JVM's default, made at the first {@code https} connection. */
    private volatile SSLSocketFactory tls;
    private final IdleConnections idle = new IdleConnections(MAX_IDLE_NANOS);

    /** As below, through the JVM's proxy, if it has one (tests). */
    MixpanelTransport(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, null, ProxySetting.jvm());
    }

    /**
     * @param connectTimeout the longest wait for a TCP connection (the TLS handshake waits like a reply)
     * @param requestTimeout the longest wait for each read of a reply; the whole exchange is bounded
     *                       by twice this ({@link #exchangeBound()})
     * @param proxy          the {@code proxy} setting: the JVM's proxy, none, or one given
     */
    public MixpanelTransport(Duration connectTimeout, Duration requestTimeout, ProxySetting proxy) {
        this(connectTimeout, requestTimeout, null, proxy);
    }

    /** As above, trusting what {@code tls} trusts instead of the JVM's default (a test's own certificate). */
    MixpanelTransport(Duration connectTimeout, Duration requestTimeout, SSLContext tls, ProxySetting proxy) {
        this.connectTimeout = connectTimeout;
        this.readTimeoutMillis = Connection.millis(requestTimeout);
        this.exchangeBound = requestTimeout.multipliedBy(2);
        this.tls = tls == null ? null : tls.getSocketFactory();
        this.fixedEgress = Egress.fixedBy(proxy);
    }

    /** The request body as sent: the batch's JSON, gzip-compressed or in the original form when the route says so. */
    public byte[] encode(Route route, Batch batch) {
        if (route.form()) {
            return FormBody.encode(batch.body());
        }
        return route.gzip() ? Gzip.compress(batch.body()) : batch.body();
    }

    /** Sends an encoded body, with no way to cancel it (tests). */
    Reply send(Route route, byte[] encodedBody) throws IOException {
        return send(route, encodedBody, new Cancellation());
    }

    /**
     * Sends an encoded body and returns the reply. A kept connection that fails (not by a timeout)
     * before any byte of the reply arrives was most likely closed by the server while idle: the
     * request goes once more, on a new connection.
     *
     * @param cancellation lets another thread end the exchange (an exchange past its bound, a stop)
     * @throws IOException on network failures, timeouts, malformed replies and cancellation
     */
    public Reply send(Route route, byte[] encodedBody, Cancellation cancellation) throws IOException {
        URI uri = route.uri();
        Egress egress = fixedEgress != null ? fixedEgress : Egress.chosenByTheJvm(uri);
        byte[] head = requestHead(route, encodedBody.length, egress);
        Connection kept = idle.take(Connection.origin(uri) + egress.key(), System.nanoTime());
        if (kept != null && kept.hasUnsolicitedBytes()) {
            kept.close();
            kept = null;
        }
        if (kept != null) {
            try {
                return exchange(kept, head, encodedBody, cancellation);
            } catch (IOException failed) {
                // a timeout means the server took the request and is slow: that is for the retry policy
                if (kept.replyStarted() || failed instanceof SocketTimeoutException || cancellation.cancelled()) {
                    throw failed;
                }
            }
        }
        SSLSocketFactory factory = Connection.isTls(uri) ? tlsFactory() : null;
        Connection opened;
        try {
            opened = Connection.open(uri, egress, connectTimeout, readTimeoutMillis, factory, cancellation);
        } catch (Tunnel.ProxyRefusal refusal) {
            // a status that means the same from the proxy as from the server (407, 429, 502, ...)
            return refusal.reply();
        }
        return exchange(opened, head, encodedBody, cancellation);
    }

    /** One exchange; the connection is kept for the next one when the reply allows, and closed otherwise. */
    private Reply exchange(Connection connection, byte[] head, byte[] body, Cancellation cancellation) throws IOException {
        boolean reusable = false;
        try {
            ReplyReader.Received received = connection.exchange(head, body, MAX_REPLY_BYTES, cancellation);
            reusable = received.reusable();
            return received.reply();
        } finally {
            if (reusable) {
                idle.put(connection, System.nanoTime());
            } else {
                connection.close();
            }
        }
    }

    /**
     * The request line and headers, ASCII; {@code Authorization} comes from the route and is written
     * nowhere else. Plain {@code http} through an HTTP proxy names the whole URL (absolute form) and
     * carries the proxy's {@code Proxy-Authorization}.
     */
    private static byte[] requestHead(Route route, int bodyLength, Egress egress) {
        URI uri = route.uri();
        boolean absolute = egress.absoluteForm(uri);
        StringBuilder head = new StringBuilder(320).append("POST ");
        if (absolute) {
            head.append(uri.getScheme().toLowerCase(java.util.Locale.ROOT)).append("://").append(Connection.hostHeader(uri));
        }
        head.append(uri.getRawPath());
        if (uri.getRawQuery() != null) {
            head.append('?').append(uri.getRawQuery());
        }
        head.append(" HTTP/1.1\r\nHost: ").append(Connection.hostHeader(uri))
                .append("\r\nUser-Agent: ").append(USER_AGENT)
                .append("\r\nAccept: application/json")
                .append("\r\nContent-Type: ").append(route.form() ? FormBody.CONTENT_TYPE : "application/json");
        if (route.gzip()) {
            head.append("\r\nContent-Encoding: gzip");
        }
        route.authorization().ifPresent(value -> head.append("\r\nAuthorization: ").append(value));
        if (absolute && egress.authorization() != null) {
            head.append("\r\nProxy-Authorization: ").append(egress.authorization());
        }
        head.append("\r\nContent-Length: ").append(bodyLength).append("\r\n\r\n");
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            try {
                factory = SSLContext.getDefault().getSocketFactory();
            } catch (NoSuchAlgorithmException unavailable) {
                throw new IOException("no TLS available in this JVM: " + unavailable.getMessage());
            }
            tls = factory;
        }
        return factory;
    }

    /** The longest one exchange may take, reply body included: twice {@code requestTimeout}. */
    public Duration exchangeBound() {
        return exchangeBound;
    }

    /** {@code Retry-After} as delay-seconds or an HTTP date; {@code null} when unreadable. */
    static Duration parseRetryAfter(String value) {
        String text = value.trim();
        try {
            long seconds = Long.parseLong(text);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** Closes the kept connections; a connection in use is closed as its exchange ends. */
    @Override
    public void close() {
        idle.closeAll();
    }
}
