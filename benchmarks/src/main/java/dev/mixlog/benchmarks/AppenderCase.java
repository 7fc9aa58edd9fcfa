package dev.mixlog.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One appender set-up under comparison: its family and the XML configuration (a classpath resource)
 * that builds it. Every case logs the same {@link PurchaseCall}.
 */
public enum AppenderCase {
    MIXLOG_LOGBACK(Family.LOGBACK, "Mixlog (Logback)", "logback/mixlog.xml", true),
    /** Mixlog's Logback appender with a spool directory: a variant measured beside it, not a peer (no JMH run). */
    MIXLOG_LOGBACK_SPOOL(Family.LOGBACK, "Mixlog (Logback), spool on", "logback/mixlog-spool.xml", true),
    /** Mixlog's Logback appender sending uncompressed JSON: a variant measured beside it in the work behind the call. */
    MIXLOG_LOGBACK_GZIP_OFF(Family.LOGBACK, "Mixlog (Logback), gzip off", "logback/mixlog-gzip-off.xml", true),
    /** Mixlog's Logback appender posting with the JDK's HttpClient instead of its own client: a variant for the comparison of clients. */
    MIXLOG_LOGBACK_JDK_HTTPCLIENT(Family.LOGBACK, "Mixlog (Logback), JDK HttpClient", "logback/mixlog.xml", true),
    /** Mixlog's Logback appender posting with the JDK's HttpURLConnection instead of its own client: a variant for the comparison of clients. */
    MIXLOG_LOGBACK_URLCONNECTION(Family.LOGBACK, "Mixlog (Logback), HttpURLConnection", "logback/mixlog.xml", true),
    LOGSTASH_DISRUPTOR(Family.LOGBACK, "logstash-logback-encoder LoggingEventAsyncDisruptorAppender + LogstashEncoder",
            "logback/logstash-disruptor.xml", false),
    LOGBACK_ASYNC(Family.LOGBACK, "Logback AsyncAppender + LogstashEncoder", "logback/logback-async.xml", false),
    LOKI4J(Family.LOGBACK, "loki4j Loki4jAppender", "logback/loki4j.xml", false),
    LOGBACK_NONE(Family.LOGBACK, "Logback, no appender (floor)", "logback/none.xml", false),
    MIXLOG_LOG4J2(Family.LOG4J2, "Mixlog (Log4j2)", "log4j2/mixlog.xml", true),
    LOG4J2_ASYNC_JSON(Family.LOG4J2, "Log4j2 AsyncAppender + JsonTemplateLayout", "log4j2/async-json.xml", false),
    LOG4J2_ALL_ASYNC(Family.LOG4J2, "Log4j2 all-async loggers + JsonTemplateLayout", "log4j2/all-async-json.xml", false),
    LOG4J2_NONE(Family.LOG4J2, "Log4j2, no appender (floor)", "log4j2/none.xml", false);

    /** The name every Mixlog appender has in these configurations. */
    public static final String MIXLOG_APPENDER_NAME = "MIXPANEL";

    private final Family family;
    private final String label;
    private final String configResource;
    private final boolean mixlog;

    AppenderCase(Family family, String label, String configResource, boolean mixlog) {
        this.family = family;
        this.label = label;
        this.configResource = configResource;
        this.mixlog = mixlog;
    }

    public Family family() {
        return family;
    }

    /** What the results table calls this case. */
    public String label() {
        return label;
    }

    public String configResource() {
        return configResource;
    }

    /** Whether the case is one of Mixlog's appenders. */
    public boolean isMixlog() {
        return mixlog;
    }

    /** Whether the case is a variant of Mixlog's default set-up, measured beside it in some steps only. */
    public boolean isVariant() {
        return this == MIXLOG_LOGBACK_SPOOL || this == MIXLOG_LOGBACK_GZIP_OFF || this == MIXLOG_LOGBACK_JDK_HTTPCLIENT
                || this == MIXLOG_LOGBACK_URLCONNECTION;
    }

    /** Whether the case is its family's no-appender floor. */
    public boolean isFloor() {
        return this == LOGBACK_NONE || this == LOG4J2_NONE;
    }

    /** The identifier used on command lines, in JMH parameters and in result file names. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AppenderCase byId(String id) {
        for (AppenderCase candidate : values()) {
            if (candidate.id().equals(id)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown appender case '" + id + "'; known: " + ids(null));
    }

    /** The ids of one family's cases (variants left out), or of all cases when {@code family} is null. */
    public static List<String> ids(Family family) {
        List<String> ids = new ArrayList<>();
        for (AppenderCase candidate : values()) {
            if (family == null || candidate.family == family && !candidate.isVariant()) {
                ids.add(candidate.id());
            }
        }
        return ids;
    }
}
