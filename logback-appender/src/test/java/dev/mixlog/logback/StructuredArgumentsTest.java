package dev.mixlog.logback;

import static net.logstash.logback.argument.StructuredArguments.array;
import static net.logstash.logback.argument.StructuredArguments.defer;
import static net.logstash.logback.argument.StructuredArguments.entries;
import static net.logstash.logback.argument.StructuredArguments.fields;
import static net.logstash.logback.argument.StructuredArguments.keyValue;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static net.logstash.logback.argument.StructuredArguments.raw;
import static net.logstash.logback.argument.StructuredArguments.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.TypedProperties;
import dev.mixlog.slf4j.MixpanelMarkers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.logstash.logback.argument.StructuredArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * logstash-logback-encoder's structured arguments, as a service that already logs with them writes
 * them (a LogstashEncoder file beside the Mixpanel appender): each field arrives as a property with
 * the JSON type it has in logstash's own output, and {@code kv} sends the same bytes as the typed way.
 * CI runs this class again with logstash-logback-encoder 9 (Jackson 3); the build's own is 8 (Jackson 2).
 */
class StructuredArgumentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();

    @TempDir
    Path directory;

    @Test
    void keyValueArgumentsSendTheSameJsonAsTheTypedWay() {
        LogbackHarness logback = configure();
        Object[] arguments = TypedProperties.arguments(StructuredArguments::kv);

        logback.logger().info(MixpanelMarkers.event("Signed Up"), "signed up {} {}", arguments);
        logback.stop();

        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(1, events.size());
        assertEquals(TypedProperties.EXPECTED_JSON, TypedProperties.propertiesJson(events.get(0)));
        assertEquals(1, logback.stats().delivered() + logback.stats().droppedTotal());
    }

    @Test
    void everyKindOfArgumentArrivesAsLogstashWritesIt() throws Exception {
        LogbackHarness logback = configure();
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_seats", 50);
        limits.put("sso", false);

        logback.logger().info(MixpanelMarkers.event("Plan Changed"), "plan {} for {}",
                value("plan", "team"), keyValue("account", 42L),
                entries(limits), fields(new Billing("EUR", 19.99)), array("regions", "eu", "us"),
                raw("flags", "{\"beta\":true,\"cohort\":[1,2]}"), defer(() -> kv("source", "web")));
        logback.stop();

        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(1, events.size());
        JsonNode properties = events.get(0).path("properties");
        JsonNode logstash = JSON.readTree(Files.readAllLines(directory.resolve("app.json")).get(0));
        List<String> fields = List.of("plan", "account", "max_seats", "sso", "currency", "amount", "regions", "flags", "source");
        for (String field : fields) {
            assertTrue(logstash.has(field), "logstash wrote " + field + ": " + logstash);
            assertEquals(logstash.get(field), properties.get(field), field + " as in logstash's JSON: " + properties);
        }
        assertTrue(properties.get("account").isIntegralNumber() && properties.get("amount").isDouble()
                && properties.get("sso").isBoolean() && properties.get("regions").isArray() && properties.get("flags").isObject(),
                properties.toString());
        assertEquals(1, logback.stats().delivered() + logback.stats().droppedTotal());
    }

    @Test
    void inZeroCodeModeUnmarkedCallsSendTheirArgumentsToo() {
        LogbackHarness logback = fixture.configure("structured-arguments.xml", Map.of("mockUrl", fixture.server().url(),
                "logstashFile", directory.resolve("app.json").toString(), "selection", "all"));

        logback.logger().info("checkout {} {}", kv("distinct_id", "u-7"), kv("total", 42.5));
        logback.stop();

        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(1, events.size());
        assertEquals("checkout {} {}", events.get(0).path("event").asText());
        assertEquals("{\"distinct_id\":\"u-7\",\"total\":42.5}", TypedProperties.propertiesJson(events.get(0)));
        assertEquals(1, logback.stats().delivered() + logback.stats().droppedTotal());
    }

    @Test
    void anArgumentThatCannotWriteItselfDropsItsEventAsInvalidAndSaysWhich() {
        // Mixlog's appender alone: logstash's own encoder lets such an Error through to the caller
        LogbackHarness logback = fixture.configure("typed-properties.xml");
        Logger log = logback.logger();

        log.info(MixpanelMarkers.event("Broken"), "broken {}", kv("billing", new Unwritable()));
        log.info(MixpanelMarkers.event("Erring"), "erring {}", kv("billing", new ThrowsAnError()));
        log.info(MixpanelMarkers.event("Huge"), "huge {}", kv("text", "x".repeat(2 * 1024 * 1024)));
        log.info(MixpanelMarkers.event("Fine"), "fine {}", kv("seats", 3));
        String warning = logback.awaitStatus(Status.WARN, "could not turn a log event into a Mixpanel event");
        logback.stop();

        assertTrue(warning.contains("structured argument"), warning);
        List<JsonNode> events = fixture.server().acceptedEvents();
        assertEquals(1, events.size());
        assertEquals(3, events.get(0).path("properties").path("seats").intValue());
        MixlogStats stats = logback.stats();
        assertEquals(3, stats.dropped(DropReason.INVALID), stats.toString());
        assertEquals(4, stats.delivered() + stats.droppedTotal(), stats.toString());
    }

    private LogbackHarness configure() {
        return fixture.configure("structured-arguments.xml",
                Map.of("mockUrl", fixture.server().url(), "logstashFile", directory.resolve("app.json").toString()));
    }

    /** Written by {@code fields(...)} as its two properties. */
    public static final class Billing {
        private final String currency;
        private final double amount;

        Billing(String currency, double amount) {
            this.currency = currency;
            this.amount = amount;
        }

        public String getCurrency() {
            return currency;
        }

        public double getAmount() {
            return amount;
        }
    }

    /** A value whose getter throws an {@code Error}, which Jackson passes on unwrapped. */
    public static final class ThrowsAnError {
        public String getName() {
            throw new AssertionError("a getter that fails hard");
        }
    }

    /** A value whose serialization fails, as a getter of a lazily loaded entity may. */
    public static final class Unwritable {
        public String getName() {
            throw new IllegalStateException("session closed");
        }
    }
}
