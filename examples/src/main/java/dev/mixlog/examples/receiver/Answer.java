package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;

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

    int status() {
        return status;
    }

    String body() {
        return body;
    }
}
