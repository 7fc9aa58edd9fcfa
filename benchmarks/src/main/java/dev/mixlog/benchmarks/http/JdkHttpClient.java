package dev.mixlog.benchmarks.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The JDK's {@link HttpClient} (HTTP/1.1, as Mixpanel's ingestion takes it), one client shared by the senders. */
final class JdkHttpClient extends OtherHttpClient {
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    JdkHttpClient(String baseUrl, String token) {
        super(baseUrl, token);
    }

    @Override
    protected int post(URI uri, String authorization, byte[] gzipBody) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
                .header("Authorization", authorization).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzipBody)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
    }
}
