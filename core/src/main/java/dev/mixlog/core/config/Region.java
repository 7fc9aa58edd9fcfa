package dev.mixlog.core.config;

import java.net.URI;
import java.util.Locale;

/** Mixpanel's data residency regions; a project in EU or India residency must send to its own host. */
public enum Region {
    US("https://api.mixpanel.com"),
    EU("https://api-eu.mixpanel.com"),
    IN("https://api-in.mixpanel.com");

    private final URI baseUrl;

    Region(String baseUrl) {
        this.baseUrl = URI.create(baseUrl);
    }

    /** The region's ingestion host. */
    public URI baseUrl() {
        return baseUrl;
    }

    static Region parse(String text) {
        String value = text.trim().toUpperCase(Locale.ROOT);
        if (value.equals("INDIA")) {
            return IN;
        }
        return Region.valueOf(value);
    }
}
