package dev.mixlog.core.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers as Mixpanel can read them: it reads every number as a double, so only finite ones are kept. */
final class FiniteNumbers {
    private FiniteNumbers() {
    }

    /**
     * The number to send, or {@code null} when it is not finite (NaN, an infinity, or a big number
     * beyond a double's range). A number of another class is read as a double, and sent as a whole
     * number when it is one. Throws whatever that class's {@code doubleValue()} throws.
     */
    static Number finite(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number;
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return null;
        }
        if (number instanceof Double || number instanceof Float || number instanceof BigInteger
                || number instanceof BigDecimal) {
            return number;
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }
}
