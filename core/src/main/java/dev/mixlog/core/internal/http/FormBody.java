package dev.mixlog.core.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Mixpanel's original request form: {@code data=} and the JSON array in standard base64 with its
 * padding (alphabet {@code A-Z a-z 0-9 + /}, {@code =}), as an {@code application/x-www-form-urlencoded}
 * body, where {@code +}, {@code /} and {@code =} are percent-encoded.
 */
final class FormBody {
    static final String CONTENT_TYPE = "application/x-www-form-urlencoded";
    private static final byte[] PREFIX = "data=".getBytes(StandardCharsets.US_ASCII);

    private FormBody() {
    }

    static byte[] encode(byte[] json) {
        byte[] base64 = Base64.getEncoder().encode(json);
        int escaped = 0;
        for (byte b : base64) {
            if (!isLetterOrDigit(b)) {
                escaped++;
            }
        }
        byte[] body = new byte[PREFIX.length + base64.length + 2 * escaped];
        System.arraycopy(PREFIX, 0, body, 0, PREFIX.length);
        int at = PREFIX.length;
        for (byte b : base64) {
            if (isLetterOrDigit(b)) {
                body[at++] = b;
            } else {
                body[at++] = '%';
                body[at++] = (byte) Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16));
                body[at++] = (byte) Character.toUpperCase(Character.forDigit(b & 0xF, 16));
            }
        }
        return body;
    }

    private static boolean isLetterOrDigit(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9');
    }
}
