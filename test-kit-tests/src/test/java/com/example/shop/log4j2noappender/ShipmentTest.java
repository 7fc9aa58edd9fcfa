package com.example.shop.log4j2noappender;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One of six classes run in a row with no Mixlog appender configured. A recorder on a static field. */
class ShipmentTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    @Test
    void recordsItsOwnEvents() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Shipment Recorded", "shipment-user");
    }

    @Test
    void andAgainInTheNextTest() {
        SuiteChecks.recordsExactlyItsOwn(mixpanel, "Shipment Recorded Again", "shipment-user-2");
    }
}
