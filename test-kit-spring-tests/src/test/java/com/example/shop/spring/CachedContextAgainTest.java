package com.example.shop.spring;

import static dev.mixlog.test.MixpanelAssertions.assertThat;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The first class's context again, from Spring's cache, after another context with other settings
 * ran: the recorded event has this context's settings, none of the other's.
 */
@SpringBootTest(properties = "mixlog.static-properties.app=shop")
@ExtendWith(OutputCaptureExtension.class)
@Order(4)
class CachedContextAgainTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsWithItsOwnContextsSettings(CapturedOutput output) {
        signUps.signUp("u-4", "pro");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-4").withProperty("app", "shop").times(1);
        TestLog.saysNothingOfSending(output);
    }
}
