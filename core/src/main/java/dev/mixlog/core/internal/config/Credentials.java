package dev.mixlog.core.internal.config;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The project's credentials and how {@code /import} authenticates with them, in Mixpanel's order of
 * preference: service account, project token, deprecated API secret. {@link #toString()} never shows a secret.
 */
public final class Credentials {
    /** Which credential authenticates {@code /import}. */
    public enum ImportAuth { SERVICE_ACCOUNT, PROJECT_TOKEN, API_SECRET, NONE }

    private final String token;
    private final String serviceAccountUsername;
    private final String serviceAccountSecret;
    private final String projectId;
    private final String apiSecret;
    /** Why there are none, when none are configured; {@code null} otherwise. */
    private final String missing;

    /** The credentials of a checked configuration: none when it has none ({@link MixlogConfig#missingCredentials()}). */
    public static Credentials of(MixlogConfig config) {
        Optional<String> missing = config.missingCredentials();
        if (missing.isPresent()) {
            return missing(missing.get());
        }
        return new Credentials(given(config, Settings.TOKEN), given(config, Settings.SERVICE_ACCOUNT_USERNAME),
                given(config, Settings.SERVICE_ACCOUNT_SECRET), given(config, Settings.PROJECT_ID), given(config, Settings.API_SECRET));
    }

    private static String given(MixlogConfig config, Setting<String> setting) {
        String value = config.get(setting);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public Credentials(String token, String serviceAccountUsername, String serviceAccountSecret,
                String projectId, String apiSecret) {
        this(token, serviceAccountUsername, serviceAccountSecret, projectId, apiSecret, null);
    }

    private Credentials(String token, String serviceAccountUsername, String serviceAccountSecret,
                        String projectId, String apiSecret, String missing) {
        this.token = token;
        this.serviceAccountUsername = serviceAccountUsername;
        this.serviceAccountSecret = serviceAccountSecret;
        this.projectId = projectId;
        this.apiSecret = apiSecret;
        this.missing = missing;
    }

    /**
     * No credentials at all, the normal state of a developer's laptop, a CI job or a test: the
     * appender then starts disabled and counts what it refuses.
     *
     * @param why what is missing and how to set it, for the one warning at start
     */
    public static Credentials missing(String why) {
        return new Credentials(null, null, null, null, null, why);
    }

    /** What is missing and how to set it, when no credential is configured at all. */
    public Optional<String> missing() {
        return Optional.ofNullable(missing);
    }

    /** The project token, if configured. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** The project id sent as {@code ?project_id=} with service-account authentication. */
    public Optional<String> projectId() {
        return importAuth() == ImportAuth.SERVICE_ACCOUNT ? Optional.of(projectId) : Optional.empty();
    }

    /** The credential {@code /import} authenticates with. */
    public ImportAuth importAuth() {
        if (serviceAccountUsername != null && serviceAccountSecret != null && projectId != null) {
            return ImportAuth.SERVICE_ACCOUNT;
        }
        if (token != null) {
            return ImportAuth.PROJECT_TOKEN;
        }
        if (apiSecret != null) {
            return ImportAuth.API_SECRET;
        }
        return ImportAuth.NONE;
    }

    /** The {@code Authorization} header value for {@code /import}, or empty when none applies. */
    public Optional<String> importAuthorization() {
        switch (importAuth()) {
            case SERVICE_ACCOUNT: return Optional.of(basic(serviceAccountUsername, serviceAccountSecret));
            case PROJECT_TOKEN: return Optional.of(basic(token, ""));
            case API_SECRET: return Optional.of(basic(apiSecret, ""));
            default: return Optional.empty();
        }
    }

    /** Which settings to check when Mixpanel answers 401 or 403, named, never shown. */
    public String settingsToCheck(Endpoint endpoint) {
        if (endpoint == Endpoint.TRACK) {
            return "token";
        }
        switch (importAuth()) {
            case SERVICE_ACCOUNT: return "serviceAccountUsername, serviceAccountSecret and projectId "
                    + "(the service account must have access to that project)";
            case PROJECT_TOKEN: return "token";
            case API_SECRET: return "apiSecret (deprecated: prefer a service account)";
            default: return "token or a service account";
        }
    }

    /** Every secret value, so that diagnostics can blank them out wherever they appear. */
    public List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {token, serviceAccountSecret, apiSecret}) {
            if (value != null && !value.isEmpty()) {
                secrets.add(value);
            }
        }
        for (String header : importAuthorization().map(List::of).orElse(List.of())) {
            secrets.add(header.substring("Basic ".length()));
        }
        return secrets;
    }

    private static String basic(String user, String password) {
        byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
        return "Credentials[import auth: " + importAuth()
                + (serviceAccountUsername != null ? ", service account user: " + serviceAccountUsername : "")
                + (projectId != null ? ", project id: " + projectId : "")
                + ", secrets hidden]";
    }
}
