package dev.mixlog.test;

import com.fasterxml.jackson.databind.JsonNode;

/** One record as the appenders would have sent it, and the endpoint it would have gone to. */
final class Recorded {
    final String endpoint;
    final JsonNode json;

    Recorded(String endpoint, JsonNode json) {
        this.endpoint = endpoint;
        this.json = json;
    }

    boolean isEvent() {
        return endpoint.equals("/import") || endpoint.equals("/track");
    }
}
