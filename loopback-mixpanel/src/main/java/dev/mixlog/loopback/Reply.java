package dev.mixlog.loopback;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How {@link LoopbackMixpanel} answers one request: accept it as Mixpanel does, refuse it with a
 * status, rate-limit it, drop the connection (before or after ingesting), refuse some of its records
 * as {@code /import?strict=1} does, or send a reply body that is huge, stalls or drips.
 */
public final class Reply {
    /** What happens to the records of the request. */
    enum Ingest { ALL, NONE, ALL_BUT_REFUSED }

    /** {@link #streamedBytes} of a reply that stalls after its body's first bytes. */
    static final long STALLS = -1;
    /** {@link #streamedBytes} of a reply whose body goes on one byte at a time, never ending. */
    static final long DRIPS = -2;

    final int status;
    /** The body; {@code null} for the endpoint's own (see {@link Request#mixpanelBody}). */
    final String body;
    final Map<String, String> headers;
    final Ingest ingest;
    final boolean dropConnection;
    final List<Integer> refused;
    /** For a 429: how long from the answer on no request should arrive; null otherwise. */
    final Duration pause;
    /** Generated body bytes streamed after {@link #body}: 0 for none, {@link Long#MAX_VALUE} for endless, {@link #STALLS}, {@link #DRIPS}. */
    final long streamedBytes;

    private Reply(int status, String body, Map<String, String> headers, Ingest ingest, boolean dropConnection,
                  List<Integer> refused, Duration pause, long streamedBytes) {
        this.status = status;
        this.body = body;
        this.headers = Map.copyOf(headers);
        this.ingest = ingest;
        this.dropConnection = dropConnection;
        this.refused = List.copyOf(refused);
        this.pause = pause;
        this.streamedBytes = streamedBytes;
    }

    private static Reply of(int status, String body, Ingest ingest) {
        return new Reply(status, body, Map.of(), ingest, false, List.of(), null, 0);
    }

    /** Mixpanel's 200 for the endpoint ({@code num_records_imported}, or {@code verbose=1}'s status 1): every record is ingested. */
    public static Reply accept() {
        return of(200, null, Ingest.ALL);
    }

    /** A JSON reply with this status and body; nothing is ingested. */
    public static Reply json(int status, String body) {
        return of(status, body, Ingest.NONE);
    }

    /**
     * Mixpanel's own answer, decided by the request's findings against Mixpanel's rules (the server's
     * default rule): see {@link LoopbackMixpanel#answerWith}.
     */
    public static Reply asMixpanelWould(Request request) {
        return MixpanelAnswers.to(request);
    }

    /**
     * Mixpanel's own answer as it gives it without {@code verbose=1}: HTTP 200 with a bare {@code 1}
     * (the records ingested) or {@code 0} (none ingested), as collectors that ignore {@code verbose} answer.
     */
    public static Reply asMixpanelWouldWithoutVerbose(Request request) {
        Reply mixpanels = MixpanelAnswers.to(request);
        boolean ok = mixpanels.status >= 200 && mixpanels.status < 300 && !mixpanels.dropConnection;
        return ok ? of(200, "1", mixpanels.ingest) : of(200, "0", Ingest.NONE);
    }

    /** A refusal with the endpoint's own body saying why (a request problem, or its first invalid record). */
    static Reply refusedByRules(int status) {
        return of(status, null, Ingest.NONE);
    }

    /** {@code /import} without {@code strict=1}: 200, the valid records imported and the others dropped. */
    static Reply importAllBut(List<Integer> refusedIndexes) {
        return new Reply(200, null, Map.of(), Ingest.ALL_BUT_REFUSED, false, refusedIndexes, null, 0);
    }

    /** A reply with this status and body; nothing is ingested. */
    public static Reply refuse(int status, String body) {
        return json(status, body);
    }

    /** 429 with {@code Retry-After: <seconds>}. */
    public static Reply rateLimited(int seconds) {
        return new Reply(429, "{\"error\":\"rate limit exceeded\",\"status\":0}",
                Map.of("Retry-After", String.valueOf(seconds)), Ingest.NONE, false, List.of(), Duration.ofSeconds(seconds), 0);
    }

    /**
     * 429 with {@code Retry-After} as an HTTP date about {@code delay} from now (HTTP dates have whole
     * seconds, so the date is rounded down; the pause recorded is exactly up to that date).
     */
    public static Reply rateLimitedUntil(Duration delay) {
        Instant now = Instant.now();
        Instant at = now.plus(delay).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(at.atOffset(ZoneOffset.UTC));
        return new Reply(429, "{\"error\":\"rate limit exceeded\",\"status\":0}", Map.of("Retry-After", date),
                Ingest.NONE, false, List.of(), Duration.between(now, at), 0);
    }

    /** Closes the connection without an answer, before ingesting anything (a reset). */
    public static Reply dropConnection() {
        return new Reply(0, null, Map.of(), Ingest.NONE, true, List.of(), null, 0);
    }

    /** Ingests every record, then closes the connection without an answer: the client must resend. */
    public static Reply ingestThenDropConnection() {
        return new Reply(0, null, Map.of(), Ingest.ALL, true, List.of(), null, 0);
    }

    /**
     * {@code /import?strict=1}'s 400: the events at these indexes are refused and listed in
     * {@code failed_records}; the others are ingested.
     */
    public static Reply strictRefusal(List<Integer> refusedIndexes) {
        return new Reply(400, null, Map.of(), Ingest.ALL_BUT_REFUSED, false, refusedIndexes, null, 0);
    }

    /**
     * Ingests every record and answers 200 with a body of {@code bytes} generated bytes (or, for
     * {@link Long#MAX_VALUE}, one that never ends), streamed chunk by chunk without being held in memory.
     */
    public static Reply acceptWithHugeBody(long bytes) {
        return new Reply(200, "{\"status\":1,\"padding\":\"", Map.of(), Ingest.ALL, false, List.of(), null, bytes);
    }

    /** Ingests every record, answers 200, sends the first bytes of the body and then nothing more: the reply stalls. */
    public static Reply acceptThenStall() {
        return new Reply(200, "{\"status\":", Map.of(), Ingest.ALL, false, List.of(), null, STALLS);
    }

    /**
     * Ingests every record, answers 200, then sends the body one byte every 100 ms, never ending:
     * each read of the client gets a byte in time, and only a bound on the whole exchange ends it.
     */
    public static Reply acceptThenDrip() {
        return new Reply(200, "{\"status\":", Map.of(), Ingest.ALL, false, List.of(), null, DRIPS);
    }

    /** This reply with one more header (a {@code Retry-After: 1} header does not make a rate limit of the pause). */
    /**
     * This reply with another body, written as given; what is ingested stays as this reply says (for
     * replies shaped as no Mixpanel rule would shape them: a strict 400 that names one record twice or
     * an id not in the batch).
     */
    public Reply withBody(String otherBody) {
        return new Reply(status, otherBody, headers, ingest, dropConnection, refused, pause, streamedBytes);
    }

    public Reply withHeader(String name, String value) {
        Map<String, String> more = new HashMap<>(headers);
        more.put(name, value);
        return new Reply(status, body, more, ingest, dropConnection, refused, pause, streamedBytes);
    }

    boolean rateLimit() {
        return pause != null;
    }

    @Override
    public String toString() {
        return dropConnection ? (ingest == Ingest.ALL ? "ingest+drop" : "drop") : String.valueOf(status);
    }
}
