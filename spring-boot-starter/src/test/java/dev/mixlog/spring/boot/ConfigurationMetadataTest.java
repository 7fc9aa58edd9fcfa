package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.api.Test;

/**
 * The configuration metadata IDEs read ({@code META-INF/spring-configuration-metadata.json}) is the
 * settings' descriptors: one {@code mixlog.*} property per {@link Setting}, with its default and its
 * sentence, plus {@code mixlog.enabled} and the {@code mixlog.static-properties} map. Run with
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

    private static JsonNode metadata() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("groups").addObject().put("name", SpringSettings.PREFIX)
                .put("description", "Mixlog: log events sent to Mixpanel by the appender the starter attaches.");
        ArrayNode properties = root.putArray("properties");
        properties.addObject().put("name", SpringSettings.ENABLED).put("type", "java.lang.Boolean")
                .put("description", "Whether the starter attaches a Mixpanel appender.").put("defaultValue", true);
        for (Setting<?> setting : Settings.all()) {
            if (setting == Settings.STATIC_PROPERTY) {
                properties.addObject().put("name", SpringSettings.STATIC_PROPERTIES)
                        .put("type", "java.util.Map<java.lang.String,java.lang.String>")
                        .put("description", "Properties sent with every event, such as mixlog.static-properties.env=prod.");
                continue;
            }
            ObjectNode property = properties.addObject().put("name", SpringSettings.propertyName(setting))
                    .put("type", setting.isRepeatable() ? "java.util.List<java.lang.String>" : "java.lang.String")
                    .put("description", plain(setting.documentation()));
            if (setting.defaultText().startsWith("`")) {
                property.put("defaultValue", plain(setting.defaultText()));
            }
        }
        return root;
    }

    private static String plain(String markdown) {
        String text = markdown.replace("`", "");
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
