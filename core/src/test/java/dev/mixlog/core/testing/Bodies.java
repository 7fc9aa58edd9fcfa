package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import okhttp3.mockwebserver.RecordedRequest;

/** Decodes request bodies as Mixpanel would: gunzip when {@code Content-Encoding: gzip}, then JSON. */
public final class Bodies {
    public static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    /** The raw bytes after content decoding. */
    public static byte[] decoded(RecordedRequest request) {
        byte[] raw = request.getBody().clone().readByteArray();
        if (!"gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
            return raw;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("body is not valid gzip", e);
        }
    }

    /** JSON written with single quotes for readability in tests: {@code "{'$set':{'plan':'pro'}}"}. */
    public static JsonNode singleQuoted(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The decoded body as a JSON tree (an array for every Mixpanel endpoint). */
    public static JsonNode json(RecordedRequest request) {
        try {
            return JSON.readTree(decoded(request));
        } catch (IOException e) {
            throw new UncheckedIOException("body is not JSON", e);
        }
    }
}
