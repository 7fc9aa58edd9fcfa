package dev.mixlog.core.internal.json;

import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes {@code $insert_id} values: 32 hexadecimal digits of randomness (128 bits), within Mixpanel's
 * 1-36 characters of {@code [A-Za-z0-9-]}. Not thread-safe: one instance per consumer thread.
 */
public final class InsertIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final char[] digits = new char[32];

    /**
     * The id of an event: its own when Mixpanel takes it, one derived from it when not (the same for
     * the same value, so that a record read twice is deduplicated), a new one when it has none.
     */
    public String forEvent(String own) {
        if (own == null) {
            return next();
        }
        return MixpanelRules.usableInsertId(own) ? own : UUID.nameUUIDFromBytes(own.getBytes(StandardCharsets.UTF_8)).toString();
    }

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
