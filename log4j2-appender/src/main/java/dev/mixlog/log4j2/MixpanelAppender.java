package dev.mixlog.log4j2;

import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.diag.MixlogStats;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * A Log4j2 appender that turns log events into Mixpanel events, found by Log4j2's plugin discovery:
 * <pre>{@code
 * <Mixpanel name="mixpanel" token="${env:MIXPANEL_TOKEN}" region="EU" mdcExclude="traceId">
 *   <Property name="env" value="prod"/>
 * </Mixpanel>
 * }</pre>
 * Every setting is an attribute with the name and default it has in the Logback appender;
 * {@code mdcInclude} and {@code mdcExclude} take comma-separated ThreadContext keys ({@code groupKeys}
 * comma-separated property names), and each nested
 * {@code <Property>} is a property sent with every event. The fields of a {@code MapMessage} or
 * {@code StructuredDataMessage} play the part of SLF4J key-value pairs; key-value pairs logged through
 * SLF4J (log4j-slf4j2-impl) arrive as ThreadContext entries of that one call. {@link #append} only
 * copies what is needed into Mixlog's ring buffer; mapping, serializing and sending happen on Mixlog's
 * own threads. A bad setting is reported through the StatusLogger and no appender is created.
 */
@Plugin(name = MixpanelAppender.PLUGIN_NAME, category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class MixpanelAppender extends AbstractAppender {
    /** The configuration element: {@code <Mixpanel>}. */
    public static final String PLUGIN_NAME = "Mixpanel";

    private final MixlogConfig config;
    /** The context whose configuration made this appender: running means a stop is a reconfiguration. */
    private final LoggerContext loggerContext;
    /** The configuration that made this appender, where the filter for marked events below their level goes. */
    private final Configuration configuration;
    /** On {@link #configuration} while the appender runs, unless it follows levels. */
    private MarkedEventsPastLevels pastLevels;
    /** The running core, kept after stop: it counts events that still arrive, and keeps the counters. */
    private volatile MixlogCore<LogEvent, EventSnapshot> core;

    private MixpanelAppender(String name, Filter filter, boolean ignoreExceptions, Property[] properties,
                             MixlogConfig config, Configuration configuration) {
        super(name, filter, null, ignoreExceptions, properties);
        this.config = config;
        this.configuration = configuration;
        this.loggerContext = configuration == null ? null : configuration.getLoggerContext();
    }

    /** The builder Log4j2 fills from the configuration; also usable for programmatic configuration. */
    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        core = MixlogCore.start(config, new Log4jEventReader(config), StatusLoggerSink.INSTANCE);
        super.start();
        if (!config.followLevels() && configuration != null) {
            pastLevels = new MarkedEventsPastLevels(this);
            pastLevels.start();
            configuration.addFilter(pastLevels);
        }
    }

    @Override
    public void append(LogEvent event) {
        MixlogCore<LogEvent, EventSnapshot> running = core;
        if (running != null) {
            running.append(event);
        }
    }

    /**
     * Stops intake and delivers what is buffered within this appender's {@code shutdownTimeout},
     * whatever timeout Log4j2 passes: {@code LogManager.shutdown()} passes 50 ms, which would drop
     * nearly everything buffered (Log4j2's own {@code AsyncAppender} waits for its own timeout too).
     * On a reconfiguration (the logger context still running) the delivery goes on in the background
     * and this returns at once; the context's final stop waits for every such delivery.
     */
    @Override
    public boolean stop(long timeout, TimeUnit timeUnit) {
        setStopping();
        if (pastLevels != null) {
            configuration.removeFilter(pastLevels);
            pastLevels.stop();
            pastLevels = null;
        }
        boolean stopped = super.stop(timeout, timeUnit, false);
        MixlogCore<LogEvent, EventSnapshot> running = core;
        if (running != null) {
            if (loggerContext != null && loggerContext.isStarted()) {
                // Log4j2 has let the old configuration's in-flight calls finish: nothing more arrives
                running.stopInBackground(Duration.ZERO);
            } else {
                stopped &= running.stop(config.shutdownTimeout());
                stopped &= MixlogCore.awaitBackgroundStops(config.shutdownTimeout());
            }
        }
        setStopped();
        return stopped;
    }

    /**
     * Delivers what is buffered now, without stopping: true once every event logged before the call
     * is settled, false when the time runs out first (nothing is dropped for that).
     */
    public boolean flush(Duration timeout) {
        MixlogCore<LogEvent, EventSnapshot> running = core;
        return running != null && isStarted() && running.flush(timeout);
    }

    /** The live counters: captured, delivered, dropped by reason, retried. {@code null} before {@link #start()}. */
    public MixlogStats getStats() {
        MixlogCore<LogEvent, EventSnapshot> running = core;
        return running == null ? null : running.stats();
    }

    /** The checked configuration this appender runs with. */
    public MixlogConfig getMixlogConfig() {
        return config;
    }

    /**
     * The attributes of {@code <Mixpanel>}, all taken as text and checked together by the core's
     * {@link MixlogSettings}, so that names, defaults and messages match the Logback appender.
     */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<MixpanelAppender> {
        @PluginBuilderAttribute(sensitive = true) private String token;
        @PluginBuilderAttribute private String endpoint;
        @PluginBuilderAttribute private String requestFormat;
        @PluginBuilderAttribute private String region;
        @PluginBuilderAttribute private String baseUrl;
        @PluginBuilderAttribute(sensitive = true) private String proxy;
        @PluginBuilderAttribute private String kafkaTopic;
        @PluginBuilderAttribute private String kafkaBootstrapServers;
        @PluginBuilderAttribute private String kafkaProperty;
        @PluginBuilderAttribute private String serviceAccountUsername;
        @PluginBuilderAttribute(sensitive = true) private String serviceAccountSecret;
        @PluginBuilderAttribute private String projectId;
        @PluginBuilderAttribute(sensitive = true) private String apiSecret;
        @PluginBuilderAttribute private String maxBatchEvents;
        @PluginBuilderAttribute private String maxBatchBytes;
        @PluginBuilderAttribute private String flushInterval;
        @PluginBuilderAttribute private String gzip;
        @PluginBuilderAttribute private String ringBufferSize;
        @PluginBuilderAttribute private String shutdownTimeout;
        @PluginBuilderAttribute private String maxInFlight;
        @PluginBuilderAttribute private String connectTimeout;
        @PluginBuilderAttribute private String requestTimeout;
        @PluginBuilderAttribute private String retryInitialBackoff;
        @PluginBuilderAttribute private String retryMaxBackoff;
        @PluginBuilderAttribute private String maxRetryTime;
        @PluginBuilderAttribute private String rateControl;
        @PluginBuilderAttribute private String hotShardLimit;
        @PluginBuilderAttribute private String hotShardDrop;
        @PluginBuilderAttribute private String groupKeys;
        @PluginBuilderAttribute private String maxStringLength;
        @PluginBuilderAttribute private String distinctIdKey;
        @PluginBuilderAttribute private String selection;
        @PluginBuilderAttribute private String followLevels;
        @PluginBuilderAttribute private String includeLevel;
        @PluginBuilderAttribute private String includeLogger;
        @PluginBuilderAttribute private String includeThread;
        @PluginBuilderAttribute private String includeMessage;
        @PluginBuilderAttribute private String includeException;
        @PluginBuilderAttribute private String shutdownHook;
        @PluginBuilderAttribute private String reportInterval;
        @PluginBuilderAttribute private String overflowPolicy;
        @PluginBuilderAttribute private String blockTimeout;
        @PluginBuilderAttribute private String discardThreshold;
        @PluginBuilderAttribute private String maxBufferBytes;
        @PluginBuilderAttribute private String profileIgnoreTime;
        @PluginBuilderAttribute private String spoolDirectory;
        @PluginBuilderAttribute private String spoolMaxBytes;
        @PluginBuilderAttribute private String jmx;
        @PluginBuilderAttribute private String mdcInclude;
        @PluginBuilderAttribute private String mdcExclude;
        @PluginBuilderAttribute private String staticProperty;

        private Builder() {
        }

        /**
         * The appender, or {@code null} after reporting every bad setting to the StatusLogger (Log4j2
         * then runs without it; nothing is thrown into the application).
         */
        @Override
        public MixpanelAppender build() {
            if (getName() == null || getName().isBlank()) {
                LOGGER.error("Mixpanel appender not started: set its name attribute.");
                return null;
            }
            MixlogConfig config;
            try {
                config = settings().build();
            } catch (InvalidConfigException e) {
                LOGGER.error("<{} name=\"{}\">: {}", PLUGIN_NAME, getName(), e.getMessage());
                return null;
            }
            return new MixpanelAppender(getName(), getFilter(), isIgnoreExceptions(), getPropertyArray(), config, getConfiguration());
        }

        private MixlogSettings settings() {
            return AttributeSettings.read(this, getName(), getConfiguration(), getPropertyArray());
        }

        /** Sets the attribute named after this setting, as the configuration would (for programmatic configuration by descriptor). */
        public Builder setSetting(Setting<?> setting, String value) { AttributeSettings.write(this, setting.name(), value); return this; }

        public Builder setToken(String value) { token = value; return this; }
        public Builder setEndpoint(String value) { endpoint = value; return this; }
        public Builder setRequestFormat(String value) { requestFormat = value; return this; }
        public Builder setRegion(String value) { region = value; return this; }
        public Builder setBaseUrl(String value) { baseUrl = value; return this; }
        public Builder setProxy(String value) { proxy = value; return this; }
        public Builder setKafkaTopic(String value) { kafkaTopic = value; return this; }
        public Builder setKafkaBootstrapServers(String value) { kafkaBootstrapServers = value; return this; }
        /** One Kafka producer setting, {@code name=value}. */
        public Builder setKafkaProperty(String nameEqualsValue) { kafkaProperty = nameEqualsValue; return this; }
        public Builder setServiceAccountUsername(String value) { serviceAccountUsername = value; return this; }
        public Builder setServiceAccountSecret(String value) { serviceAccountSecret = value; return this; }
        public Builder setProjectId(String value) { projectId = value; return this; }
        public Builder setApiSecret(String value) { apiSecret = value; return this; }
        public Builder setMaxBatchEvents(String value) { maxBatchEvents = value; return this; }
        public Builder setMaxBatchBytes(String value) { maxBatchBytes = value; return this; }
        public Builder setFlushInterval(String value) { flushInterval = value; return this; }
        public Builder setGzip(String value) { gzip = value; return this; }
        public Builder setRingBufferSize(String value) { ringBufferSize = value; return this; }
        public Builder setShutdownTimeout(String value) { shutdownTimeout = value; return this; }
        public Builder setMaxInFlight(String value) { maxInFlight = value; return this; }
        public Builder setConnectTimeout(String value) { connectTimeout = value; return this; }
        public Builder setRequestTimeout(String value) { requestTimeout = value; return this; }
        public Builder setRetryInitialBackoff(String value) { retryInitialBackoff = value; return this; }
        public Builder setRetryMaxBackoff(String value) { retryMaxBackoff = value; return this; }
        public Builder setMaxRetryTime(String value) { maxRetryTime = value; return this; }
        public Builder setRateControl(String value) { rateControl = value; return this; }
        public Builder setHotShardLimit(String value) { hotShardLimit = value; return this; }
        public Builder setHotShardDrop(String value) { hotShardDrop = value; return this; }
        public Builder setGroupKeys(String keys) { groupKeys = keys; return this; }
        public Builder setMaxStringLength(String value) { maxStringLength = value; return this; }
        public Builder setDistinctIdKey(String value) { distinctIdKey = value; return this; }
        public Builder setSelection(String value) { selection = value; return this; }
        public Builder setFollowLevels(String value) { followLevels = value; return this; }
        public Builder setIncludeLevel(String value) { includeLevel = value; return this; }
        public Builder setIncludeLogger(String value) { includeLogger = value; return this; }
        public Builder setIncludeThread(String value) { includeThread = value; return this; }
        public Builder setIncludeMessage(String value) { includeMessage = value; return this; }
        public Builder setIncludeException(String value) { includeException = value; return this; }
        public Builder setShutdownHook(String value) { shutdownHook = value; return this; }
        public Builder setReportInterval(String value) { reportInterval = value; return this; }
        public Builder setOverflowPolicy(String value) { overflowPolicy = value; return this; }
        public Builder setBlockTimeout(String value) { blockTimeout = value; return this; }
        public Builder setDiscardThreshold(String value) { discardThreshold = value; return this; }
        public Builder setMaxBufferBytes(String value) { maxBufferBytes = value; return this; }
        public Builder setProfileIgnoreTime(String value) { profileIgnoreTime = value; return this; }
        public Builder setSpoolDirectory(String value) { spoolDirectory = value; return this; }
        public Builder setSpoolMaxBytes(String value) { spoolMaxBytes = value; return this; }
        public Builder setJmx(String value) { jmx = value; return this; }

        /** Only these ThreadContext keys are sent (comma-separated). */
        public Builder setMdcInclude(String keys) { mdcInclude = keys; return this; }

        /** These ThreadContext keys are never sent (comma-separated). */
        public Builder setMdcExclude(String keys) { mdcExclude = keys; return this; }

        /** A property sent with every event, {@code name=value} (nested {@code <Property>} elements add more). */
        public Builder setStaticProperty(String nameEqualsValue) { staticProperty = nameEqualsValue; return this; }
    }
}
