package com.example.shop.log4j2noappender;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One of six classes run in a row with no Mixlog appender configured. A recorder on an instance field. */
class SubscriptionTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Test
    void recordsItsOwnEvents() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Subscription Recorded", "subscription-user");
    }

    @Test
    void andAgainInTheNextTest() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Subscription Recorded Again", "subscription-user-2");
    }
}
