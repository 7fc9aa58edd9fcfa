package dev.mixlog.core.config;

/** Hides what may be secret in a configured value before it is shown in a message. */
final class Redaction {
    private Redaction() {
    }

    /** The URL text with any user-info part ({@code user:password@}) and query replaced by {@code ***}. */
    static String url(String text) {
        String shown = text.replaceAll("(?<=//)[^/@]*@", "***@").replaceAll("\\?.*$", "?***");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}
