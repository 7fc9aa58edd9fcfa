package dev.mixlog.core.config;

import java.util.Locale;

/** Which log events become Mixpanel events. */
public enum Selection {
    /** Only log events carrying the {@code MIXPANEL} marker, or a marker that references it (the default). */
    MARKER,
    /** Every log event that reaches the appender (zero-code mode; the framework's filters choose). */
    ALL;

    static Selection parse(String text) {
        return Selection.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
