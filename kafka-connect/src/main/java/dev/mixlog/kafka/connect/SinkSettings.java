package dev.mixlog.kafka.connect;

import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.OverflowPolicy;
import dev.mixlog.core.config.Selection;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The sink's configuration: Mixlog's own setting descriptors under {@value #PREFIX} (one description
 * per setting, as in every other place Mixlog is configured), turned into Connect's {@link ConfigDef},
 * and the few settings of the sink itself. Settings that only make sense inside a logging framework
 * (which events to select, MDC filters, the shutdown hook, the spool: Kafka is the sink's buffer) are
 * not offered.
 */
final class SinkSettings {
    /** The prefix of Mixlog's settings: {@code mixpanel.token}, {@code mixpanel.region}, ... */
    static final String PREFIX = "mixpanel.";
    /** How long a commit waits for the records handed over so far to settle before it commits nothing this time. */
    static final String COMMIT_WAIT = "mixpanel.sink.commitWait";
    static final Duration COMMIT_WAIT_DEFAULT = Duration.ofSeconds(1);
    /** The sink's default {@code maxRetryTime}: the longest Mixlog takes, so that an outage is waited out with the partitions paused. */
    static final Duration RETRY_WITHOUT_END = Duration.ofDays(7);
    /** The sink's default {@code shutdownTimeout}: less than Connect's 5 s for a task's graceful stop. */
    static final Duration STOP_WAIT_DEFAULT = Duration.ofSeconds(3);
    /** Connect's own setting: {@code all} sends bad records to the dead-letter queue. */
    static final String ERRORS_TOLERANCE = "errors.tolerance";

    /** Mixlog settings a sink of Mixpanel records has no use for. */
    private static final Set<Setting<?>> NOT_OFFERED = Set.of(Settings.SELECTION, Settings.FOLLOW_LEVELS,
            Settings.DISTINCT_ID_KEY, Settings.MDC_INCLUDE, Settings.MDC_EXCLUDE, Settings.INCLUDE_LEVEL,
            Settings.INCLUDE_LOGGER, Settings.INCLUDE_THREAD, Settings.INCLUDE_MESSAGE, Settings.INCLUDE_EXCEPTION,
            Settings.SHUTDOWN_HOOK, Settings.OVERFLOW_POLICY, Settings.BLOCK_TIMEOUT, Settings.DISCARD_THRESHOLD,
            Settings.SPOOL_DIRECTORY, Settings.SPOOL_MAX_BYTES, Settings.KAFKA_TOPIC, Settings.KAFKA_BOOTSTRAP_SERVERS,
            Settings.KAFKA_PROPERTY);

    static final ConfigDef CONFIG_DEF = configDef();

    private final MixlogConfig mixlog;
    private final Duration commitWait;
    private final boolean toleratesErrors;

    private SinkSettings(MixlogConfig mixlog, Duration commitWait, boolean toleratesErrors) {
        this.mixlog = mixlog;
        this.commitWait = commitWait;
        this.toleratesErrors = toleratesErrors;
    }

    /** The settings Mixlog offers a sink, in the order of its documentation. */
    static List<Setting<?>> offered() {
        List<Setting<?>> offered = new ArrayList<>();
        for (Setting<?> setting : Settings.all()) {
            if (!NOT_OFFERED.contains(setting)) {
                offered.add(setting);
            }
        }
        return offered;
    }

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        for (Setting<?> setting : offered()) {
            ConfigDef.Type type = setting.isSecret() ? ConfigDef.Type.PASSWORD
                    : setting.isRepeatable() && setting != Settings.GROUP_KEYS ? ConfigDef.Type.LIST : ConfigDef.Type.STRING;
            boolean credential = setting == Settings.TOKEN || setting == Settings.REGION;
            def.define(PREFIX + setting.name(), type, null, credential ? ConfigDef.Importance.HIGH : ConfigDef.Importance.MEDIUM,
                    setting.documentation() + " Default: " + setting.defaultText() + ".");
        }
        def.define(COMMIT_WAIT, ConfigDef.Type.LONG, COMMIT_WAIT_DEFAULT.toMillis(), ConfigDef.Range.atLeast(0),
                ConfigDef.Importance.LOW, "Milliseconds an offset commit waits for the records handed over so far to be "
                        + "delivered (or dropped under a counted reason); when they are not settled by then, nothing is "
                        + "committed this time and the next commit tries again.");
        return def;
    }

    /**
     * Reads the connector's (or a task's) properties.
     *
     * @throws ConfigException naming every setting to fix, or the missing token
     */
    static SinkSettings of(Map<String, String> properties, String name) {
        Map<String, Object> parsed = CONFIG_DEF.parse(properties);
        MixlogSettings settings = new MixlogSettings().name(name);
        for (Setting<?> setting : offered()) {
            Object value = parsed.get(PREFIX + setting.name());
            if (value instanceof Password) {
                settings.text(setting, ((Password) value).value());
            } else if (value instanceof List) {
                for (Object item : (List<?>) value) {
                    settings.text(setting, String.valueOf(item));
                }
            } else if (value != null) {
                settings.text(setting, value.toString());
            }
        }
        if (!settings.isGiven(Settings.MAX_RETRY_TIME)) {
            // a batch is never given up for time: what Mixpanel does not take yet waits, and so does the topic behind it
            settings.set(Settings.MAX_RETRY_TIME, RETRY_WITHOUT_END);
        }
        if (!settings.isGiven(Settings.SHUTDOWN_TIMEOUT)) {
            // within Connect's task.shutdown.graceful.timeout.ms: what is not delivered by then stays uncommitted in Kafka
            settings.set(Settings.SHUTDOWN_TIMEOUT, STOP_WAIT_DEFAULT);
        }
        // every record is for Mixpanel; Kafka holds what waits, so the sink pauses rather than fill the ring
        settings.set(Settings.SELECTION, Selection.ALL).set(Settings.SHUTDOWN_HOOK, false)
                .set(Settings.OVERFLOW_POLICY, OverflowPolicy.BLOCK).set(Settings.BLOCK_TIMEOUT, Duration.ofSeconds(1));
        MixlogConfig mixlog;
        try {
            mixlog = settings.build();
        } catch (InvalidConfigException e) {
            throw new ConfigException(String.join("; ", prefixed(e.problems())));
        }
        if (mixlog.missingCredentials().isPresent()) {
            throw new ConfigException(PREFIX + Settings.TOKEN.name(), "(not set)", "the sink needs Mixpanel credentials: "
                    + mixlog.missingCredentials().get());
        }
        boolean tolerates = "all".equalsIgnoreCase(String.valueOf(properties.getOrDefault(ERRORS_TOLERANCE, "none")).trim());
        return new SinkSettings(mixlog, Duration.ofMillis((Long) parsed.get(COMMIT_WAIT)), tolerates);
    }

    /** Problems as Mixlog words them, with each setting's name as the sink spells it. */
    private static List<String> prefixed(List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String problem : problems) {
            out.add(problem.startsWith(PREFIX) ? problem : PREFIX + problem);
        }
        return out;
    }

    MixlogConfig mixlog() {
        return mixlog;
    }

    Duration commitWait() {
        return commitWait;
    }

    /** Whether Connect is told to tolerate bad records ({@code errors.tolerance=all}): they then go to its reporter. */
    boolean toleratesErrors() {
        return toleratesErrors;
    }
}
