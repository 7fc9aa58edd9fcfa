package dev.mixlog.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** One appender's checked, immutable configuration, built once at start by {@link MixlogSettings#build()}. */
public final class MixlogConfig {
    private final String name;
    private final Endpoint endpoint;
    private final Region region;
    private final URI baseUrl;
    private final Credentials credentials;
    private final int maxBatchEvents;
    private final int maxBatchBytes;
    private final Duration flushInterval;
    private final boolean gzip;
    private final int ringBufferSize;
    private final Duration shutdownTimeout;
    private final int maxInFlight;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration retryInitialBackoff;
    private final Duration retryMaxBackoff;
    private final Duration maxRetryTime;
    private final int maxStringLength;
    private final String distinctIdKey;
    private final Selection selection;
    private final Set<String> mdcInclude;
    private final Set<String> mdcExclude;
    private final Map<String, String> staticProperties;
    private final boolean includeLevel;
    private final boolean includeLogger;
    private final boolean includeThread;
    private final boolean includeMessage;
    private final boolean includeException;
    private final boolean shutdownHook;
    private final Duration reportInterval;
    private final OverflowPolicy overflowPolicy;
    private final Duration blockTimeout;
    private final int discardThreshold;
    private final long maxBufferBytes;
    private final boolean profileIgnoreTime;
    private final boolean jmx;

    MixlogConfig(Builder b) {
        name = b.name;
        endpoint = b.endpoint;
        region = b.region;
        baseUrl = b.baseUrl;
        credentials = b.credentials;
        maxBatchEvents = b.maxBatchEvents;
        maxBatchBytes = b.maxBatchBytes;
        flushInterval = b.flushInterval;
        gzip = b.gzip;
        ringBufferSize = b.ringBufferSize;
        shutdownTimeout = b.shutdownTimeout;
        maxInFlight = b.maxInFlight;
        connectTimeout = b.connectTimeout;
        requestTimeout = b.requestTimeout;
        retryInitialBackoff = b.retryInitialBackoff;
        retryMaxBackoff = b.retryMaxBackoff;
        maxRetryTime = b.maxRetryTime;
        maxStringLength = b.maxStringLength;
        distinctIdKey = b.distinctIdKey;
        selection = b.selection;
        mdcInclude = b.mdcInclude;
        mdcExclude = b.mdcExclude;
        staticProperties = b.staticProperties;
        includeLevel = b.includeLevel;
        includeLogger = b.includeLogger;
        includeThread = b.includeThread;
        includeMessage = b.includeMessage;
        includeException = b.includeException;
        shutdownHook = b.shutdownHook;
        reportInterval = b.reportInterval;
        overflowPolicy = b.overflowPolicy;
        blockTimeout = b.blockTimeout;
        discardThreshold = b.discardThreshold;
        maxBufferBytes = b.maxBufferBytes;
        profileIgnoreTime = b.profileIgnoreTime;
        jmx = b.jmx;
    }

    public String name() { return name; }
    public Endpoint endpoint() { return endpoint; }
    public Region region() { return region; }
    /** The host requests go to: the region's, or the configured {@code baseUrl}. */
    public URI baseUrl() { return baseUrl; }
    public Credentials credentials() { return credentials; }
    public int maxBatchEvents() { return maxBatchEvents; }
    public int maxBatchBytes() { return maxBatchBytes; }
    public Duration flushInterval() { return flushInterval; }
    public boolean gzip() { return gzip; }
    public int ringBufferSize() { return ringBufferSize; }
    public Duration shutdownTimeout() { return shutdownTimeout; }
    public int maxInFlight() { return maxInFlight; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration requestTimeout() { return requestTimeout; }
    public Duration retryInitialBackoff() { return retryInitialBackoff; }
    public Duration retryMaxBackoff() { return retryMaxBackoff; }
    public Duration maxRetryTime() { return maxRetryTime; }
    public int maxStringLength() { return maxStringLength; }
    public String distinctIdKey() { return distinctIdKey; }
    public Selection selection() { return selection; }
    /** MDC keys to send; empty means all. */
    public Set<String> mdcInclude() { return mdcInclude; }
    public Set<String> mdcExclude() { return mdcExclude; }
    public Map<String, String> staticProperties() { return staticProperties; }
    public boolean includeLevel() { return includeLevel; }
    public boolean includeLogger() { return includeLogger; }
    public boolean includeThread() { return includeThread; }
    public boolean includeMessage() { return includeMessage; }
    public boolean includeException() { return includeException; }
    public boolean shutdownHook() { return shutdownHook; }
    /** Least time between two repeated status messages about drops or adjustments. */
    public Duration reportInterval() { return reportInterval; }
    /** What an application thread does when the ring is full. */
    public OverflowPolicy overflowPolicy() { return overflowPolicy; }
    /** With {@code overflowPolicy=block}, the longest an application thread waits for room. */
    public Duration blockTimeout() { return blockTimeout; }
    /** When fewer slots than this are free, events below WARN are dropped to keep room for WARN and above; 0 turns this off. */
    public int discardThreshold() { return discardThreshold; }
    /** Bound on the estimated bytes of large events waiting in the ring. */
    public long maxBufferBytes() { return maxBufferBytes; }
    /** Whether profile updates carry {@code $ignore_time: true} unless the log call says otherwise. */
    public boolean profileIgnoreTime() { return profileIgnoreTime; }
    /** Whether the counters are published as JMX attributes. */
    public boolean jmx() { return jmx; }

    /** Whether an MDC entry with this key becomes a property. */
    public boolean sendsMdcKey(String key) {
        return (mdcInclude.isEmpty() || mdcInclude.contains(key)) && !mdcExclude.contains(key);
    }

    @Override
    public String toString() {
        return "MixlogConfig[" + name + ": " + endpoint + " to " + baseUrl + ", " + credentials
                + ", batches of " + maxBatchEvents + " events / " + maxBatchBytes + " bytes / " + flushInterval
                + ", ring " + ringBufferSize + ", gzip " + gzip + "]";
    }

    /** Mutable holder filled by {@link MixlogSettings}. */
    static final class Builder {
        String name;
        Endpoint endpoint;
        Region region;
        URI baseUrl;
        Credentials credentials;
        int maxBatchEvents;
        int maxBatchBytes;
        Duration flushInterval;
        boolean gzip;
        int ringBufferSize;
        Duration shutdownTimeout;
        int maxInFlight;
        Duration connectTimeout;
        Duration requestTimeout;
        Duration retryInitialBackoff;
        Duration retryMaxBackoff;
        Duration maxRetryTime;
        int maxStringLength;
        String distinctIdKey;
        Selection selection;
        Set<String> mdcInclude;
        Set<String> mdcExclude;
        Map<String, String> staticProperties;
        boolean includeLevel;
        boolean includeLogger;
        boolean includeThread;
        boolean includeMessage;
        boolean includeException;
        boolean shutdownHook;
        Duration reportInterval;
        OverflowPolicy overflowPolicy;
        Duration blockTimeout;
        int discardThreshold;
        long maxBufferBytes;
        boolean profileIgnoreTime;
        boolean jmx;
    }
}
