package dev.mixlog.core.config;

import dev.mixlog.core.internal.mixpanel.MixpanelRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every appender setting, each described once with its default, the values it accepts and what it
 * does, in the order the settings table of docs/configuration.md lists them (a test keeps the two equal). Mixpanel's
 * own limits, which some ranges follow, are in {@link MixpanelRules}.
 */
public final class Settings {
    /** The appender's name when the framework gives none. */
    public static final String DEFAULT_NAME = "mixpanel";

    public static final Setting<String> TOKEN = Setting.secret("token",
            "the project token. Authenticates `/import` when no service account is set, and is put in every event for `/track`.");
    public static final Setting<String> SERVICE_ACCOUNT_USERNAME = Setting.text("serviceAccountUsername", "none", null,
            "a service account's user name (recommended for `/import`): Basic authentication with `serviceAccountSecret`, "
                    + "plus `?project_id=`. The three service-account settings go together.");
    public static final Setting<String> SERVICE_ACCOUNT_SECRET = Setting.secret("serviceAccountSecret",
            "the service account's secret.");
    public static final Setting<String> PROJECT_ID = Setting.text("projectId", "none", null,
            "the numeric project id the service account sends to.");
    public static final Setting<String> API_SECRET = Setting.secret("apiSecret",
            "the project's API secret, deprecated by Mixpanel (retired 2027-03-03); used only when neither a service account "
                    + "nor a token is set, with a start-up warning.");
    public static final Setting<Endpoint> ENDPOINT = Setting.choice("endpoint", Endpoint.IMPORT, Endpoint::parse,
            "import or track", "`import` (`POST /import?strict=1`) or `track` (`POST /track?verbose=1&ip=0`).");
    public static final Setting<RequestFormat> REQUEST_FORMAT = Setting.choice("requestFormat", RequestFormat.JSON,
            RequestFormat::parse, "json or form", "`json`, or `form`: `/track`, `/engage` and `/groups` bodies sent as "
                    + "`application/x-www-form-urlencoded` `data=<padded base64 of the JSON array>`, uncompressed, for collectors "
                    + "that accept only Mixpanel's original form. `/import` is always JSON.");
    public static final Setting<Region> REGION = Setting.choice("region", Region.US, Region::parse, "US, EU or IN",
            "`US` (api.mixpanel.com), `EU` (api-eu.mixpanel.com) or `IN` (api-in.mixpanel.com). A project with EU or India "
                    + "residency loses data sent elsewhere.");
    public static final Setting<String> BASE_URL = Setting.text("baseUrl", "none", null,
            "any other host (a test server, a gateway of your own), such as `http://127.0.0.1:8080`; overrides `region`. For a forward proxy, see `proxy`.");
    public static final Setting<String> PROXY = Setting.proxy("proxy", "the JVM's",
            "the HTTP proxy to send through, `http://[user:password@]host:port` (credentials as Basic `Proxy-Authorization`; "
                    + "`https` goes through a `CONNECT` tunnel; percent-encode `@ / : ? # %` in them), or `none` to go straight "
                    + "to the host. By default the first proxy the JVM's `ProxySelector` names (`https.proxyHost`, `http.proxyHost`, "
                    + "`http.nonProxyHosts`, `socksProxyHost`, `java.net.useSystemProxies`), without credentials.");
    public static final Setting<String> KAFKA_TOPIC = Setting.text("kafkaTopic", "none (to Mixpanel over HTTP)", null,
            "a Kafka topic the records go to instead of Mixpanel, for the Kafka Connect sink (`dev.mixlog:mixlog-kafka-connect`) "
                    + "to deliver: each event, profile or group update one record, keyed by its `distinct_id` (group id). Needs "
                    + "`dev.mixlog:mixlog-kafka` on the class path, and no Mixpanel credentials. See [docs/kafka.md](kafka.md).");
    public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.text("kafkaBootstrapServers", "none", null,
            "with `kafkaTopic`: the brokers to connect to first, `host:9092,host2:9092`.");
    public static final Setting<Map<String, String>> KAFKA_PROPERTY = Setting.properties("kafkaProperty",
            "repeatable, `name=value`: a setting of the Kafka producer, passed through (`security.protocol=SSL`, "
                    + "`sasl.jaas.config=...`). The producer is idempotent, with `acks=all`, unless set otherwise here.");
    public static final Setting<Selection> SELECTION = Setting.choice("selection", Selection.MARKER, Selection::parse,
            "marker or all", "`marker`: only log events with the `MIXPANEL` marker or one that references it. `all`: every "
                    + "log event that reaches the appender (zero-code mode; choose with the framework's filters).");
    public static final Setting<Boolean> FOLLOW_LEVELS = Setting.bool("followLevels", false,
            "`false`: a log call with the `MIXPANEL` marker reaches Mixpanel whatever the logger levels (an analytics event "
                    + "is a business fact, not a diagnostic line), and other appenders still see only what the levels let "
                    + "through. On Logback, SLF4J's fluent API (`log.atInfo()`) asks for the level before the marker is known, "
                    + "so its calls follow the levels: log analytics with the classic API (`log.info(marker, ...)`). `true`: "
                    + "marked events follow the levels like any log event. Zero-code mode (`selection=all`) always follows them.");
    public static final Setting<String> DISTINCT_ID_KEY = Setting.text("distinctIdKey", "`distinct_id`", "distinct_id",
            "the key whose value becomes `distinct_id`: key-value pairs first, then the MDC.");
    public static final Setting<Set<String>> MDC_INCLUDE = Setting.keys("mdcInclude", "all keys",
            "repeatable (or comma-separated): only these MDC keys become properties.");
    public static final Setting<Set<String>> MDC_EXCLUDE = Setting.keys("mdcExclude", "none",
            "repeatable (or comma-separated): these MDC keys never become properties.");
    public static final Setting<Map<String, String>> STATIC_PROPERTY = Setting.properties("staticProperty",
            "repeatable, `name=value`: a property sent with every event (`env=prod`); Log4j2: nested `<Property>` elements.");
    public static final Setting<Boolean> INCLUDE_LEVEL = Setting.bool("includeLevel", false,
            "add the property `level`.");
    public static final Setting<Boolean> INCLUDE_LOGGER = Setting.bool("includeLogger", false,
            "add the property `logger`.");
    public static final Setting<Boolean> INCLUDE_THREAD = Setting.bool("includeThread", false,
            "add the property `thread`.");
    public static final Setting<Boolean> INCLUDE_MESSAGE = Setting.bool("includeMessage", false,
            "add the property `message`, the formatted message.");
    public static final Setting<Boolean> INCLUDE_EXCEPTION = Setting.bool("includeException", false,
            "add the properties `exception_class` and `exception_message`.");
    public static final Setting<Integer> MAX_BATCH_EVENTS = Setting.integer("maxBatchEvents",
            MixpanelRules.MAX_BATCH_EVENTS, 1, MixpanelRules.MAX_BATCH_EVENTS, "`2000`",
            "events per request; 1 to 2000 (Mixpanel's maximum).");
    public static final Setting<Long> MAX_BATCH_BYTES = Setting.bytes("maxBatchBytes", MixpanelRules.MAX_BATCH_BYTES, 1024,
            MixpanelRules.MAX_BATCH_BYTES, "`2MiB`",
            "uncompressed body bytes per request; 1KiB to 2MiB (Mixpanel's maximum). Sizes: `512KiB`, `1MB`, `1048576`.");
    public static final Setting<Duration> FLUSH_INTERVAL = Setting.duration("flushInterval", Duration.ofSeconds(1),
            Duration.ofMillis(1), Duration.ofHours(1), "`1s`",
            "the longest the first event of a batch waits before the batch is sent. Durations: `250ms`, `2s`, `1min`.");
    public static final Setting<Boolean> GZIP = Setting.bool("gzip", true,
            "compress request bodies (`Content-Encoding: gzip`, fastest level).");
    public static final Setting<Integer> RING_BUFFER_SIZE = Setting.integer("ringBufferSize", 16384, 64, 1 << 24, "`16384`",
            "ring buffer slots, a power of two from 64. When the ring is full, new events are dropped and counted.");
    public static final Setting<Integer> MAX_IN_FLIGHT = Setting.integer("maxInFlight", 4, 1, 64, "`4`",
            "requests under way at once; beyond that the consumer waits and the ring absorbs the rest.");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.duration("connectTimeout", Duration.ofSeconds(10),
            Duration.ofMillis(1), Duration.ofMinutes(10), "`10s`", "time to open a TCP connection (the TLS handshake then waits like a reply, see `requestTimeout`).");
    public static final Setting<Duration> REQUEST_TIMEOUT = Setting.duration("requestTimeout", Duration.ofSeconds(30),
            Duration.ofMillis(1), Duration.ofMinutes(10), "`30s`",
            "time to wait for the reply to begin, and for each further part of it; the whole exchange, body included, is cut "
                    + "off at twice this. Only the first 64 KiB of a reply body is read.");
    public static final Setting<Boolean> RATE_CONTROL = Setting.bool("rateControl", true,
            "`true`: when Mixpanel answers 429 (or 502/503), the appender sends more slowly, then probes back up while "
                    + "requests succeed, so that the instances of a fleet share the project's rate limit between them (each "
                    + "refused request still waits Mixpanel's 2 s to 60 s backoff; a `Retry-After` pauses every request). "
                    + "`false`: each 429 pauses every request of the appender for the refused request's backoff, and nothing else slows.");
    public static final Setting<Duration> RETRY_INITIAL_BACKOFF = Setting.duration("retryInitialBackoff", Duration.ofSeconds(2),
            Duration.ofMillis(1), Duration.ofHours(1), "`2s`",
            "first retry delay, doubled after each failure, with full jitter (Mixpanel asks for 2 s doubling to 60 s).");
    public static final Setting<Duration> RETRY_MAX_BACKOFF = Setting.duration("retryMaxBackoff", Duration.ofSeconds(60),
            Duration.ofMillis(1), Duration.ofHours(1), "`60s`", "longest retry delay.");
    public static final Setting<Duration> MAX_RETRY_TIME = Setting.duration("maxRetryTime", Duration.ofMinutes(10),
            Duration.ZERO, Duration.ofDays(7), "`10min`",
            "how long one batch may be retried before it is dropped (counted). Time asked for by `Retry-After` does not "
                    + "count against it.");
    public static final Setting<Integer> HOT_SHARD_LIMIT = Setting.integer("hotShardLimit", MixpanelRules.HOT_SHARD_EVENTS, 1,
            Integer.MAX_VALUE, "`200000`", "events a day (UTC) for one `distinct_id` past which Mixpanel files them under "
                    + "`$hotshard_events` (a group id: five times as many). Counted in bounded memory (a sketch of 256 KiB, which "
                    + "may count high, never low); a warning names the id (shortened) at 90% and at the limit, and the events "
                    + "past it are counted (`pastHotShardLimit`).");
    public static final Setting<Boolean> HOT_SHARD_DROP = Setting.bool("hotShardDrop", false,
            "`false`: events past `hotShardLimit` are sent all the same. `true`: they are dropped and counted "
                    + "(reason `hot_shard`).");
    public static final Setting<Set<String>> GROUP_KEYS = Setting.keys("groupKeys", "none",
            "repeatable (or comma-separated): the event properties that are group keys in the project (`company_id`): "
                    + "their values are counted against the group limit of `hotShardLimit`.");
    public static final Setting<Integer> MAX_STRING_LENGTH = Setting.integer("maxStringLength", 255, 1, 65_535, "`255`",
            "longer string values are cut (Mixpanel truncates at 255 anyway).");
    public static final Setting<Duration> SHUTDOWN_TIMEOUT = Setting.duration("shutdownTimeout", Duration.ofSeconds(10),
            Duration.ZERO, Duration.ofHours(1), "`10s`",
            "how long stopping may spend delivering what is buffered, whatever shorter timeout the framework passes.");
    public static final Setting<Boolean> SHUTDOWN_HOOK = Setting.bool("shutdownHook", true,
            "register a JVM shutdown hook that stops the appender, so buffered events are delivered at exit even without "
                    + "the framework's own hook (Log4j2's, when on, stops the appender instead unless this is set).");
    public static final Setting<Duration> REPORT_INTERVAL = Setting.duration("reportInterval", Duration.ofSeconds(10),
            Duration.ofMillis(1), Duration.ofHours(24), "`10s`",
            "least time between repeated status messages about the same kind of drop.");
    public static final Setting<OverflowPolicy> OVERFLOW_POLICY = Setting.choice("overflowPolicy", OverflowPolicy.DROP,
            OverflowPolicy::parse, "drop or block",
            "what an application thread does when the ring is full: `drop` the event (counted as ring full), or `block`: wait "
                    + "up to `blockTimeout` for a free slot, then drop. Mixlog's own threads never wait.");
    public static final Setting<Duration> BLOCK_TIMEOUT = Setting.duration("blockTimeout", Duration.ofMillis(100),
            Duration.ZERO, Duration.ofMinutes(1), "`100ms`",
            "with `overflowPolicy=block`, the longest one log call waits for room; 0 to `1min`.");
    public static final Setting<Integer> DISCARD_THRESHOLD = Setting.integer("discardThreshold", 0, 0, 1 << 24, "`0` (off)",
            "slots: when fewer than this many are free, events below WARN are dropped (counted as discarded) to keep room "
                    + "for WARN and above; 0 to `ringBufferSize`.");
    public static final Setting<Long> MAX_BUFFER_BYTES = Setting.bytes("maxBufferBytes", 64L * 1024 * 1024, 0, 1L << 40,
            "`64MiB`", "bound on the estimated size of the large events waiting in the ring: an event estimated over 4 KiB "
                    + "counts against it, and is dropped (counted as ring full) when it would go beyond. Smaller events are "
                    + "bounded by the slot count alone.");
    public static final Setting<Boolean> PROFILE_IGNORE_TIME = Setting.bool("profileIgnoreTime", true,
            "profile updates carry `$ignore_time: true`, so a server-side update does not move the user's last seen; a "
                    + "`$ignore_time` key-value (map field) on the log call overrides it.");
    public static final Setting<String> SPOOL_DIRECTORY = Setting.text("spoolDirectory", "none (off)", null,
            "a directory of this appender's own where each sealed batch is written (and synced) before it is first sent and "
                    + "removed once settled: batches survive an outage longer than memory holds, a stop that runs out of "
                    + "`shutdownTimeout` and a crash, and are sent at the next start. See [docs/spool.md](spool.md).");
    public static final Setting<Long> SPOOL_MAX_BYTES = Setting.bytes("spoolMaxBytes", 256L * 1024 * 1024, 64 * 1024,
            1L << 50, "`256MiB`", "bound on the disk the spool's batch files take, counted in whole blocks; when full, the oldest waiting batches are dropped "
                    + "(counted as pushed out of the full spool).");
    public static final Setting<Boolean> JMX = Setting.bool("jmx", true,
            "publish the counters as JMX attributes of `dev.mixlog:type=Appender,name=<name>` (the appender's name, quoted as "
                    + "JMX requires: `name=\"MIXPANEL\"`) while the appender runs.");

