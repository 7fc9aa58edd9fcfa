package dev.mixlog.core.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Retry-After} as Mixpanel (delay-seconds) and proxies (HTTP date) send it. */
class RetryAfterTest {

    @Test
    void readsDelaySeconds() {
        assertEquals(Duration.ofSeconds(1), MixpanelTransport.parseRetryAfter("1"));
        assertEquals(Duration.ofSeconds(120), MixpanelTransport.parseRetryAfter(" 120 "));
        assertEquals(Duration.ZERO, MixpanelTransport.parseRetryAfter("0"));
    }

    @Test
    void readsAnHttpDateAsTheDelayUntilThen() {
        String inThirtySeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));

        Duration delay = MixpanelTransport.parseRetryAfter(inThirtySeconds);

        assertTrue(delay.compareTo(Duration.ofSeconds(25)) > 0 && delay.compareTo(Duration.ofSeconds(30)) <= 0,
                () -> inThirtySeconds + " read as " + delay);
    }

    @Test
    void readsAnImfFixdateInGmt() {
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2);
        String imfFixdate = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH).format(at);

        Duration delay = MixpanelTransport.parseRetryAfter(imfFixdate);

        assertTrue(delay != null && delay.compareTo(Duration.ofSeconds(100)) > 0, () -> imfFixdate + " read as " + delay);
    }

    @Test
    void aDateInThePastMeansNow() {
        assertEquals(Duration.ZERO, MixpanelTransport.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "soon", "", "1.5", "Wed, 99 Oct 2015 07:28:00 GMT"})
    void unreadableValuesAreIgnored(String value) {
        assertNull(MixpanelTransport.parseRetryAfter(value));
    }
}
