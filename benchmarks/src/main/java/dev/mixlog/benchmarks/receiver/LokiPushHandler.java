package dev.mixlog.benchmarks.receiver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Answers Loki's {@code /loki/api/v1/push} at once with 204, as Loki does, having counted the log
 * lines of the JSON push body ({@code streams[].values[]}).
 */
final class LokiPushHandler implements HttpHandler {
    private final JsonFactory json = new JsonFactory().disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
    private final Tally tally;

    LokiPushHandler(Tally tally) {
        this.tally = tally;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            long lines;
            long body;
            long headers;
            try (RequestBody request = new RequestBody(exchange)) {
                lines = countValues(request);
                body = request.drainAndCount();
                headers = request.headerBytes();
            } catch (IOException unreadable) {
                System.err.println("unreadable request body on " + exchange.getRequestURI() + ": " + unreadable);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            tally.record(lines, body, headers);
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    private long countValues(RequestBody request) throws IOException {
        long count = 0;
        try (JsonParser parser = json.createParser(request.decoded())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME && "values".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
