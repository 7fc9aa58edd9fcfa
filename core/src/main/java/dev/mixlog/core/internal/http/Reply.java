package dev.mixlog.core.internal.http;

import java.time.Duration;
import java.util.Optional;

/** What the server answered to one request. */
public final class Reply {
    private final int status;
    private final String body;
    private final Duration retryAfter;

    public Reply(int status, String body, Duration retryAfter) {
        this.status = status;
        this.body = body == null ? "" : body;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** The delay asked for by a {@code Retry-After} header, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The body shortened for a message. */
    public String excerpt() {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
