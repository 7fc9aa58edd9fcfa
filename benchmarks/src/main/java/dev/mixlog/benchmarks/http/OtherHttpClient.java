package dev.mixlog.benchmarks.http;

import dev.mixlog.core.internal.delivery.DeliverySeam;
import dev.mixlog.core.internal.http.Gzip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Mixlog's pipeline with another HTTP client in place of its own, for the comparison of clients:
 * installed as the {@link DeliverySeam}'s replacement, it takes each sealed batch on the sender thread,
 * compresses it as Mixlog's transport does (the same {@link Gzip}) and posts it with the same headers;
 * anything but a 2xx reply throws, so the pipeline retries it as it would a failed request.
 */
public abstract class OtherHttpClient implements DeliverySeam.Replacement {
    private final URI baseUrl;
    private final String authorization;

    protected OtherHttpClient(String baseUrl, String token) {
        this.baseUrl = URI.create(baseUrl);
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((token + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Installs the client this case names, or nothing for the cases on Mixlog's own client. */
    public static void installFor(String caseId, String baseUrl, String token) {
        if (caseId.endsWith("-jdk-httpclient")) {
            DeliverySeam.install(new JdkHttpClient(baseUrl, token));
        } else if (caseId.endsWith("-urlconnection")) {
            DeliverySeam.install(new UrlConnection(baseUrl, token));
        }
    }

    @Override
    public final void take(String endpoint, byte[] json, Object[] tags) {
        URI uri = baseUrl.resolve(endpoint + (endpoint.equals("/import") ? "?strict=1" : "?verbose=1&ip=0"));
        int status;
        try {
            status = post(uri, authorization, Gzip.compress(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (status < 200 || status > 299) {
            throw new IllegalStateException("HTTP " + status);
        }
    }

    /** Posts the gzip body with {@code Content-Type: application/json}, {@code Content-Encoding: gzip} and the authorization; returns the status, the reply body read. */
    protected abstract int post(URI uri, String authorization, byte[] gzipBody) throws IOException, InterruptedException;

    @Override
    public final Object tagOfThisThread() {
        return null;
    }

    @Override
    public final void started(DeliverySeam.Core core) {
    }
}
