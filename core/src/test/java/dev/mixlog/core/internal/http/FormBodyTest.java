package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The original form's body: {@code data=} and padded standard base64, with {@code + / =} percent-encoded. */
class FormBodyTest {
    @Test
    void writesPaddedStandardBase64WithItsSymbolsPercentEncoded() {
        // 0xFB 0xFF is "+/8=" in standard base64: both symbols and the padding
        assertEquals("data=%2B%2F8%3D", text(FormBody.encode(new byte[] {(byte) 0xFB, (byte) 0xFF})));
        assertEquals("data=W10%3D", text(FormBody.encode("[]".getBytes(StandardCharsets.UTF_8))));
        assertEquals("data=W3t9XQ%3D%3D", text(FormBody.encode("[{}]".getBytes(StandardCharsets.UTF_8))));
        assertEquals("data=", text(FormBody.encode(new byte[0])));
    }

    @Test
    void aFormDecoderGetsTheExactBytesBack() {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] json = new byte[length];
            random.nextBytes(json);
            String body = text(FormBody.encode(json));
            String value = URLDecoder.decode(body.substring("data=".length()), StandardCharsets.UTF_8);
            assertEquals(0, value.length() % 4, "padded");
            assertArrayEquals(json, Base64.getDecoder().decode(value));
        }
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.US_ASCII);
    }
}
