package dev.mixlog.core.config;

import dev.mixlog.core.internal.config.ProxySetting;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hides what may be secret in a configured value before it is shown in a message. */
final class Redaction {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private Redaction() {
    }

    /**
     * What of a URL's text no output may show, for an appender to blank out of its framework's
     * output even before the text is checked: the text itself, its user-info, and the password in it
     * as written and percent-decoded.
     */
    static List<String> secretParts(String text) {
        List<String> parts = new ArrayList<>();
        parts.add(text);
        int at = text.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = text.substring(userInfoStart(text, at), at);
            parts.add(userInfo);
            int colon = userInfo.indexOf(':');
            if (colon >= 0 && colon + 1 < userInfo.length()) {
                String password = userInfo.substring(colon + 1);
                parts.add(password);
                parts.add(ProxySetting.decode(password));
            }
        }
        return parts;
    }

    /**
     * Where the user-info of a URL's text begins, its last {@code @} at {@code at}: after the
     * scheme's {@code //} when the text starts with a scheme, else at the start (a {@code //} inside
     * a password marks nothing).
     */
    private static int userInfoStart(String text, int at) {
        Matcher scheme = SCHEME.matcher(text);
        return scheme.lookingAt() && scheme.end() <= at ? scheme.end() : 0;
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
            int from = userInfoStart(shown, at);
            shown = shown.substring(0, from) + "***" + shown.substring(at);
        }
        shown = shown.replaceAll("[?#].*$", "?***");
        return shown.length() > 200 ? shown.substring(0, 200) + "..." : shown;
    }
}
