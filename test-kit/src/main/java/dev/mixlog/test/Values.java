package dev.mixlog.test;

import java.math.BigDecimal;
import java.util.Objects;

/** Compares an expected value with a recorded one: numbers by value, whatever their Java type; anything else by equals. */
final class Values {
    private Values() {
    }

    static boolean same(Object expected, Object recorded) {
        if (expected instanceof Number && recorded instanceof Number) {
            try {
                return new BigDecimal(expected.toString()).compareTo(new BigDecimal(recorded.toString())) == 0;
            } catch (NumberFormatException notFinite) {
                return expected.toString().equals(recorded.toString());
            }
        }
        return Objects.equals(expected, recorded);
    }
}
