package dev.mixlog.benchmarks.receiver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers Mixpanel's {@code /import} at once, as Mixpanel does on success: HTTP 200 with
 * {@code {"code":200,"num_records_imported":N,"status":"OK"}}, having counted the N events of the
 * (gzip or plain) JSON array.
 */
final class MixpanelImportHandler implements HttpHandler {
    private final JsonFactory json = new JsonFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private final Tally tally;

    MixpanelImportHandler(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            long events;
            long body;
            long headers;
            try (RequestBody request = new RequestBody(exchange)) {
                events = countArrayElements(request);
                body = request.drainAndCount();
                headers = request.headerBytes();
            } catch (IOException unreadable) {
                System.err.println("unreadable request body on " + exchange.getRequestURI() + ": " + unreadable);
                reply(exchange, 400, "{\"code\":400,\"error\":\"unreadable body\",\"status\":\"Bad Request\"}");
                return;
            }
            tally.record(events, body, headers);
            reply(exchange, 200, "{\"code\":200,\"num_records_imported\":" + events + ",\"status\":\"OK\"}");
        } finally {
            exchange.close();
        }
    }

    private long countArrayElements(RequestBody request) throws IOException {
        long count = 0;
        try (JsonParser parser = json.createParser(request.decoded())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                parser.skipChildren();
                count++;
            }
        }
        return count;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
