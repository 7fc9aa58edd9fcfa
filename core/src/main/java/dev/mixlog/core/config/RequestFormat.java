package dev.mixlog.core.config;

import java.util.Locale;

/** How the bodies of {@code /track}, {@code /engage} and {@code /groups} requests are written; {@code /import} is always JSON. */
public enum RequestFormat {
    /** {@code application/json}: the JSON array of records, gzip-compressed when {@code gzip} is on (the default). */
    JSON,
    /**
     * {@code application/x-www-form-urlencoded}: {@code data=} and the JSON array in padded standard
     * base64, Mixpanel's original form, for collectors and proxies that accept only it. Never compressed.
     */
    FORM;

    static RequestFormat parse(String text) {
        return RequestFormat.valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
