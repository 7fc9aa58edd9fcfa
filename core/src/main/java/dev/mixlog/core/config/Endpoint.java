package dev.mixlog.core.config;

import java.util.Locale;

/** Which Mixpanel ingestion endpoint events are posted to. */
public enum Endpoint {
    /** {@code POST /import?strict=1}: server-side ingestion with Basic authentication (the default). */
    IMPORT("/import"),
    /** {@code POST /track?verbose=1&ip=0}: the project token travels in every event. */
    TRACK("/track");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The request path, such as {@code /import}. */
    public String path() {
        return path;
    }

    static Endpoint parse(String text) {
        return Endpoint.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
