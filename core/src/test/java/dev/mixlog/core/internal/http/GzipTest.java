package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
    @Test
    void compressedBodiesDecodeWithTheJdkGzipReaderWhenTheDeflaterIsReused() throws IOException {
        Random random = new Random(7);
        for (int size : new int[] {0, 1, 100, 70_000, 2 * 1024 * 1024}) {
            byte[] body = new byte[size];
            for (int i = 0; i < size; i++) {
                body[i] = (byte) ("{\"event\":\"Purchase\",\"amount\":" + random.nextInt(9)).charAt(i % 30);
            }
            byte[] compressed = Gzip.compress(body);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
                assertArrayEquals(body, in.readAllBytes(), "size " + size);
            }
        }
    }

    @Test
    void analyticsJsonShrinksSeveralTimes() {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2000; i++) {
            json.append("{\"event\":\"Purchase\",\"properties\":{\"time\":").append(1_700_000_000_000L + i)
                    .append(",\"distinct_id\":\"user-").append(i % 50).append("\",\"amount\":29.99}},");
        }
        byte[] body = json.append("{}]").toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(Gzip.compress(body).length * 4 < body.length, "compressed to less than a quarter");
    }
}
