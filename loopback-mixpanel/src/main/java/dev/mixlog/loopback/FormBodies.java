package dev.mixlog.loopback;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mixpanel's original request form, read as its 2011 specification describes it: an
 * {@code application/x-www-form-urlencoded} body whose {@code data} parameter holds the JSON in
 * padded standard base64 (alphabet {@code A-Z a-z 0-9 + /}, padding {@code =}). In a form body a
 * bare {@code +} stands for a space, so a client must percent-encode {@code +}, {@code /} and
 * {@code =}; one that does not sends text that is not base64, and is refused here as by Mixpanel.
 */
final class FormBodies {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    private static final Pattern PADDED_BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private FormBodies() {
    }

    /** Whether the request says its body is a form. */
    static boolean isForm(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE);
    }

    /** The JSON a form body carries, or why there is none. */
    static Decoded decode(byte[] body) {
        String form = new String(body, StandardCharsets.US_ASCII);
        for (String pair : form.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals("data")) {
                String base64 = formDecoded(pair.substring(equals + 1));
                if (base64 == null || base64.isEmpty() || !PADDED_BASE64.matcher(base64).matches()) {
                    return Decoded.problem("data is not padded standard base64 (percent-encode +, / and = in a form body)");
                }
                return Decoded.json(Base64.getDecoder().decode(base64));
            }
        }
        return Decoded.problem("form body has no data parameter");
    }

    /** A form value decoded: {@code %XX} is a byte, {@code +} a space; {@code null} for a bad escape. */
    private static String formDecoded(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                int high = Character.digit(value.charAt(i + 1), 16);
                int low = Character.digit(value.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A form's JSON bytes, or the problem that kept them from being read. */
    static final class Decoded {
        final byte[] json;
        final String problem;

        private Decoded(byte[] json, String problem) {
            this.json = json;
            this.problem = problem;
        }

        static Decoded json(byte[] json) {
            return new Decoded(json, null);
        }

        static Decoded problem(String problem) {
            return new Decoded(null, problem);
        }
    }
}
