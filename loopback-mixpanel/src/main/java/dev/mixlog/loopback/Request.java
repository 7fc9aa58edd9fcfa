package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One request as {@link LoopbackMixpanel} received it (decoded, parsed, checked) and answered it. */
public final class Request {
    private final int index;
    private final String method;
    private final String path;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final long arrivedNanos;
    private final byte[] wire;
    private final byte[] decoded;
    private final JsonNode body;
    private final List<JsonNode> records;
    private final IngestionRules.Findings findings;
    private volatile List<JsonNode> ingested = List.of();
    private volatile long answeredNanos;
    private volatile int status;
    private volatile String answer = "pending";
    private volatile long pauseEndNanos;

    Request(int index, String method, String path, String rawQuery, Map<String, String> headers, long arrivedNanos,
            byte[] wire, byte[] decoded, JsonNode body, IngestionRules.Findings findings) {
        this.index = index;
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.arrivedNanos = arrivedNanos;
        this.wire = wire;
        this.decoded = decoded;
        this.body = body;
        List<JsonNode> parsed = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(parsed::add);
        }
        this.records = Collections.unmodifiableList(parsed);
        this.findings = findings;
    }

    void ingested(List<JsonNode> records) {
        ingested = List.copyOf(records);
    }

    void answered(Reply reply, long atNanos) {
        answeredNanos = atNanos;
        status = reply.status;
        answer = reply.toString();
        if (reply.rateLimit()) {
            pauseEndNanos = atNanos + reply.pause.toNanos();
        }
    }

    /** 0 for the first request the server received, 1 for the second, ... */
    public int index() { return index; }
    public String method() { return method; }
    public String path() { return path; }

    /** A query parameter's decoded value, or {@code null}. */
    public String query(String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** Whether the body came in Mixpanel's original form, {@code data=<base64 of the JSON>}. */
    public boolean form() { return FormBodies.isForm(header("Content-Type")); }
    /** A request header's value, the name in any case; {@code null} when absent. */
    public String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    public String authorization() { return header("Authorization"); }
    /** {@link System#nanoTime()} when the request (headers and body) had arrived. */
    public long arrivedNanos() { return arrivedNanos; }
    /** {@link System#nanoTime()} when it was answered (or its connection dropped); 0 while pending. */
    public long answeredNanos() { return answeredNanos; }
    /** The HTTP status answered; 0 while pending or when the connection was dropped. */
    public int status() { return status; }
    /** Whether it was answered 2xx. */
    public boolean accepted() { return status >= 200 && status < 300; }
    /** The status answered, {@code drop} or {@code ingest+drop}, or {@code pending}. */
    public String answer() { return answer; }
    public boolean rateLimited() { return pauseEndNanos != 0; }
    /** For a 429: until when no request should arrive, as {@link System#nanoTime()}. */
    public long pauseEndNanos() { return pauseEndNanos; }
    /** The body as it came over the wire (compressed when gzip was used). */
    public byte[] wire() { return wire.clone(); }
    /** The body's size as it came over the wire. */
    public int wireBytes() { return wire.length; }
    /** The body after content decoding: gunzipped when sent gzip, and a form's {@code data} decoded to its JSON. */
    public byte[] decoded() { return decoded.clone(); }
    /** The decoded body's size: what Mixpanel's size limits apply to. */
    public int decodedBytes() { return decoded.length; }
    /** The body as JSON; {@code null} when it was not JSON. */
    public JsonNode body() { return body; }
    /** The records of the body (events, or profile or group updates), in order. */
    public List<JsonNode> records() { return records; }
    /** The same as {@link #records()}, for requests to {@code /import} and {@code /track}. */
    public List<JsonNode> events() { return records; }
    /** Where the request breaks Mixpanel's rules for its endpoint ({@link IngestionRules}); empty when it keeps them. */
    public List<String> violations() { return findings.all(); }
    /** The records the server ingested from this request (all, none, or those not refused). */
    public List<JsonNode> ingested() { return ingested; }

    /** What makes the request as a whole unacceptable (not JSON, no records, too many). */
    List<String> requestProblems() { return findings.request; }

    /** The indexes of the records that break Mixpanel's rules. */
    List<Integer> invalidRecords() {
        List<Integer> invalid = new ArrayList<>();
        for (int i = 0; i < findings.records.size(); i++) {
            if (!findings.records.get(i).isEmpty()) {
                invalid.add(i);
            }
        }
        return invalid;
    }

    /** The first problem of a record: its field (empty for the record itself) and message. */
    String[] firstProblem(int recordIndex) {
        List<String> problems = recordIndex < findings.records.size() ? findings.records.get(recordIndex) : List.of();
        if (problems.isEmpty()) {
            return new String[] {"properties.valid", "'properties.valid' must not be false"};
        }
        String problem = problems.get(0);
        if (!problem.startsWith(".")) {
            return new String[] {"", problem.trim()};
        }
        int space = problem.indexOf(' ');
        return new String[] {problem.substring(1, space), problem.substring(space + 1)};
    }

    /** The {@code properties.$insert_id} of each event, in order. */
    public List<String> insertIds() {
        List<String> ids = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            ids.add(insertId(record));
        }
        return ids;
    }

    static String insertId(JsonNode event) {
        return event.path("properties").path("$insert_id").asText();
    }

    /** Mixpanel's own reply body for this request under {@code reply}. */
    String mixpanelBody(Reply reply) {
        if (path.equals("/import")) {
            return ImportReplies.body(this, reply);
        }
        boolean ok = reply.status >= 200 && reply.status < 300;
        if (!"1".equals(query("verbose"))) {
            return ok ? "1" : "0";
        }
        return ok ? "{\"status\":1,\"error\":null}" : "{\"status\":0,\"error\":\"" + ImportReplies.escaped(reason(reply)) + "\"}";
    }

    /** Why a request is refused: the request's own problem, else its first invalid record's. */
    String reason(Reply reply) {
        if (!findings.request.isEmpty()) {
            return findings.request.get(0);
        }
        List<Integer> invalid = invalidRecords();
        if (!invalid.isEmpty()) {
            String[] problem = firstProblem(invalid.get(0));
            return "record " + invalid.get(0) + ": " + (problem[0].isEmpty() ? "" : problem[0] + " ") + problem[1];
        }
        return "refused with status " + reply.status;
    }

    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " #" + index + " (" + records.size()
                + " records) -> " + answer;
    }
}
