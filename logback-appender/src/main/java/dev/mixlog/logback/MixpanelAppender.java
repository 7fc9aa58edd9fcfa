package dev.mixlog.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.FilterReply;
import dev.mixlog.core.StatusSink;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.diag.MixlogStats;
import java.time.Duration;

/**
 * A Logback appender that turns log events into Mixpanel events. Configured like any appender:
 * <pre>{@code
 * <appender name="MIXPANEL" class="dev.mixlog.logback.MixpanelAppender">
 *   <token>${MIXPANEL_TOKEN}</token>
 * </appender>
 * }</pre>
 * {@link #append} only puts the event into Mixlog's ring buffer; mapping, serializing and sending
 * happen on Mixlog's own threads. A bad setting fails {@link #start()} with a status warning saying
 * what to fix, and the appender then ignores events.
 */
public class MixpanelAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** Whether this thread is inside {@link #doAppend}: a call from there (a logged value's toString() logging) is ignored. */
    private final ThreadLocal<Boolean> appending = new ThreadLocal<>();
    /** How long a stopped appender still takes events, until a reconfiguration has surely detached it. */
    private static final Duration ACCEPT_AFTER_STOP = Duration.ofMillis(50);
    private final MixlogSettings settings = new MixlogSettings();
    /** The running core, kept after stop: it counts events that still arrive, and keeps the counters. */
    private volatile MixlogCore<ILoggingEvent, ILoggingEvent> core;
    private volatile MixlogConfig config;
    /** Installed while the appender runs, unless it follows levels. */
    private MarkedEventsPastLevels pastLevels;

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        StatusScrubber.scrub(getContext(), settings.secretValues());
        try {
            config = settings.name(getName() == null ? Settings.DEFAULT_NAME : getName()).build();
        } catch (InvalidConfigException e) {
            // a warning, not an error: Spring Boot refuses to start on any error status of Logback's
            addWarn(e.getMessage());
            return;
        }
        core = MixlogCore.start(config, new LogbackEventReader(config), new LogbackStatus());
        super.start();
        if (!config.followLevels() && getContext() instanceof LoggerContext) {
            pastLevels = new MarkedEventsPastLevels(this);
            pastLevels.setContext(getContext());
            pastLevels.start();
            ((LoggerContext) getContext()).addTurboFilter(pastLevels);
        }
    }

    /**
     * Hands every event to {@link #append} once the appender has a core, started or stopped (filters
     * applied, and a call made from inside an append on the same thread ignored, as Logback does):
     * Logback hands events to an appender until a reconfiguration detaches it, just after stopping it,
     * and the stop may land between any check of the started flag and Logback's own. The stopping
     * core takes such events for {@code ACCEPT_AFTER_STOP}, then counts them as not delivered before
     * shutdown, instead of Logback dropping them uncounted.
     */
    @Override
    public void doAppend(ILoggingEvent event) {
        if (core == null) {
            super.doAppend(event);
            return;
        }
        if (Boolean.TRUE.equals(appending.get())) {
            return;
        }
        appending.set(Boolean.TRUE);
        try {
            if (getFilterChainDecision(event) != FilterReply.DENY) {
                append(event);
            }
        } catch (Throwable e) {
            // a filter that fails to answer: the event is Logback's to drop
        } finally {
            appending.set(Boolean.FALSE);
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        MixlogCore<ILoggingEvent, ILoggingEvent> running = core;
        if (running != null) {
            running.append(event);
        }
    }

    /**
     * Stops and delivers what is buffered within {@code shutdownTimeout}, in the background: Logback
     * stops appenders this way on every reconfiguration, whose thread must not wait. The context's
     * final stop (JVM exit, Spring Boot's shutdown) waits for that delivery. Events that still reach
     * the appender are taken for a moment, then counted as not delivered before shutdown. Once the
     * delivery has ended, the core keeps only its counters, so the delivery machinery and the HTTP
     * client can be freed.
     */
    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        if (pastLevels != null && getContext() instanceof LoggerContext) {
            ((LoggerContext) getContext()).getTurboFilterList().remove(pastLevels);
            pastLevels = null;
        }
        MixlogCore<ILoggingEvent, ILoggingEvent> running = core;
        if (running != null) {
            if (getContext() instanceof LoggerContext) {
                DrainOnContextStop.cover((LoggerContext) getContext(), config.shutdownTimeout());
            }
            running.stopInBackground(ACCEPT_AFTER_STOP);
        }
        super.stop();
    }

    /**
     * Delivers what is buffered now, without stopping: true once every event logged before the call
     * is settled, false when the time runs out first (nothing is dropped for that).
     */
    public boolean flush(Duration timeout) {
        MixlogCore<ILoggingEvent, ILoggingEvent> running = core;
        return running != null && isStarted() && running.flush(timeout);
    }

    /** The checked configuration this appender runs with; {@code null} before a successful start. */
    public MixlogConfig getMixlogConfig() {
        return config;
    }

    /** The live counters: captured, delivered, dropped by reason, retried. {@code null} before a successful start. */
    public MixlogStats getStats() {
        MixlogCore<ILoggingEvent, ILoggingEvent> running = core;
        return running == null ? null : running.stats();
    }

    /**
     * Gives a setting as text, as its element would: for programmatic configuration by descriptor (the
     * Spring Boot starter's). Takes effect at {@link #start()}.
     */
    public void configure(Setting<?> setting, String value) { settings.text(setting, value); }

    public void setToken(String value) { settings.text(Settings.TOKEN, value); }
    public void setEndpoint(String value) { settings.text(Settings.ENDPOINT, value); }
    public void setRequestFormat(String value) { settings.text(Settings.REQUEST_FORMAT, value); }
    public void setRegion(String value) { settings.text(Settings.REGION, value); }
    public void setBaseUrl(String value) { settings.text(Settings.BASE_URL, value); }
    public void setProxy(String value) { settings.text(Settings.PROXY, value); }
    public void setKafkaTopic(String value) { settings.text(Settings.KAFKA_TOPIC, value); }
    public void setKafkaBootstrapServers(String value) { settings.text(Settings.KAFKA_BOOTSTRAP_SERVERS, value); }
    /** Repeatable: each {@code <kafkaProperty>name=value</kafkaProperty>} adds one producer setting. */
    public void addKafkaProperty(String nameEqualsValue) { settings.text(Settings.KAFKA_PROPERTY, nameEqualsValue); }
    public void setServiceAccountUsername(String value) { settings.text(Settings.SERVICE_ACCOUNT_USERNAME, value); }
    public void setServiceAccountSecret(String value) { settings.text(Settings.SERVICE_ACCOUNT_SECRET, value); }
    public void setProjectId(String value) { settings.text(Settings.PROJECT_ID, value); }
    public void setApiSecret(String value) { settings.text(Settings.API_SECRET, value); }
    public void setMaxBatchEvents(String value) { settings.text(Settings.MAX_BATCH_EVENTS, value); }
    public void setMaxBatchBytes(String value) { settings.text(Settings.MAX_BATCH_BYTES, value); }
    public void setFlushInterval(String value) { settings.text(Settings.FLUSH_INTERVAL, value); }
    public void setGzip(String value) { settings.text(Settings.GZIP, value); }
    public void setRingBufferSize(String value) { settings.text(Settings.RING_BUFFER_SIZE, value); }
    public void setShutdownTimeout(String value) { settings.text(Settings.SHUTDOWN_TIMEOUT, value); }
    public void setMaxInFlight(String value) { settings.text(Settings.MAX_IN_FLIGHT, value); }
    public void setConnectTimeout(String value) { settings.text(Settings.CONNECT_TIMEOUT, value); }
    public void setRequestTimeout(String value) { settings.text(Settings.REQUEST_TIMEOUT, value); }
    public void setRetryInitialBackoff(String value) { settings.text(Settings.RETRY_INITIAL_BACKOFF, value); }
    public void setRetryMaxBackoff(String value) { settings.text(Settings.RETRY_MAX_BACKOFF, value); }
    public void setMaxRetryTime(String value) { settings.text(Settings.MAX_RETRY_TIME, value); }
    public void setRateControl(String value) { settings.text(Settings.RATE_CONTROL, value); }
    public void setHotShardLimit(String value) { settings.text(Settings.HOT_SHARD_LIMIT, value); }
    public void setHotShardDrop(String value) { settings.text(Settings.HOT_SHARD_DROP, value); }
    /** {@code <groupKeys>company_id</groupKeys>}, repeatable or comma-separated: the project's group keys. */
    public void addGroupKeys(String keys) { settings.text(Settings.GROUP_KEYS, keys); }
    public void setMaxStringLength(String value) { settings.text(Settings.MAX_STRING_LENGTH, value); }
    public void setDistinctIdKey(String value) { settings.text(Settings.DISTINCT_ID_KEY, value); }
    public void setSelection(String value) { settings.text(Settings.SELECTION, value); }
    public void setFollowLevels(String value) { settings.text(Settings.FOLLOW_LEVELS, value); }
    public void setIncludeLevel(String value) { settings.text(Settings.INCLUDE_LEVEL, value); }
    public void setIncludeLogger(String value) { settings.text(Settings.INCLUDE_LOGGER, value); }
    public void setIncludeThread(String value) { settings.text(Settings.INCLUDE_THREAD, value); }
    public void setIncludeMessage(String value) { settings.text(Settings.INCLUDE_MESSAGE, value); }
    public void setIncludeException(String value) { settings.text(Settings.INCLUDE_EXCEPTION, value); }
    public void setShutdownHook(String value) { settings.text(Settings.SHUTDOWN_HOOK, value); }
    public void setReportInterval(String value) { settings.text(Settings.REPORT_INTERVAL, value); }
    public void setOverflowPolicy(String value) { settings.text(Settings.OVERFLOW_POLICY, value); }
    public void setBlockTimeout(String value) { settings.text(Settings.BLOCK_TIMEOUT, value); }
    public void setDiscardThreshold(String value) { settings.text(Settings.DISCARD_THRESHOLD, value); }
    public void setMaxBufferBytes(String value) { settings.text(Settings.MAX_BUFFER_BYTES, value); }
    public void setProfileIgnoreTime(String value) { settings.text(Settings.PROFILE_IGNORE_TIME, value); }
    public void setSpoolDirectory(String value) { settings.text(Settings.SPOOL_DIRECTORY, value); }
    public void setSpoolMaxBytes(String value) { settings.text(Settings.SPOOL_MAX_BYTES, value); }
    public void setJmx(String value) { settings.text(Settings.JMX, value); }

    /** {@code <mdcInclude>userId</mdcInclude>}, repeatable or comma-separated: only these MDC keys are sent. */
    public void addMdcInclude(String keys) { settings.text(Settings.MDC_INCLUDE, keys); }

    /** {@code <mdcExclude>traceId</mdcExclude>}, repeatable or comma-separated: these MDC keys are never sent. */
    public void addMdcExclude(String keys) { settings.text(Settings.MDC_EXCLUDE, keys); }

    /** {@code <staticProperty>env=prod</staticProperty>}, repeatable: a property sent with every event. */
    public void addStaticProperty(String nameEqualsValue) { settings.text(Settings.STATIC_PROPERTY, nameEqualsValue); }

    /** Routes the core's messages to Logback's status manager. */
    private final class LogbackStatus implements StatusSink {
        @Override
        public void info(String message) {
            addInfo(message);
        }

        @Override
        public void warn(String message) {
            addWarn(message);
        }

        @Override
        public void error(String message) {
            addError(message);
        }

        /** Logback keeps statuses in a list nobody reads unless a status listener prints them. */
        @Override
        public boolean showsWarnings() {
            return getContext() != null && !getContext().getStatusManager().getCopyOfStatusListenerList().isEmpty();
        }
    }
}
