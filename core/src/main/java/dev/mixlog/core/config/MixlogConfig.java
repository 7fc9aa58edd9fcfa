package dev.mixlog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One appender's checked, immutable configuration, built once at start by {@link MixlogSettings#build()}:
 * the value of every {@link Setting} ({@link #get}), with the host and credentials worked out from them.
 * The accessors below are shorthands of {@code get} for the pipeline's use.
 */
public final class MixlogConfig {
    private final String name;
    private final Map<Setting<?>, Object> values;
    private final URI baseUrl;
    /** What to set when no credentials are given at all, or {@code null}. */
    private final String missingCredentials;
    private final Set<String> mdcInclude;
    private final Set<String> mdcExclude;

    MixlogConfig(String name, Map<Setting<?>, Object> values, URI baseUrl, String missingCredentials) {
        this.name = name;
        this.values = Collections.unmodifiableMap(new HashMap<>(values));
        this.baseUrl = baseUrl;
        this.missingCredentials = missingCredentials;
        this.mdcInclude = get(Settings.MDC_INCLUDE);
        this.mdcExclude = get(Settings.MDC_EXCLUDE);
    }

    /** The value of a setting: the one configured, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return (T) values.get(setting);
    }

    /** The appender's name, used in thread names, JMX and messages. */
    public String name() { return name; }
    /** The host requests go to: the region's, or the configured {@code baseUrl}. */
    public URI baseUrl() { return baseUrl; }
    /**
     * When no credentials are configured (empty, or a variable that is not defined), what to set,
     * naming the setting; empty when there are credentials. Such a configuration sends nothing.
     */
    public Optional<String> missingCredentials() { return Optional.ofNullable(missingCredentials); }

    public Endpoint endpoint() { return get(Settings.ENDPOINT); }
    public RequestFormat requestFormat() { return get(Settings.REQUEST_FORMAT); }
    public Region region() { return get(Settings.REGION); }
    public int maxBatchEvents() { return get(Settings.MAX_BATCH_EVENTS); }
    public int maxBatchBytes() { return get(Settings.MAX_BATCH_BYTES).intValue(); }
    public Duration flushInterval() { return get(Settings.FLUSH_INTERVAL); }
    public boolean gzip() { return get(Settings.GZIP); }
    public int ringBufferSize() { return get(Settings.RING_BUFFER_SIZE); }
    public Duration shutdownTimeout() { return get(Settings.SHUTDOWN_TIMEOUT); }
    public int maxInFlight() { return get(Settings.MAX_IN_FLIGHT); }
    public Duration connectTimeout() { return get(Settings.CONNECT_TIMEOUT); }
    public Duration requestTimeout() { return get(Settings.REQUEST_TIMEOUT); }
    public Duration retryInitialBackoff() { return get(Settings.RETRY_INITIAL_BACKOFF); }
    public Duration retryMaxBackoff() { return get(Settings.RETRY_MAX_BACKOFF); }
    public Duration maxRetryTime() { return get(Settings.MAX_RETRY_TIME); }
    /** Whether the appender adapts its sending rate to Mixpanel's rate-limit answers. */
    public boolean rateControl() { return get(Settings.RATE_CONTROL); }
    public int maxStringLength() { return get(Settings.MAX_STRING_LENGTH); }
    public int hotShardLimit() { return get(Settings.HOT_SHARD_LIMIT); }
    /** Whether events past {@link #hotShardLimit()} are dropped (counted) instead of sent. */
    public boolean hotShardDrop() { return get(Settings.HOT_SHARD_DROP); }
    public Set<String> groupKeys() { return get(Settings.GROUP_KEYS); }
    public String distinctIdKey() { return get(Settings.DISTINCT_ID_KEY); }
    public Selection selection() { return get(Settings.SELECTION); }
    /** Whether marked events obey logger levels; zero-code mode ({@code selection=all}) always does. */
    public boolean followLevels() { return selection() == Selection.ALL || get(Settings.FOLLOW_LEVELS); }
    public Map<String, String> staticProperties() { return get(Settings.STATIC_PROPERTY); }
    public boolean includeLevel() { return get(Settings.INCLUDE_LEVEL); }
    public boolean includeLogger() { return get(Settings.INCLUDE_LOGGER); }
    public boolean includeThread() { return get(Settings.INCLUDE_THREAD); }
    public boolean includeMessage() { return get(Settings.INCLUDE_MESSAGE); }
    public boolean includeException() { return get(Settings.INCLUDE_EXCEPTION); }
    public boolean shutdownHook() { return get(Settings.SHUTDOWN_HOOK); }
    public Duration reportInterval() { return get(Settings.REPORT_INTERVAL); }
    public OverflowPolicy overflowPolicy() { return get(Settings.OVERFLOW_POLICY); }
    public Duration blockTimeout() { return get(Settings.BLOCK_TIMEOUT); }
    public int discardThreshold() { return get(Settings.DISCARD_THRESHOLD); }
    public long maxBufferBytes() { return get(Settings.MAX_BUFFER_BYTES); }
    public boolean profileIgnoreTime() { return get(Settings.PROFILE_IGNORE_TIME); }
    public boolean jmx() { return get(Settings.JMX); }
    /** The spool directory as configured, or {@code null} when there is no spool. */
    public String spoolDirectory() { return get(Settings.SPOOL_DIRECTORY); }
    public long spoolMaxBytes() { return get(Settings.SPOOL_MAX_BYTES); }

    /** Whether an MDC entry with this key becomes a property. */
    public boolean sendsMdcKey(String key) {
        return (mdcInclude.isEmpty() || mdcInclude.contains(key)) && !mdcExclude.contains(key);
    }

    @Override
    public String toString() {
        return "MixlogConfig[" + name + ": " + endpoint() + " to " + baseUrl + ", "
                + (missingCredentials != null ? "no credentials" : "credentials hidden")
                + ", batches of " + maxBatchEvents() + " events / " + maxBatchBytes() + " bytes / " + flushInterval()
                + ", ring " + ringBufferSize() + ", gzip " + gzip() + "]";
    }
}
