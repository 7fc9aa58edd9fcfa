package dev.mixlog.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** One request as {@link FaultyMixpanel} received and answered it. */
public final class Arrival {
    private final int index;
    private final String path;
    private final long arrivedNanos;
    private final String authorization;
    private final int decodedBytes;
    private final List<JsonNode> events;
    private volatile long answeredNanos;
    private volatile String answer = "pending";
    private volatile long pauseEndNanos;

    Arrival(int index, String path, long arrivedNanos, String authorization, int decodedBytes, List<JsonNode> events) {
        this.index = index;
        this.path = path;
        this.arrivedNanos = arrivedNanos;
        this.authorization = authorization;
        this.decodedBytes = decodedBytes;
        this.events = events;
    }

    void answered(Fault fault, long atNanos) {
        answeredNanos = atNanos;
        answer = fault.toString();
        if (fault.rateLimit()) {
            pauseEndNanos = atNanos + fault.pause.toNanos();
        }
    }

    /** 0 for the first request, 1 for the second, ... */
    public int index() { return index; }
    public String path() { return path; }
    /** {@link System#nanoTime()} when the request (headers and body) had arrived. */
    public long arrivedNanos() { return arrivedNanos; }
    /** {@link System#nanoTime()} when it was answered (or its connection dropped). */
    public long answeredNanos() { return answeredNanos; }
    /** The status answered, {@code drop} or {@code ingest+drop}, or {@code pending}. */
    public String answer() { return answer; }
    public boolean rateLimited() { return pauseEndNanos != 0; }
    /** For a 429: until when no request should arrive, as {@link System#nanoTime()}. */
    public long pauseEndNanos() { return pauseEndNanos; }
    public String authorization() { return authorization; }
    /** The body's size after gunzip: what Mixpanel's size limits apply to. */
    public int decodedBytes() { return decodedBytes; }
    /** The events of the body, in order. */
    public List<JsonNode> events() { return events; }

    public List<String> insertIds() {
        List<String> ids = new ArrayList<>(events.size());
        for (JsonNode event : events) {
            ids.add(insertId(event));
        }
        return ids;
    }

    static String insertId(JsonNode event) {
        return event.path("properties").path("$insert_id").asText();
    }
}
