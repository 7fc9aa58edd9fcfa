package dev.mixlog.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request as Mixpanel would: the body gunzipped when {@code Content-Encoding: gzip}, a form's
 * {@code data} decoded from base64 ({@link FormBodies}), parsed, checked.
 */
final class RequestReader {
    private RequestReader() {
    }

    /** Reads the request and enters it in the ledger. */
    static Request read(HttpExchange exchange, Ledger ledger) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        // the request has arrived: decoding and checking it is the server's time, not the client's
        long arrived = System.nanoTime();
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        String path = exchange.getRequestURI().getPath();
        byte[] unzipped = "gzip".equalsIgnoreCase(headers.get("content-encoding")) ? gunzip(raw) : raw;
        String problem = unzipped == null ? "body is not valid gzip" : null;
        byte[] json = unzipped;
        if (problem == null && FormBodies.isForm(headers.get("content-type"))) {
            if (path.equals("/import")) {
                problem = "/import takes a JSON body, not a form";
            } else {
                FormBodies.Decoded form = FormBodies.decode(unzipped);
                problem = form.problem;
                json = form.json;
            }
        }
        JsonNode body = problem == null ? parse(json) : null;
        IngestionRules.Findings findings = problem != null
                ? new IngestionRules.Findings(List.of(problem), List.of()) : IngestionRules.findings(path, body);
        byte[] decoded = json != null ? json : unzipped != null ? unzipped : raw;
        return ledger.add(index -> new Request(index, exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                headers, arrived, raw, decoded, body, findings));
    }

    private static JsonNode parse(byte[] decoded) {
        try {
            return decoded == null || decoded.length == 0 ? null : LoopbackMixpanel.JSON.readTree(decoded);
        } catch (IOException notJson) {
            return null;
        }
    }

    private static byte[] gunzip(byte[] raw) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
            return in.readAllBytes();
        } catch (IOException notGzip) {
            return null;
        }
    }
}
