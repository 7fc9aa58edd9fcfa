package dev.mixlog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings of one appender as given: text as a configuration file writes it (in any order), or
 * typed values set in code, all checked at once by {@link #build()} against their {@link Setting}
 * descriptions. Appenders hand their settings here, so Logback, Log4j2 and Spring Boot accept the
 * same names, values and defaults.
 */
public final class MixlogSettings {
    private String name = Settings.DEFAULT_NAME;
    private final Map<Setting<?>, List<String>> texts = new LinkedHashMap<>();
    private final List<String> unknown = new ArrayList<>();

    /** The appender's name, used in thread names, JMX and messages. */
    public MixlogSettings name(String value) {
        name = value;
        return this;
    }

    /**
     * Gives a setting as text, as a configuration file writes it: a repeatable setting adds the text
     * to those given before, any other replaces it. {@code null} gives nothing.
     */
    public MixlogSettings text(Setting<?> setting, String text) {
        if (text != null) {
            List<String> given = texts.computeIfAbsent(setting, key -> new ArrayList<>());
            if (!setting.isRepeatable()) {
                given.clear();
            }
            given.add(text);
        }
        return this;
    }

    /** Gives a setting by name ({@code maxBatchEvents}); an unknown name is reported by {@link #build()}. */
    public MixlogSettings text(String settingName, String text) {
        Setting<?> setting = Settings.named(settingName);
        if (setting == null) {
            unknown.add(settingName);
            return this;
        }
        return text(setting, text);
    }

    /** Sets a setting to a typed value, checked by the same rules as text ({@code set(Settings.FLUSH_INTERVAL, Duration.ofSeconds(2))}). */
    public <T> MixlogSettings set(Setting<T> setting, T value) {
        for (String text : Setting.textsOf(value)) {
            text(setting, text);
        }
        return this;
    }

    /** Adds a property sent with every event (Log4j2's nested {@code <Property>}). */
    public MixlogSettings staticProperty(String propertyName, String value) {
        return text(Settings.STATIC_PROPERTY, propertyName + "=" + (value == null ? "" : value));
    }

    /** Whether the setting was given at all. */
    public boolean isGiven(Setting<?> setting) {
        List<String> given = texts.get(setting);
        return given != null && given.stream().anyMatch(text -> text != null && !text.isBlank());
    }

    /**
     * The secret values as given (token, service-account secret, API secret, the proxy's credentials), whether or not the
     * settings are valid, so that an appender can keep them out of its framework's own output.
     */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            String value = setting.isSecret() ? raw(setting) : null;
            if (value != null) {
                secrets.addAll(setting.secretParts(value));
            }
        }
        return secrets;
    }

    /**
     * Checks every setting and returns the immutable configuration.
     *
     * @throws InvalidConfigException listing every problem, each saying what to fix
     */
    public MixlogConfig build() {
        List<String> problems = new ArrayList<>();
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> setting : Settings.all()) {
            try {
                values.put(setting, setting.read(texts.getOrDefault(setting, List.of())));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                values.put(setting, setting.defaultValue());
            }
        }
        for (String settingName : unknown) {
            problems.add("there is no setting named '" + settingName + "'.");
        }
        checkTogether(values, problems);
        Region region = (Region) values.get(Settings.REGION);
        URI host = baseUrl(problems, region);
        String missingCredentials = checkCredentials(problems, (Endpoint) values.get(Settings.ENDPOINT));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        String appender = blankToNull(name) == null ? Settings.DEFAULT_NAME : name.trim();
        return new MixlogConfig(appender, values, host, missingCredentials);
    }

    /** The rules that tie settings to one another. */
    private static void checkTogether(Map<Setting<?>, Object> values, List<String> problems) {
        int ring = (Integer) values.get(Settings.RING_BUFFER_SIZE);
        if (Integer.bitCount(ring) != 1) {
            problems.add("ringBufferSize must be a power of two (such as 4096, 16384 or 65536), got " + ring + ".");
        }
        Duration initial = (Duration) values.get(Settings.RETRY_INITIAL_BACKOFF);
        Duration longest = (Duration) values.get(Settings.RETRY_MAX_BACKOFF);
        if (longest.compareTo(initial) < 0) {
            problems.add("retryMaxBackoff (" + longest + ") must not be shorter than retryInitialBackoff (" + initial + ").");
        }
        int discard = (Integer) values.get(Settings.DISCARD_THRESHOLD);
        if (discard > ring) {
            problems.add("discardThreshold must be a whole number from 0 to " + ring + ", got " + discard + ".");
        }
    }

    /** The last text given for a setting, trimmed; {@code null} when none or blank. */
    private String raw(Setting<?> setting) {
        List<String> given = texts.get(setting);
        return given == null || given.isEmpty() ? null : blankToNull(given.get(given.size() - 1));
    }

    private URI baseUrl(List<String> problems, Region chosenRegion) {
        String text = raw(Settings.BASE_URL);
        if (text == null) {
            return chosenRegion.baseUrl();
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException();
            }
            if (uri.getRawUserInfo() != null) {
                problems.add("baseUrl must not carry credentials in the URL; use token or serviceAccountUsername/serviceAccountSecret.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problems.add("baseUrl must not have a query or fragment, got " + Redaction.url(text) + ".");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), uri.getRawAuthority(), path, null, null);
        } catch (Exception e) {
            problems.add("baseUrl must be an http:// or https:// URL such as https://api.mixpanel.com, got "
                    + Redaction.url(text) + ".");
            return chosenRegion.baseUrl();
        }
    }

    /**
     * Checks the credentials together; returns what to set when none are given at all (the normal
     * state of a laptop, a CI job or a test: the appender then starts disabled), {@code null} otherwise.
     */
    private String checkCredentials(List<String> problems, Endpoint chosenEndpoint) {
        List<String> undefined = new ArrayList<>();
        boolean anyValue = false;
        for (Setting<?> setting : List.of(Settings.TOKEN, Settings.SERVICE_ACCOUNT_USERNAME, Settings.SERVICE_ACCOUNT_SECRET,
                Settings.PROJECT_ID, Settings.API_SECRET)) {
            String given = raw(setting);
            String reference = UndefinedReference.name(given);
            if (reference != null) {
                undefined.add(setting.name() + " refers to " + reference + ", which is not defined");
            } else if (given != null) {
                anyValue = true;
            }
        }
        boolean toKafka = raw(Settings.KAFKA_TOPIC) != null;
        if (toKafka && raw(Settings.KAFKA_BOOTSTRAP_SERVERS) == null && !givenKafkaProperty("bootstrap.servers")) {
            problems.add("kafkaTopic needs kafkaBootstrapServers: the brokers to connect to first, such as kafka-1:9092,kafka-2:9092.");
        }
        if (!anyValue && toKafka) {
            // the Kafka Connect sink puts the project's credentials in the records
            return null;
        }
        if (!anyValue) {
            return ((undefined.isEmpty() ? "no token or service account is set"
                    : String.join("; ", undefined)) + ". Set token (the project token), or serviceAccountUsername, "
                    + "serviceAccountSecret and projectId" + (undefined.isEmpty() ? ""
                    : " (define the environment variable, system property or Spring property named above)"));
        }
        if (!undefined.isEmpty()) {
            problems.add(String.join("; ", undefined) + "; define it (environment variable, system property or "
                    + "Spring property) or remove the setting.");
            return null;
        }
        String tok = raw(Settings.TOKEN);
        String saUser = raw(Settings.SERVICE_ACCOUNT_USERNAME);
        String saSecret = raw(Settings.SERVICE_ACCOUNT_SECRET);
        String project = raw(Settings.PROJECT_ID);
        String secret = raw(Settings.API_SECRET);
        if (tok != null && tok.chars().anyMatch(Character::isWhitespace)) {
            problems.add("token contains white space; check that it was copied whole from the project settings.");
        }
        boolean anyServiceAccount = saUser != null || saSecret != null;
        if (anyServiceAccount && (saUser == null || saSecret == null || project == null)) {
            List<String> missing = new ArrayList<>();
            if (saUser == null) missing.add("serviceAccountUsername");
            if (saSecret == null) missing.add("serviceAccountSecret");
            if (project == null) missing.add("projectId");
            problems.add("a service account needs serviceAccountUsername, serviceAccountSecret and projectId; missing: "
                    + String.join(", ", missing) + ".");
        }
        if (project != null && !anyServiceAccount) {
            problems.add("projectId is only used with a service account; set serviceAccountUsername and "
                    + "serviceAccountSecret, or remove projectId.");
        }
        if (project != null && !project.matches("\\d+")) {
            problems.add("projectId must be the numeric project id from the project settings, got '" + project + "'.");
        }
        if (chosenEndpoint == Endpoint.TRACK && tok == null) {
            problems.add("endpoint=track needs the project token: set token (for example token=${MIXPANEL_TOKEN}).");
        }
        return null;
    }

    private boolean givenKafkaProperty(String name) {
        for (String text : texts.getOrDefault(Settings.KAFKA_PROPERTY, List.of())) {
            if (text != null && text.trim().startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
