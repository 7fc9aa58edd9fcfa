package dev.mixlog.examples.receiver;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The common part of {@code /import}, {@code /track}, {@code /engage} and {@code /groups}: accepts
 * only POST, decodes the body, reads its records (events or updates), records the request in the
 * ledger and writes the endpoint's JSON answer.
 */
abstract class EventsEndpoint implements HttpHandler {
    /** Mixpanel's limit on records per request. */
    static final int MAX_RECORDS = 2000;
    /** Mixpanel's limit on uncompressed body bytes per request. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    final ReceiverLedger ledger;

    EventsEndpoint(ReceiverLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] wire = exchange.getRequestBody().readAllBytes();
            Map<String, String> query = Query.of(exchange.getRequestURI());
            long uncompressed = 0;
            Answer answer;
            try {
                if (!"POST".equalsIgnoreCase(exchange.getRequestMethod())) {
                    throw new Refusal(405, "use POST");
                }
                byte[] json = WireBody.decode(exchange.getRequestHeaders(), wire);
                uncompressed = json.length;
                if (json.length > MAX_BODY_BYTES) {
                    throw new Refusal(413, "the body is larger than " + MAX_BODY_BYTES + " bytes uncompressed");
                }
                answer = answer(exchange, query, EventsParser.parse(json));
            } catch (Refusal refusal) {
                answer = refuse(query, refusal);
            } catch (RuntimeException e) {
                answer = refuse(query, new Refusal(500, "the receiver failed: " + e));
            }
            ledger.request(wire.length, uncompressed, answer.status());
            send(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    /** Validates and records the records of one request, and returns the answer. */
    abstract Answer answer(HttpExchange exchange, Map<String, String> query, List<JsonNode> records)
            throws Refusal;

    /** The endpoint's answer to a request refused as a whole. */
    abstract Answer refuse(Map<String, String> query, Refusal refusal);

    static void checkCount(List<?> records) throws Refusal {
        if (records.isEmpty()) {
            throw new Refusal(400, "no records in the body");
        }
        if (records.size() > MAX_RECORDS) {
            throw new Refusal(400, "too many records: " + records.size() + ", at most " + MAX_RECORDS + " per request");
        }
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
