package dev.mixlog.core.internal.http;

import dev.mixlog.core.internal.batch.Batch;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/** Posts batches with the JDK's {@link HttpClient}: one blocking exchange per call, on the caller's thread. */
public final class MixpanelTransport implements AutoCloseable {
    static final String USER_AGENT = "mixlog/0.1";
    /** Bytes of a reply body kept; a longer body is cut there and its connection closed. Mixpanel's replies are far shorter. */
    static final int MAX_REPLY_BYTES = 64 * 1024;
    /** The JDK ends a client's {@code toString()} with its id in parentheses, such as {@code HttpClientImpl@6fdbe764(1)}. */
    private static final Pattern CLIENT_ID = Pattern.compile("\\((\\d+)\\)$");
    /** How the JDK names a client's selector thread: {@code HttpClient-<id>-SelectorManager}. */
    private static final String SELECTOR_PREFIX = "HttpClient-";
    private static final String SELECTOR_SUFFIX = "-SelectorManager";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration exchangeBound;
    private final String selectorThreadName;

    /**
     * A client whose follow-up work runs on the thread that makes it due (a sender, or the client's
     * selector thread) instead of being handed to a pool: an exchange then touches two threads, not
     * three or four, and costs about a third less CPU (measured on loopback, JDK 17). The stages are
     * short and never block: the reply body is bounded and read as it arrives ({@link BoundedBody}).
     */
    public MixpanelTransport(Duration connectTimeout, Duration requestTimeout, boolean https) {
        this(connectTimeout, requestTimeout, https, null);
    }

    /** As above, trusting what {@code tls} trusts instead of the JVM's default (a test's own certificate). */
    MixpanelTransport(Duration connectTimeout, Duration requestTimeout, boolean https, SSLContext tls) {
        // the client's selector thread inherits the creating thread's context class loader: make it Mixlog's,
        // not a web application's, which the thread would otherwise keep alive after an undeploy
        Thread creating = Thread.currentThread();
        ClassLoader callers = creating.getContextClassLoader();
        creating.setContextClassLoader(MixpanelTransport.class.getClassLoader());
        try {
            HttpClient.Builder builder = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Runnable::run);
            if (tls != null) {
                builder.sslContext(tls);
            }
            this.client = builder.build();
        } finally {
            creating.setContextClassLoader(callers);
        }
        this.requestTimeout = requestTimeout;
        this.exchangeBound = requestTimeout.multipliedBy(2);
        Matcher id = CLIENT_ID.matcher(String.valueOf(client));
        this.selectorThreadName = id.find() ? SELECTOR_PREFIX + id.group(1) + SELECTOR_SUFFIX : null;
    }

    /**
     * Whether the thread is this client's selector thread. The JDK creates and names it; it reads the
     * replies and logs through {@code System.Logger} while Mixlog sends. When the client's id cannot
     * be read, the selector thread of any JDK client counts.
     */
    public boolean isSelectorThread(Thread thread) {
        String name = thread.getName();
        return selectorThreadName != null ? selectorThreadName.equals(name)
                : name.startsWith(SELECTOR_PREFIX) && name.endsWith(SELECTOR_SUFFIX);
    }

    /** The request body as sent: the batch's JSON, gzip-compressed or in the original form when the route says so. */
    public byte[] encode(Route route, Batch batch) {
        if (route.form()) {
            return FormBody.encode(batch.body());
        }
        return route.gzip() ? Gzip.compress(batch.body()) : batch.body();
    }

    /**
     * Sends an encoded body and returns the reply.
     *
     * @throws IOException on network failures and timeouts
     * @throws InterruptedException when the sending thread is interrupted (shutdown)
     */
    public Reply send(Route route, byte[] encodedBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(route.uri())
                .timeout(requestTimeout)
                .header("Content-Type", route.form() ? FormBody.CONTENT_TYPE : "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(encodedBody));
        if (route.gzip()) {
            request.header("Content-Encoding", "gzip");
        }
        route.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = exchange(request.build());
        String body = response.body();
        Duration retryAfter = response.headers().firstValue("Retry-After").map(MixpanelTransport::parseRetryAfter).orElse(null);
        return new Reply(response.statusCode(), body, retryAfter);
    }

    /**
     * One exchange on the calling thread, bounded in memory by {@link BoundedBody}. The JDK's request
     * timeout covers the wait for the reply's headers only; the whole exchange is bounded by
     * {@link #exchangeBound()}, which the dispatcher enforces by interrupting a sender that exceeds it.
     */
    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, BoundedBody.handler(MAX_REPLY_BYTES));
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

    /** Closes the client's connections where the JDK allows it (Java 21 and later). */
    @Override
    public void close() {
        Object maybeCloseable = client;
        if (maybeCloseable instanceof AutoCloseable) {
            try {
                ((AutoCloseable) maybeCloseable).close();
            } catch (Exception ignored) {
                // best effort at shutdown
            }
        }
    }
}
