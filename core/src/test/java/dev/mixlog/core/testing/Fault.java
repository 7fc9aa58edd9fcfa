package dev.mixlog.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * How {@link FaultyMixpanel} answers one request: accept it, refuse it with a status, rate-limit it,
 * drop the connection (before or after ingesting), or refuse some of its records as strict mode does.
 */
public final class Fault {
    /** What happens to the events of the request. */
    enum Ingest { ALL, NONE, ALL_BUT_REFUSED }

    final int status;
    final String body;
    final Map<String, String> headers;
    final Ingest ingest;
    final boolean dropConnection;
    final List<Integer> refused;
    /** For a 429: how long from the answer on no request should arrive; null otherwise. */
    final Duration pause;

    private Fault(int status, String body, Map<String, String> headers, Ingest ingest, boolean dropConnection,
                  List<Integer> refused, Duration pause) {
        this.status = status;
        this.body = body;
        this.headers = headers;
        this.ingest = ingest;
        this.dropConnection = dropConnection;
        this.refused = refused;
        this.pause = pause;
    }

    /** Mixpanel's 200: every event is ingested. */
    public static Fault accept() {
        return new Fault(200, null, Map.of(), Ingest.ALL, false, List.of(), null);
    }

    /** A reply with this status and body; nothing is ingested. */
    public static Fault refuse(int status, String body) {
        return new Fault(status, body, Map.of(), Ingest.NONE, false, List.of(), null);
    }

    /** 429 with {@code Retry-After: <seconds>}. */
    public static Fault rateLimited(int seconds) {
        return new Fault(429, "{\"error\":\"rate limit exceeded\"}", Map.of("Retry-After", String.valueOf(seconds)),
                Ingest.NONE, false, List.of(), Duration.ofSeconds(seconds));
    }

    /**
     * 429 with {@code Retry-After} as an HTTP date about {@code delay} from now (HTTP dates have whole
     * seconds, so the date is rounded down; the pause recorded is exactly up to that date).
     */
    public static Fault rateLimitedUntil(Duration delay) {
        Instant now = Instant.now();
        Instant at = now.plus(delay).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        return new Fault(429, "{\"error\":\"rate limit exceeded\"}", Map.of("Retry-After", date),
                Ingest.NONE, false, List.of(), Duration.between(now, at));
    }

    /** Closes the connection without an answer, before ingesting anything (a reset). */
    public static Fault dropConnection() {
        return new Fault(0, null, Map.of(), Ingest.NONE, true, List.of(), null);
    }

    /** Ingests every event, then closes the connection without an answer: the client must resend. */
    public static Fault ingestThenDropConnection() {
        return new Fault(0, null, Map.of(), Ingest.ALL, true, List.of(), null);
    }

    /**
     * {@code /import?strict=1}'s 400: the events at these indexes are refused and listed in
     * {@code failed_records}; the others are ingested.
     */
    public static Fault strictRefusal(List<Integer> refusedIndexes) {
        return new Fault(400, null, Map.of(), Ingest.ALL_BUT_REFUSED, false, List.copyOf(refusedIndexes), null);
    }

    boolean rateLimit() {
        return pause != null;
    }

    @Override
    public String toString() {
        return dropConnection ? (ingest == Ingest.ALL ? "ingest+drop" : "drop") : String.valueOf(status);
    }
}
