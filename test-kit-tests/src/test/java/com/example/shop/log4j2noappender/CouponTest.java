package com.example.shop.log4j2noappender;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One of six classes run in a row with no Mixlog appender configured. A recorder on an instance field. */
class CouponTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Test
    void recordsItsOwnEvents() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Coupon Recorded", "coupon-user");
    }

    @Test
    void andAgainInTheNextTest() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Coupon Recorded Again", "coupon-user-2");
    }
}
