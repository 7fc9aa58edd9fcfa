package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An HTTP reply of the receiver: a status and a JSON body. */
final class Answer {
    private final int status;
    private final String body;

    Answer(int status, JsonNode body) {
        this(status, Json.compact(body));
    }

    Answer(int status, String body) {
        this.status = status;
        this.body = body;
    }

    /** Acceptance as {@code /track}, {@code /engage} and {@code /groups} give it: {@code {"status":1}} with {@code verbose=1}, else {@code 1}. */
    static Answer verboseAccepted(Map<String, String> query) {
        return verbose(query) ? new Answer(200, Json.object().put("status", 1).putNull("error")) : new Answer(200, "1");
    }

    /** Refusal in the same form: {@code {"status":0,"error":...}} with {@code verbose=1}, else {@code 0}. */
    static Answer verboseRefused(Map<String, String> query, Refusal refusal) {
        return verbose(query)
                ? new Answer(refusal.status(), Json.object().put("status", 0).put("error", refusal.getMessage()))
                : new Answer(refusal.status(), "0");
    }

    private static boolean verbose(Map<String, String> query) {
        return "1".equals(query.get("verbose"));
    }

    int status() {
        return status;
    }

    String body() {
        return body;
    }
}
