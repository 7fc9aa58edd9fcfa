package dev.mixlog.core.http;

import dev.mixlog.core.batch.Batch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Posts batches with the JDK's {@link HttpClient}: one blocking exchange per call, on the caller's thread. */
public final class MixpanelTransport implements AutoCloseable {
    static final String USER_AGENT = "mixlog/0.1";
    private static final int MAX_REPLY_CHARS = 64 * 1024;

    private final HttpClient client;
    private final Duration requestTimeout;

    public MixpanelTransport(Duration connectTimeout, Duration requestTimeout, boolean https, Executor executor) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /** The request body as sent: the batch's JSON, gzip-compressed when the route says so. */
    public byte[] encode(Route route, Batch batch) {
        return route.gzip() ? gzip(batch.body()) : batch.body();
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
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(encodedBody));
        if (route.gzip()) {
            request.header("Content-Encoding", "gzip");
        }
        route.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (body != null && body.length() > MAX_REPLY_CHARS) {
            body = body.substring(0, MAX_REPLY_CHARS);
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(MixpanelTransport::parseRetryAfter).orElse(null);
        return new Reply(response.statusCode(), body, retryAfter);
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

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 6));
        try (GZIPOutputStream zip = new FastGzipStream(out)) {
            zip.write(body);
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return out.toByteArray();
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

    /** Gzip at the fastest level: analytics JSON compresses well even so, for a fraction of the CPU. */
    private static final class FastGzipStream extends GZIPOutputStream {
        FastGzipStream(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
