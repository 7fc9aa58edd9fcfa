package dev.mixlog.loopback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * How Mixpanel answers a request, from what {@link IngestionRules} found in it: the server's default.
 * A request that is not JSON, has no records or too many is refused whole (400); {@code /import}
 * needs Basic authentication (401) and imports the valid records, refusing the others (with
 * {@code strict=1}, a 400 listing them in {@code failed_records}); {@code /track}, {@code /engage}
 * and {@code /groups} refuse a request with any invalid record whole.
 */
final class MixpanelAnswers {
    private MixpanelAnswers() {
    }

    static Reply to(Request request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return Reply.json(405, "{\"error\":\"use POST\",\"status\":0}");
        }
        if (!request.requestProblems().isEmpty()) {
            return Reply.refusedByRules(400);
        }
        if (request.path().equals("/import") && !basicAuthentication(request.authorization())) {
            return Reply.refusedByRules(401);
        }
        List<Integer> invalid = request.invalidRecords();
        if (invalid.isEmpty()) {
            return Reply.accept();
        }
        if (!request.path().equals("/import")) {
            return Reply.refusedByRules(400);
        }
        return "1".equals(request.query("strict")) ? Reply.strictRefusal(invalid) : Reply.importAllBut(invalid);
    }

    /** {@code Basic} credentials with a user name: a service account, or the project token with an empty password. */
    private static boolean basicAuthentication(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            return pair.indexOf(':') > 0;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
