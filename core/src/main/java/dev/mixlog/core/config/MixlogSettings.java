package dev.mixlog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The settings of one appender as written in its configuration: plain text, set in any order,
 * checked all at once by {@link #build()}. Appenders delegate their setters here, so Logback and
 * Log4j2 accept the same names, values and defaults.
 */
public final class MixlogSettings {
    private String name = "mixpanel";
    private String token;
    private String endpoint;
    private String region;
    private String baseUrl;
    private String serviceAccountUsername;
    private String serviceAccountSecret;
    private String projectId;
    private String apiSecret;
    private String maxBatchEvents;
    private String maxBatchBytes;
    private String flushInterval;
    private String gzip;
    private String ringBufferSize;
    private String shutdownTimeout;
    private String maxInFlight;
    private String connectTimeout;
    private String requestTimeout;
    private String retryInitialBackoff;
    private String retryMaxBackoff;
    private String maxRetryTime;
    private String maxStringLength;
    private String distinctIdKey;
    private String selection;
    private String includeLevel;
    private String includeLogger;
    private String includeThread;
    private String includeMessage;
    private String includeException;
    private String shutdownHook;
    private String reportInterval;
    private String overflowPolicy;
    private String blockTimeout;
    private String discardThreshold;
    private String maxBufferBytes;
    private String profileIgnoreTime;
    private String jmx;
    private final Set<String> mdcInclude = new LinkedHashSet<>();
    private final Set<String> mdcExclude = new LinkedHashSet<>();
    private final List<String[]> staticProperties = new ArrayList<>();

    public MixlogSettings name(String value) { name = value; return this; }
    public MixlogSettings token(String value) { token = value; return this; }
    public MixlogSettings endpoint(String value) { endpoint = value; return this; }
    public MixlogSettings region(String value) { region = value; return this; }
    public MixlogSettings baseUrl(String value) { baseUrl = value; return this; }
    public MixlogSettings serviceAccountUsername(String value) { serviceAccountUsername = value; return this; }
    public MixlogSettings serviceAccountSecret(String value) { serviceAccountSecret = value; return this; }
    public MixlogSettings projectId(String value) { projectId = value; return this; }
    public MixlogSettings apiSecret(String value) { apiSecret = value; return this; }
    public MixlogSettings maxBatchEvents(String value) { maxBatchEvents = value; return this; }
    public MixlogSettings maxBatchBytes(String value) { maxBatchBytes = value; return this; }
    public MixlogSettings flushInterval(String value) { flushInterval = value; return this; }
    public MixlogSettings gzip(String value) { gzip = value; return this; }
    public MixlogSettings ringBufferSize(String value) { ringBufferSize = value; return this; }
    public MixlogSettings shutdownTimeout(String value) { shutdownTimeout = value; return this; }
    public MixlogSettings maxInFlight(String value) { maxInFlight = value; return this; }
    public MixlogSettings connectTimeout(String value) { connectTimeout = value; return this; }
    public MixlogSettings requestTimeout(String value) { requestTimeout = value; return this; }
    public MixlogSettings retryInitialBackoff(String value) { retryInitialBackoff = value; return this; }
    public MixlogSettings retryMaxBackoff(String value) { retryMaxBackoff = value; return this; }
    public MixlogSettings maxRetryTime(String value) { maxRetryTime = value; return this; }
    public MixlogSettings maxStringLength(String value) { maxStringLength = value; return this; }
    public MixlogSettings distinctIdKey(String value) { distinctIdKey = value; return this; }
    public MixlogSettings selection(String value) { selection = value; return this; }
    public MixlogSettings includeLevel(String value) { includeLevel = value; return this; }
    public MixlogSettings includeLogger(String value) { includeLogger = value; return this; }
    public MixlogSettings includeThread(String value) { includeThread = value; return this; }
    public MixlogSettings includeMessage(String value) { includeMessage = value; return this; }
    public MixlogSettings includeException(String value) { includeException = value; return this; }
    public MixlogSettings shutdownHook(String value) { shutdownHook = value; return this; }
    public MixlogSettings reportInterval(String value) { reportInterval = value; return this; }
    public MixlogSettings overflowPolicy(String value) { overflowPolicy = value; return this; }
    public MixlogSettings blockTimeout(String value) { blockTimeout = value; return this; }
    public MixlogSettings discardThreshold(String value) { discardThreshold = value; return this; }
    public MixlogSettings maxBufferBytes(String value) { maxBufferBytes = value; return this; }
    public MixlogSettings profileIgnoreTime(String value) { profileIgnoreTime = value; return this; }
    public MixlogSettings jmx(String value) { jmx = value; return this; }

    /** Adds MDC keys to send (comma-separated allowed); when any is given, only those are sent. */
    public MixlogSettings mdcInclude(String keys) { splitInto(keys, mdcInclude); return this; }

    /** Adds MDC keys never to send (comma-separated allowed). */
    public MixlogSettings mdcExclude(String keys) { splitInto(keys, mdcExclude); return this; }

    /** Adds a property sent with every event, written {@code name=value}. */
    public MixlogSettings staticProperty(String nameEqualsValue) {
        int eq = nameEqualsValue == null ? -1 : nameEqualsValue.indexOf('=');
        staticProperties.add(eq < 0 ? new String[] {nameEqualsValue, null}
                : new String[] {nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1)});
        return this;
    }

    /** Adds a property sent with every event. */
    public MixlogSettings staticProperty(String propertyName, String value) {
        staticProperties.add(new String[] {propertyName, value == null ? "" : value});
        return this;
    }

    /**
     * The secret values as configured (token, service-account secret, API secret), whether or not the
     * settings are valid, so that an appender can keep them out of its framework's own output.
     */
    public List<String> secretValues() {
        List<String> secrets = new ArrayList<>();
        for (String value : new String[] {token, serviceAccountSecret, apiSecret}) {
            if (blankToNull(value) != null) {
                secrets.add(value.trim());
            }
        }
        return secrets;
    }

    /** Whether {@code shutdownHook} was set explicitly. */
    public boolean hasShutdownHookSetting() {
        return blankToNull(shutdownHook) != null;
    }

    /** The appender's name, used in thread names and messages. */
    public String name() {
        return name;
    }

    /**
     * Checks every setting and returns the immutable configuration.
     *
     * @throws InvalidConfigException listing every problem, each saying what to fix
     */
    public MixlogConfig build() {
        Check check = new Check();
        MixlogConfig.Builder b = new MixlogConfig.Builder();
        b.name = blankToNull(name) == null ? "mixpanel" : name.trim();
        b.endpoint = check.parse("endpoint", endpoint, Endpoint.IMPORT, Endpoint::parse, "import or track");
        b.region = check.parse("region", region, Region.US, Region::parse, "US, EU or IN");
        b.selection = check.parse("selection", selection, Selection.MARKER, Selection::parse, "marker or all");
        b.baseUrl = baseUrl(check, b.region);
        b.credentials = credentials(check, b.endpoint);
        b.maxBatchEvents = check.intIn("maxBatchEvents", maxBatchEvents, Defaults.MAX_BATCH_EVENTS, 1, Defaults.MAX_BATCH_EVENTS);
        b.maxBatchBytes = (int) check.bytesIn("maxBatchBytes", maxBatchBytes, Defaults.MAX_BATCH_BYTES, 1024, Defaults.MAX_BATCH_BYTES);
        b.flushInterval = check.durationIn("flushInterval", flushInterval, Defaults.FLUSH_INTERVAL, Duration.ofMillis(1), Duration.ofHours(1));
        b.gzip = check.bool("gzip", gzip, Defaults.GZIP);
        b.ringBufferSize = check.intIn("ringBufferSize", ringBufferSize, Defaults.RING_BUFFER_SIZE, 64, 1 << 24);
        if (Integer.bitCount(b.ringBufferSize) != 1) {
            check.problem("ringBufferSize must be a power of two (such as 4096, 16384 or 65536), got " + b.ringBufferSize + ".");
        }
        b.shutdownTimeout = check.durationIn("shutdownTimeout", shutdownTimeout, Defaults.SHUTDOWN_TIMEOUT, Duration.ZERO, Duration.ofHours(1));
        b.maxInFlight = check.intIn("maxInFlight", maxInFlight, Defaults.MAX_IN_FLIGHT, 1, 64);
        b.connectTimeout = check.durationIn("connectTimeout", connectTimeout, Defaults.CONNECT_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(10));
        b.requestTimeout = check.durationIn("requestTimeout", requestTimeout, Defaults.REQUEST_TIMEOUT, Duration.ofMillis(1), Duration.ofMinutes(10));
        b.retryInitialBackoff = check.durationIn("retryInitialBackoff", retryInitialBackoff, Defaults.RETRY_INITIAL_BACKOFF, Duration.ofMillis(1), Duration.ofHours(1));
        b.retryMaxBackoff = check.durationIn("retryMaxBackoff", retryMaxBackoff, Defaults.RETRY_MAX_BACKOFF, Duration.ofMillis(1), Duration.ofHours(1));
        if (b.retryMaxBackoff.compareTo(b.retryInitialBackoff) < 0) {
            check.problem("retryMaxBackoff (" + b.retryMaxBackoff + ") must not be shorter than retryInitialBackoff (" + b.retryInitialBackoff + ").");
        }
        b.maxRetryTime = check.durationIn("maxRetryTime", maxRetryTime, Defaults.MAX_RETRY_TIME, Duration.ZERO, Duration.ofDays(7));
        b.maxStringLength = check.intIn("maxStringLength", maxStringLength, Defaults.MAX_STRING_LENGTH, 1, 65_535);
        b.distinctIdKey = blankToNull(distinctIdKey) == null ? Defaults.DISTINCT_ID_KEY : distinctIdKey.trim();
        b.includeLevel = check.bool("includeLevel", includeLevel, false);
        b.includeLogger = check.bool("includeLogger", includeLogger, false);
        b.includeThread = check.bool("includeThread", includeThread, false);
        b.includeMessage = check.bool("includeMessage", includeMessage, false);
        b.includeException = check.bool("includeException", includeException, false);
        b.shutdownHook = check.bool("shutdownHook", shutdownHook, true);
        b.reportInterval = check.durationIn("reportInterval", reportInterval, Defaults.REPORT_INTERVAL, Duration.ofMillis(1), Duration.ofHours(24));
        b.overflowPolicy = check.parse("overflowPolicy", overflowPolicy, OverflowPolicy.DROP, OverflowPolicy::parse, "drop or block");
        b.blockTimeout = check.durationIn("blockTimeout", blockTimeout, Defaults.BLOCK_TIMEOUT, Duration.ZERO, Duration.ofMinutes(1));
        b.discardThreshold = check.intIn("discardThreshold", discardThreshold, 0, 0, b.ringBufferSize);
        b.maxBufferBytes = check.bytesIn("maxBufferBytes", maxBufferBytes, Defaults.MAX_BUFFER_BYTES, 0, 1L << 40);
        b.profileIgnoreTime = check.bool("profileIgnoreTime", profileIgnoreTime, true);
        b.jmx = check.bool("jmx", jmx, true);
        b.mdcInclude = Set.copyOf(mdcInclude);
        b.mdcExclude = Set.copyOf(mdcExclude);
        b.staticProperties = staticProperties(check);
        check.throwIfAny();
        return new MixlogConfig(b);
    }

    private URI baseUrl(Check check, Region chosenRegion) {
        String text = blankToNull(baseUrl);
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
                check.problem("baseUrl must not carry credentials in the URL; use token or serviceAccountUsername/serviceAccountSecret.");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                check.problem("baseUrl must not have a query or fragment, got " + Redaction.url(text) + ".");
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            return new URI(uri.getScheme(), uri.getRawAuthority(), path, null, null);
        } catch (Exception e) {
            check.problem("baseUrl must be an http:// or https:// URL such as https://api.mixpanel.com, got "
                    + Redaction.url(text) + ".");
            return chosenRegion.baseUrl();
        }
    }

    private Credentials credentials(Check check, Endpoint chosenEndpoint) {
        String[][] given = {{"token", token}, {"serviceAccountUsername", serviceAccountUsername},
                {"serviceAccountSecret", serviceAccountSecret}, {"projectId", projectId}, {"apiSecret", apiSecret}};
        List<String> undefined = new ArrayList<>();
        boolean anyValue = false;
        for (String[] setting : given) {
            String reference = UndefinedReference.name(setting[1]);
            if (reference != null) {
                undefined.add(setting[0] + " refers to " + reference + ", which is not defined");
            } else if (blankToNull(setting[1]) != null) {
                anyValue = true;
            }
        }
        if (!anyValue) {
            return Credentials.missing((undefined.isEmpty() ? "no token or service account is set"
                    : String.join("; ", undefined)) + ". Set token (the project token), or serviceAccountUsername, "
                    + "serviceAccountSecret and projectId" + (undefined.isEmpty() ? ""
                    : " (define the environment variable, system property or Spring property named above)"));
        }
        if (!undefined.isEmpty()) {
            check.problem(String.join("; ", undefined) + "; define it (environment variable, system property or "
                    + "Spring property) or remove the setting.");
            return new Credentials(null, null, null, null, null);
        }
        String tok = blankToNull(token);
        String saUser = blankToNull(serviceAccountUsername);
        String saSecret = blankToNull(serviceAccountSecret);
        String project = blankToNull(projectId);
        String secret = blankToNull(apiSecret);
        if (tok != null && tok.chars().anyMatch(Character::isWhitespace)) {
            check.problem("token contains white space; check that it was copied whole from the project settings.");
        }
        boolean anyServiceAccount = saUser != null || saSecret != null;
        if (anyServiceAccount && (saUser == null || saSecret == null || project == null)) {
            List<String> missing = new ArrayList<>();
            if (saUser == null) missing.add("serviceAccountUsername");
            if (saSecret == null) missing.add("serviceAccountSecret");
            if (project == null) missing.add("projectId");
            check.problem("a service account needs serviceAccountUsername, serviceAccountSecret and projectId; missing: "
                    + String.join(", ", missing) + ".");
        }
        if (project != null && !anyServiceAccount) {
            check.problem("projectId is only used with a service account; set serviceAccountUsername and "
                    + "serviceAccountSecret, or remove projectId.");
        }
        if (project != null && !project.matches("\\d+")) {
            check.problem("projectId must be the numeric project id from the project settings, got '" + project + "'.");
        }
        if (chosenEndpoint == Endpoint.TRACK && tok == null) {
            check.problem("endpoint=track needs the project token: set token (for example token=${MIXPANEL_TOKEN}).");
        }
        return new Credentials(tok, saUser, saSecret, project, secret);
    }

    private Map<String, String> staticProperties(Check check) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String[] entry : staticProperties) {
            if (entry[0] == null || entry[0].isBlank() || entry[1] == null) {
                check.problem("a static property needs a name and a value (Logback: <staticProperty>env=prod</staticProperty>; "
                        + "Log4j2: <Property name=\"env\" value=\"prod\"/>), got name '" + entry[0] + "' and value '" + entry[1] + "'.");
                continue;
            }
            properties.put(entry[0].trim(), entry[1].trim());
        }
        return java.util.Collections.unmodifiableMap(properties);
    }

    private static void splitInto(String keys, Set<String> into) {
        if (keys == null) {
            return;
        }
        for (String key : keys.split(",")) {
            if (!key.isBlank()) {
                into.add(key.trim());
            }
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** Collects problems so that all are reported at once. */
    private static final class Check {
        private final List<String> problems = new ArrayList<>();

        void problem(String sentence) {
            problems.add(sentence);
        }

        <T> T parse(String setting, String text, T fallback, Function<String, T> parser, String expected) {
            if (blankToNull(text) == null) {
                return fallback;
            }
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                problem(setting + " must be " + expected + ", got '" + text.trim() + "'.");
                return fallback;
            }
        }

        int intIn(String setting, String text, int fallback, int min, int max) {
            Integer value = parse(setting, text, fallback, SettingParser::integer, "a whole number from " + min + " to " + max);
            return inRange(setting, value, fallback, min, max, String.valueOf(value));
        }

        long bytesIn(String setting, String text, long fallback, long min, long max) {
            Long value = parse(setting, text, fallback, SettingParser::bytes, "a size such as 512KiB or 2MiB");
            if (value < min || value > max) {
                problem(setting + " must be from " + min + " to " + max + " bytes, got '" + text.trim() + "'.");
                return fallback;
            }
            return value;
        }

        Duration durationIn(String setting, String text, Duration fallback, Duration min, Duration max) {
            Duration value = parse(setting, text, fallback, SettingParser::duration, "a duration such as 500ms, 2s or 1min");
            if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
                problem(setting + " must be from " + min + " to " + max + ", got '" + text.trim() + "'.");
                return fallback;
            }
            return value;
        }

        boolean bool(String setting, String text, boolean fallback) {
            return parse(setting, text, fallback, SettingParser::bool, "true or false");
        }

        private int inRange(String setting, int value, int fallback, int min, int max, String shown) {
            if (value < min || value > max) {
                problem(setting + " must be a whole number from " + min + " to " + max + ", got " + shown + ".");
                return fallback;
            }
            return value;
        }

        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidConfigException(problems);
            }
        }
    }
}
