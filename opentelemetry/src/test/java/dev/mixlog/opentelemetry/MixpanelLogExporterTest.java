package dev.mixlog.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SDK configured as users configure it ({@code otel.logs.exporter=mixpanel} and
 * {@code otel.exporter.mixpanel.*}, through autoconfigure): records named by the event-name field, by
 * the {@code event.name} attribute and by a captured Logback marker arrive as events with typed
 * properties and trace ids; unnamed records stay out; closing the SDK delivers what is buffered.
 */
@ExtendWith(LoopbackMixpanelExtension.class)
class MixpanelLogExporterTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;

    private Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.logs.exporter", "mixpanel");
        properties.put("otel.traces.exporter", "none");
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.service.name", "shop");
        properties.put("otel.exporter.mixpanel.token", "otel-test-token");
        properties.put("otel.exporter.mixpanel.base-url", server.url());
        properties.put("otel.exporter.mixpanel.jmx", "false");
        properties.put("otel.exporter.mixpanel.resource-attributes", "service.name");
        return properties;
    }

    @Test
    void namedRecordsBecomeEventsWithTypedPropertiesAndTraceIds() {
        OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(this::properties)
                .disableShutdownHook().build().getOpenTelemetrySdk();
        Logger logger = sdk.getLogsBridge().get("shop.signups");
        Instant at = Instant.parse("2026-12-01T10:15:30.123Z");
        logger.logRecordBuilder().setEventName("Signed Up").setTimestamp(at).setSeverity(Severity.INFO).setBody("user signed up")
                .setAttribute(AttributeKey.stringKey("distinct_id"), "u-1").setAttribute(AttributeKey.longKey("seats"), 5L)
                .setAttribute(AttributeKey.booleanKey("trial"), true).setAttribute(AttributeKey.doubleKey("price"), 9.5)
                .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b")).emit();
        logger.logRecordBuilder().setAttribute(AttributeKey.stringKey("event.name"), "Plan Changed")
                .setAttribute(AttributeKey.stringKey("enduser.id"), "u-2").setBody("plan changed").emit();
        Context inSpan = Span.wrap(SpanContext.create(TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault()))
                .storeInContext(Context.root());
        logger.logRecordBuilder().setContext(inSpan).setAttribute(AttributeKey.stringArrayKey("logback.marker"), List.of("Checked Out"))
                .setAttribute(AttributeKey.stringKey("distinct_id"), "u-3").setBody("checked out").emit();
        logger.logRecordBuilder().setBody("an ordinary log line").setAttribute(AttributeKey.stringKey("distinct_id"), "u-4").emit();
        // closing the SDK drains its batch processor and stops the exporter, which delivers what it holds
        sdk.close();

        Map<String, JsonNode> events = server.acceptedRecords("/import").stream()
                .collect(Collectors.toMap(event -> event.path("event").asText(), event -> event));
        assertEquals(List.of("Checked Out", "Plan Changed", "Signed Up"), events.keySet().stream().sorted().collect(Collectors.toList()),
                "the named records, and no other");
        JsonNode signedUp = events.get("Signed Up").path("properties");
        assertEquals("u-1", signedUp.path("distinct_id").asText());
        assertTrue(signedUp.path("seats").isIntegralNumber() && signedUp.path("seats").asLong() == 5, signedUp::toString);
        assertTrue(signedUp.path("trial").isBoolean() && signedUp.path("trial").asBoolean(), signedUp::toString);
        assertEquals(9.5, signedUp.path("price").asDouble());
        assertEquals("[\"a\",\"b\"]", signedUp.path("tags").toString());
        assertEquals(at.toEpochMilli(), signedUp.path("time").asLong(), "the record's own time");
        assertEquals("shop", signedUp.path("service.name").asText(), "the chosen resource attribute");
        assertEquals("u-2", events.get("Plan Changed").path("properties").path("distinct_id").asText(), "enduser.id, when no distinct_id");
        JsonNode checkedOut = events.get("Checked Out").path("properties");
        assertEquals(TRACE_ID, checkedOut.path("trace_id").asText());
        assertEquals(SPAN_ID, checkedOut.path("span_id").asText());
        assertTrue(server.violations().isEmpty(), () -> "what Mixpanel would refuse: " + server.violations());
    }

    @Test
    void aBadSettingFailsTheSdksConfigurationNamingIt() {
        Map<String, String> properties = properties();
        properties.put("otel.exporter.mixpanel.max-batch-events", "lots");
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> properties).disableShutdownHook().build());
        assertTrue(refused.getMessage().contains("maxBatchEvents"), refused.getMessage());
    }
}