    private static final List<Setting<?>> ALL = List.of(TOKEN, SERVICE_ACCOUNT_USERNAME, SERVICE_ACCOUNT_SECRET, PROJECT_ID,
            API_SECRET, ENDPOINT, REQUEST_FORMAT, REGION, BASE_URL, PROXY, KAFKA_TOPIC, KAFKA_BOOTSTRAP_SERVERS, KAFKA_PROPERTY, SELECTION, FOLLOW_LEVELS, DISTINCT_ID_KEY, MDC_INCLUDE, MDC_EXCLUDE, STATIC_PROPERTY,
            INCLUDE_LEVEL, INCLUDE_LOGGER, INCLUDE_THREAD, INCLUDE_MESSAGE, INCLUDE_EXCEPTION, MAX_BATCH_EVENTS,
            MAX_BATCH_BYTES, FLUSH_INTERVAL, GZIP, RING_BUFFER_SIZE, MAX_IN_FLIGHT, CONNECT_TIMEOUT, REQUEST_TIMEOUT, RATE_CONTROL,
            RETRY_INITIAL_BACKOFF, RETRY_MAX_BACKOFF, MAX_RETRY_TIME, HOT_SHARD_LIMIT, HOT_SHARD_DROP, GROUP_KEYS, MAX_STRING_LENGTH, SHUTDOWN_TIMEOUT, SHUTDOWN_HOOK,
            REPORT_INTERVAL, OVERFLOW_POLICY, BLOCK_TIMEOUT, DISCARD_THRESHOLD, MAX_BUFFER_BYTES, PROFILE_IGNORE_TIME,
            SPOOL_DIRECTORY, SPOOL_MAX_BYTES, JMX);

    private Settings() {
    }

    /** Every setting, in the documented order. */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** The setting of this name, or {@code null}. */
    public static Setting<?> named(String name) {
        for (Setting<?> setting : ALL) {
            if (setting.name().equals(name)) {
                return setting;
            }
        }
        return null;
    }
}
