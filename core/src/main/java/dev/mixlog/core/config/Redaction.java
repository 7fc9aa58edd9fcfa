package dev.mixlog.core.config;

/** Hides what may be secret in a configured value before it is shown in a message. */
final class Redaction {
    private Redaction() {
    }

    /**
     * The URL text with any user-info part ({@code user:password@}) and query replaced by {@code ***}.
     * The text may be malformed (no {@code //}, a {@code /} or {@code @} inside the password), so
     * everything from after {@code //} (or the start) up to the last {@code @} is hidden.
     */
    static String url(String text) {
        String shown = text;
        int at = shown.lastIndexOf('@');
        if (at >= 0) {
            int slashes = shown.indexOf("//");
            int from = slashes >= 0 && slashes < at ? slashes + 2 : 0;
            shown = shown.substring(0, from) + "***" + shown.substring(at);
        }
        shown = shown.replaceAll("[?#].*$", "?***");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}
