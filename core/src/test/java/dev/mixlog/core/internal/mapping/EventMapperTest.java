package dev.mixlog.core.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mixlog.core.LogEventReader;
import dev.mixlog.core.MarkerNames;
import dev.mixlog.core.config.MixlogSettings;
import dev.mixlog.core.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Whom a profile or group update is for, what it carries, and how {@code $identify} is built; and
 * events mapped one after another, as the consumer maps them with the mapper's reused state.
 */
class EventMapperTest {
    /** A log event reduced to what the mapper reads. */
    private static final class Logged {
        final String marker;
        final Map<String, Object> context = new LinkedHashMap<>();
        final Map<String, Object> keyValues = new LinkedHashMap<>();

        Logged(String marker) {
            this.marker = marker;
        }

        Logged context(String key, Object value) {
            context.put(key, value);
            return this;
        }

        Logged kv(String key, Object value) {
            keyValues.put(key, value);
            return this;
        }
    }

    private static final LogEventReader<Logged, Logged> READER = new LogEventReader<>() {
        @Override public boolean isMarked(Logged event) { return true; }
        @Override public boolean isBelowWarn(Logged event) { return true; }
        @Override public Logged capture(Logged event) { return event; }
        @Override public long estimatedBytes(Logged event) { return 0; }
        @Override public long timestampMillis(Logged event) { return 1_700_000_000_000L; }
        @Override public String markerName(Logged event) { return event.marker; }
        @Override public String messageTemplate(Logged event) { return "message"; }
        @Override public String formattedMessage(Logged event) { return "message"; }
        @Override public void forEachContextEntry(Logged event, BiConsumer<String, Object> action) {
            event.context.forEach((key, value) -> {
                if (value instanceof Error) {
                    throw (Error) value;
                }
                action.accept(key, value);
            });
        }
        @Override public void forEachKeyValue(Logged event, BiConsumer<String, Object> action) { event.keyValues.forEach(action); }
        @Override public String level(Logged event) { return "INFO"; }
        @Override public String loggerName(Logged event) { return "shop"; }
        @Override public String threadName(Logged event) { return "main"; }
        @Override public String exceptionClass(Logged event) { return null; }
        @Override public String exceptionMessage(Logged event) { return null; }
    };

    private final EventMapper<Logged> mapper =
            new EventMapper<>(READER, new MixlogSettings().text(Settings.TOKEN, "tok").text(Settings.STATIC_PROPERTY, "env=test").build());

    private MappedUpdate update(Logged event) {
        Operation operation = mapper.operation(event);
        return mapper.mapUpdate(event, operation);
    }

    @Test
    void noIdOrPropertyCarriesOverFromOneEventToTheNextNotEvenAfterAnError() {
        MappedEvent first = mapper.map(new Logged("Purchase").kv("distinct_id", "kv-user").kv("sku", "A").context("tenant", "acme"));
        assertEquals("kv-user", first.distinctId());
        assertEquals("{env=test, tenant=acme, sku=A}", first.properties().toString());

        Logged failing = new Logged("Purchase").context("distinct_id", "mdc-user").context("broken", new StackOverflowError());
        assertThrows(StackOverflowError.class, () -> mapper.map(failing), "the consumer counts such an event as invalid");

        MappedEvent anonymous = mapper.map(new Logged("Viewed").kv("page", "/"));
        assertNull(anonymous.distinctId(), "neither the first event's id nor the failed one's");
        assertEquals("{env=test, page=/}", anonymous.properties().toString());

        MappedEvent fromMdc = mapper.map(new Logged("Viewed").context("distinct_id", "mdc-user"));
        assertEquals("mdc-user", fromMdc.distinctId());
    }

    @Test
    void profileUpdatesCarryOnlyTheKeyValuesAndLiftIdIpAndIgnoreTime() {
        Logged logged = new Logged(MarkerNames.profile("$set")).context("distinct_id", "mdc-user").context("tenant", "acme")
                .kv("plan", "pro").kv("$ip", "203.0.113.9").kv("$ignore_time", false).kv("seats", 3);

        MappedUpdate update = update(logged);

        assertEquals("mdc-user", update.distinctId());
        assertEquals(Map.of("plan", "pro", "seats", 3), update.properties(), "no MDC, no static properties");
        assertEquals("203.0.113.9", update.ip());
        assertEquals(false, update.ignoreTime());
        assertEquals("kv-user", update(logged.kv("distinct_id", "kv-user")).distinctId(), "a key-value id wins over the MDC");
    }

    @Test
    void theGroupIdComesFromTheKeyValueNamedByTheGroupKeyElseTheMdc() {
        String marker = MarkerNames.group("company", "$set");
        Logged fromMdc = new Logged(marker).context("company", "mdc-co").kv("name", "Acme");
        assertEquals("mdc-co", update(fromMdc).groupId());
        assertEquals(Map.of("name", "Acme"), update(fromMdc).properties());

        MappedUpdate fromKeyValue = update(fromMdc.kv("company", "kv-co"));
        assertEquals("kv-co", fromKeyValue.groupId());
        assertEquals(Map.of("name", "Acme"), fromKeyValue.properties(), "the group id is not also a property");
    }

    @Test
    void identifyTakesTheDistinctIdAndAnonIdAsText() {
        Logged logged = new Logged(MarkerNames.IDENTIFY).kv("distinct_id", 1234).kv("$anon_id", " device-7 ").kv("plan", "pro");

        MappedEvent identify = mapper.mapIdentify(logged);

        assertEquals("$identify", identify.name());
        assertEquals("1234", identify.distinctId());
        assertEquals(Map.of("$identified_id", "1234", "$anon_id", "device-7"), identify.properties().toMap());
    }

    @Test
    void identifyNeedsBothIds() {
        String marker = MarkerNames.IDENTIFY;
        assertNull(mapper.mapIdentify(new Logged(marker).kv("distinct_id", "u-1")));
        assertNull(mapper.mapIdentify(new Logged(marker).kv("$anon_id", "device-7")));
        assertNull(mapper.mapIdentify(new Logged(marker).kv("distinct_id", "anonymous").kv("$anon_id", "device-7")));
        assertNull(mapper.mapIdentify(new Logged(marker).kv("distinct_id", "u-1").kv("$anon_id", " ")));
        assertEquals("device-7", mapper.mapIdentify(new Logged(marker).kv("distinct_id", "u-1").context("$anon_id", "device-7"))
                .properties().get("$anon_id"), "$anon_id may come from the MDC");
    }
}
