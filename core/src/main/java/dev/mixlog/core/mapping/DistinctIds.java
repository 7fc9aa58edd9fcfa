package dev.mixlog.core.mapping;

import java.util.Locale;
import java.util.Set;

/** The identifiers Mixpanel accepts as a user's id: any non-blank text except a few placeholder values. */
public final class DistinctIds {
    /** Values Mixpanel refuses as {@code distinct_id} (compared without case). */
    public static final Set<String> BANNED = Set.of("00000000-0000-0000-0000-000000000000", "anon",
            "anonymous", "nil", "none", "null", "n/a", "na", "undefined", "unknown", "<nil>", "0", "-1",
            "true", "false", "[]", "{}");

    private DistinctIds() {
    }

    /** Whether Mixpanel refuses this (trimmed) text as an id. */
    public static boolean isBanned(String text) {
        return BANNED.contains(text.toLowerCase(Locale.ROOT));
    }

    /** The logged value as id text, trimmed; {@code null} when it is missing, blank or banned. */
    public static String usable(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).trim();
        return text.isEmpty() || isBanned(text) ? null : text;
    }
}
