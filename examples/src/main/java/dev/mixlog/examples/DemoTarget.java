package dev.mixlog.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the demo's events go, read from the environment: Mixpanel itself when {@code MIXPANEL_TOKEN}
 * or a service account is set, otherwise the embedded local receiver. Knows the secret values so
 * that the report can hide them, and never shows them.
 */
final class DemoTarget {
    static final String DEMO_TOKEN = "demo-token";
    private final boolean local;
    private final String region;
    private final boolean customBaseUrl;
    private final List<String> secrets;

    private DemoTarget(boolean local, String region, boolean customBaseUrl, List<String> secrets) {
        this.local = local;
        this.region = region;
        this.customBaseUrl = customBaseUrl;
        this.secrets = secrets;
    }

    static DemoTarget from(Map<String, String> environment) {
        String token = value(environment, "MIXPANEL_TOKEN");
        String serviceAccount = value(environment, "MIXPANEL_SERVICE_ACCOUNT_USERNAME");
        List<String> secrets = new ArrayList<>();
        secrets.add(token == null ? DEMO_TOKEN : token);
        String saSecret = value(environment, "MIXPANEL_SERVICE_ACCOUNT_SECRET");
        if (saSecret != null) {
            secrets.add(saSecret);
        }
        String region = value(environment, "MIXPANEL_REGION");
        return new DemoTarget(token == null && serviceAccount == null, region == null ? "US" : region,
                value(environment, "MIXLOG_BASE_URL") != null, List.copyOf(secrets));
    }

    /** Whether events go to the embedded receiver rather than to Mixpanel. */
    boolean local() {
        return local;
    }

    /** Where events go, in words, without any credential. */
    String describe() {
        if (local) {
            return "the embedded Mixpanel-compatible receiver (no MIXPANEL_TOKEN in the environment)";
        }
        return "Mixpanel, region " + region + (customBaseUrl ? " (base URL from MIXLOG_BASE_URL)" : "");
    }

    /** The text with every credential value replaced by {@code ***}. */
    String redact(String text) {
        String clean = text;
        for (String secret : secrets) {
            clean = clean.replace(secret, "***");
        }
        return clean;
    }

    private static String value(Map<String, String> environment, String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
