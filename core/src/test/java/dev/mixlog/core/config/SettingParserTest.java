package dev.mixlog.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The text of a single setting, as written in XML, turned into its typed value. */
class SettingParserTest {

    @ParameterizedTest(name = "\"{0}\" is {1} ms")
    @CsvSource({
        "500ms, 500",
        "2s, 2000",
        "1min, 60000",
        "250, 250",
        "1.5s, 1500",
        "10 min, 600000",
        "1 second, 1000",
        "3 seconds, 3000",
        "1h, 3600000",
        "1d, 86400000",
        "PT2S, 2000",
        "PT0.5S, 500",
        "pt1m30s, 90000",
        "' 100ms ', 100",
        "0, 0",
    })
    void parsesDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), SettingParser.duration(text));
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(strings = {"abc", "", "5 parsecs", "-1s", "1s2", "ms", "1,5s", "PT-1S", "P", "PTS"})
    void refusesWhatIsNotADuration(String text) {
        assertThrows(IllegalArgumentException.class, () -> SettingParser.duration(text));
    }

    @ParameterizedTest(name = "\"{0}\" is {1} bytes")
    @CsvSource({
        "2MiB, 2097152",
        "512KiB, 524288",
        "500KB, 512000",
        "1MB, 1048576",
        "2GB, 2147483648",
        "1TB, 1099511627776",
        "1048576, 1048576",
        "64k, 65536",
        "1.5MiB, 1572864",
        "8 KiB, 8192",
        "100b, 100",
    })
    void parsesSizes(String text, long bytes) {
        assertEquals(bytes, SettingParser.bytes(text));
    }

    @ParameterizedTest(name = "\"{0}\" is not a size")
    @ValueSource(strings = {"two megabytes", "", "-1KiB", "1PB", "KiB"})
    void refusesWhatIsNotASize(String text) {
        assertThrows(IllegalArgumentException.class, () -> SettingParser.bytes(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "yes", "on", " true "})
    void readsTrue(String text) {
        assertTrue(SettingParser.bool(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "False", "no", "off"})
    void readsFalse(String text) {
        assertFalse(SettingParser.bool(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maybe", "1", ""})
    void refusesOtherBooleans(String text) {
        assertThrows(IllegalArgumentException.class, () -> SettingParser.bool(text));
    }

    @ParameterizedTest
    @CsvSource({"100, 100", "16_384, 16384", "' 42 ', 42"})
    void parsesWholeNumbers(String text, int value) {
        assertEquals(value, SettingParser.integer(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "lots", "99999999999"})
    void refusesOtherNumbers(String text) {
        assertThrows(IllegalArgumentException.class, () -> SettingParser.integer(text));
    }
}
