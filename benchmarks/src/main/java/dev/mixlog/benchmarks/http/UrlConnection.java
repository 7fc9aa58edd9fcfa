package dev.mixlog.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;

/** The JDK's {@link HttpURLConnection}, with its own keep-alive cache, on the sender's thread. */
final class UrlConnection extends OtherHttpClient {
    UrlConnection(String baseUrl, String token) {
        super(baseUrl, token);
    }

    @Override
    protected int post(URI uri, String authorization, byte[] gzipBody) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(30_000);
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setFixedLengthStreamingMode(gzipBody.length);
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Content-Encoding", "gzip");
        connection.setRequestProperty("Authorization", authorization);
        connection.setRequestProperty("Accept", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(gzipBody);
        }
        int status = connection.getResponseCode();
        // read to the end, so that the connection goes back to the keep-alive cache
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
