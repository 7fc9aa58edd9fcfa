package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.core.config.Setting;
import dev.mixlog.core.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.unit.DataSize;

/**
 * The configuration metadata IDEs read ({@code META-INF/spring-configuration-metadata.json}) is the
 * settings' descriptors: one {@code mixlog.*} property per {@link Setting}, with the type Spring binds it
 * to (booleans, integers, durations, data sizes), its exact default, the values it accepts as hints,
 * and its sentence, plus {@code mixlog.enabled} and the {@code mixlog.static-properties} and
 * {@code mixlog.kafka-properties} maps. Run with
 * {@code -Dmixlog.metadata.write=true} to write the file from the descriptors after changing one.
 */
class ConfigurationMetadataTest {
    private static final Path FILE = Path.of("src", "main", "resources", "META-INF", "spring-configuration-metadata.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMetadataIsTheDescriptors() throws IOException {
        String expected = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(metadata()) + "\n";
        if (Boolean.getBoolean("mixlog.metadata.write")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        assertEquals(expected, Files.readString(FILE, StandardCharsets.UTF_8),
                "spring-configuration-metadata.json; -Dmixlog.metadata.write=true writes it from Settings");
    }

    @Test
    void everySettingIsReadFromItsKebabCaseProperty() {
        assertEquals("mixlog.max-batch-events", SpringSettings.propertyName(Settings.MAX_BATCH_EVENTS));
        assertEquals("mixlog.service-account-username", SpringSettings.propertyName(Settings.SERVICE_ACCOUNT_USERNAME));
        assertEquals("mixlog.base-url", SpringSettings.propertyName(Settings.BASE_URL));
        assertEquals("mixlog.token", SpringSettings.propertyName(Settings.TOKEN));
    }

    /**
     * Reads the metadata as an IDE does: each property's type is a class Spring can bind to, its default
     * converts to that type with Spring's own conversion and is the setting's default, and every value
     * it suggests is one the starter accepts; no default is shown in another case than the one to write.
     */
    @Test
    void anIdeReadsTypesDefaultsAndHintsThatTheStarterAccepts() throws Exception {
        JsonNode metadata = JSON.readTree(FILE.toFile());
        ConversionService conversion = ApplicationConversionService.getSharedInstance();
        Map<String, List<String>> hints = new HashMap<>();
        for (JsonNode hint : metadata.path("hints")) {
            List<String> values = new ArrayList<>();
            hint.path("values").forEach(value -> values.add(value.path("value").asText()));
            hints.put(hint.path("name").asText(), values);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        for (Setting<?> setting : Settings.all()) {
            if (setting == Settings.STATIC_PROPERTY || setting == Settings.KAFKA_PROPERTY) {
                continue;
            }
            String name = SpringSettings.propertyName(setting);
            JsonNode property = properties.get(name);
            assertNotNull(property, name);
            Class<?> type = Class.forName(property.path("type").asText().replaceAll("<.*", ""));
            JsonNode shown = property.get("defaultValue");
            if (shown != null) {
                Object converted = conversion.convert(shown.isTextual() ? shown.asText() : shown.toString(), type);
                assertEquals(typedDefault(setting), comparable(converted), name + ": the default an IDE shows, converted by Spring");
                assertEquals(setting.defaultValue(), read(setting, shown.asText()), name + ": the default as the starter reads it");
            } else {
                assertNull(setting.defaultValue() instanceof Set || setting.defaultValue() instanceof Map ? null
                        : setting.defaultValue(), name + " has a default the metadata does not show");
            }
            for (String value : hints.getOrDefault(name, List.of())) {
                assertNotNull(read(setting, value), name + " accepts the suggested " + value);
            }
            assertEquals(setting.choices(), hints.getOrDefault(name, List.of()), name + ": the values suggested");
        }
    }

    /** The value the starter's appender gets for this setting when the property is set to this text. */
    private static Object read(Setting<?> setting, String text) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(SpringSettings.propertyName(setting), text)));
        return SpringSettings.from(environment).check().get(setting);
    }

    /** A setting's default, in the form Spring's conversion gives for the metadata's type. */
    private static Object typedDefault(Setting<?> setting) {
        Object value = setting.defaultValue();
        return value instanceof Enum ? setting.choices().get(0) : value;
    }

    private static Object comparable(Object converted) {
        return converted instanceof DataSize ? ((DataSize) converted).toBytes() : converted;
    }

    private static JsonNode metadata() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("groups").addObject().put("name", SpringSettings.PREFIX)
                .put("description", "Mixlog: log events sent to Mixpanel by the appender the starter attaches.");
        ArrayNode properties = root.putArray("properties");
        ArrayNode hints = JSON.createArrayNode();
        properties.addObject().put("name", SpringSettings.ENABLED).put("type", "java.lang.Boolean")
                .put("description", "Whether the starter attaches a Mixpanel appender.").put("defaultValue", true);
        for (Setting<?> setting : Settings.all()) {
            if (setting == Settings.STATIC_PROPERTY) {
                properties.addObject().put("name", SpringSettings.STATIC_PROPERTIES)
                        .put("type", "java.util.Map<java.lang.String,java.lang.String>")
                        .put("description", "Properties sent with every event, such as mixlog.static-properties.env=prod.");
                continue;
            }
            if (setting == Settings.KAFKA_PROPERTY) {
                properties.addObject().put("name", SpringSettings.KAFKA_PROPERTIES)
                        .put("type", "java.util.Map<java.lang.String,java.lang.String>")
                        .put("description", "Kafka producer settings passed through with kafka-topic, such as "
                                + "mixlog.kafka-properties.security.protocol=SSL.");
                continue;
            }
            String name = SpringSettings.propertyName(setting);
            Object value = setting.defaultValue();
            ObjectNode property = properties.addObject().put("name", name).put("type", springType(setting))
                    .put("description", plain(setting.documentation()));
            if (value instanceof Boolean) {
                property.put("defaultValue", (Boolean) value);
            } else if (value instanceof Integer) {
                property.put("defaultValue", (Integer) value);
            } else if (value instanceof Long) {
                property.put("defaultValue", dataSize((Long) value));
            } else if (value instanceof Duration) {
                property.put("defaultValue", duration((Duration) value));
            } else if (value instanceof Enum) {
                property.put("defaultValue", setting.choices().get(0));
            } else if (value instanceof String) {
                property.put("defaultValue", (String) value);
            }
            if (!setting.choices().isEmpty()) {
                ArrayNode values = hints.addObject().put("name", name).putArray("values");
                setting.choices().forEach(choice -> values.addObject().put("value", choice));
            }
        }
        root.set("hints", hints);
        return root;
    }

    /** The type Spring binds the property to, so that IDEs complete and check it. */
    private static String springType(Setting<?> setting) {
        Object value = setting.defaultValue();
        if (setting.isRepeatable()) {
            return "java.util.List<java.lang.String>";
        } else if (value instanceof Boolean) {
            return "java.lang.Boolean";
        } else if (value instanceof Integer) {
            return "java.lang.Integer";
        } else if (value instanceof Long) {
            return "org.springframework.util.unit.DataSize";
        } else if (value instanceof Duration) {
            return "java.time.Duration";
        }
        return "java.lang.String";
    }

    /** A size as Spring writes a {@code DataSize}, in the largest unit that holds it whole (a kilobyte is 1024 bytes). */
    private static String dataSize(long bytes) {
        String[] units = {"GB", "MB", "KB"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (3 - i));
            if (bytes != 0 && bytes % unit == 0) {
                return bytes / unit + units[i];
            }
        }
        return bytes + "B";
    }

    /** A duration as Spring writes one, in the largest unit that holds it whole. */
    private static String duration(Duration duration) {
        long millis = duration.toMillis();
        long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (millis != 0 && millis % sizes[i] == 0) {
                return millis / sizes[i] + units[i];
            }
        }
        return millis + "ms";
    }

    private static String plain(String markdown) {
        String text = markdown.replace("`", "");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
