package dev.mixlog.core.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides what may be secret in a configured value before it is shown in a message. */
final class Redaction {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private Redaction() {
    }

    /**
     * The URL text with any user-info part ({@code user:password@}) and query replaced by {@code ***}.
     * The text may be malformed (no {@code //}, a {@code /} or {@code @} inside the password), so
     * everything from after the scheme's {@code //} (or the start) up to the last {@code @} is hidden.
     */
    static String url(String text) {
        String shown = text;
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            // only a scheme at the very start marks where user-info begins: a "//" inside a password does not
            Matcher scheme = SCHEME.matcher(shown);
            int from = scheme.lookingAt() && scheme.end() <= at ? scheme.end() : 0;
            shown = shown.substring(0, from) + "***" + shown.substring(at);
        }
        shown = shown.replaceAll("[?#].*$", "?***");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}
