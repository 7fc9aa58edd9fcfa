package dev.mixlog.core.internal.json;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Makes {@code $insert_id} values: 32 hexadecimal digits of randomness (128 bits), within Mixpanel's
 * 1-36 characters of {@code [A-Za-z0-9-]}. Not thread-safe: one instance per consumer thread.
 */
public final class InsertIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final char[] digits = new char[32];

    public String next() {
        fill(random.nextLong(), 0);
        fill(random.nextLong(), 16);
        return new String(digits);
    }

    private void fill(long value, int offset) {
        for (int i = 15; i >= 0; i--) {
            digits[offset + i] = HEX[(int) (value & 0xF)];
            value >>>= 4;
        }
    }
}
