package com.example.shop.spring;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.springframework.boot.test.system.CapturedOutput;

/** Nothing in a recording test's log may suggest that events go to Mixpanel, or that Mixlog is missing a token. */
final class TestLog {
    private TestLog() {
    }

    static void saysNothingOfSending(CapturedOutput output) {
        String log = output.getAll();
        for (String phrase : new String[] {"sends events to", "sending events to", "mixlog.token is not set", "disabled, nothing is sent",
                "do not apply to it"}) {
            assertFalse(log.contains(phrase), () -> "the test log says \"" + phrase + "\":\n" + log);
        }
    }
}
