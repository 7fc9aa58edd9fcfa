package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixlog.loopback.LoopbackMixpanel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON for tests: the loopback server's reader, and records written with single quotes. */
public final class Bodies {
    public static final ObjectMapper JSON = LoopbackMixpanel.JSON;

    private Bodies() {
    }

    /** JSON written with single quotes for readability in tests: {@code "{'$set':{'plan':'pro'}}"}. */
    public static JsonNode singleQuoted(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** The body of each request the server received, in arrival order. */
    public static List<JsonNode> of(LoopbackMixpanel server) {
        List<JsonNode> bodies = new ArrayList<>();
        server.requests().forEach(request -> bodies.add(request.body()));
        return bodies;
    }
}
