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

/** No token, as on a CI machine: the starter's appender records, with the application's settings. */
@SpringBootTest(properties = "mixlog.static-properties.app=shop")
@ExtendWith(OutputCaptureExtension.class)
@Order(1)
class TokenlessTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsTheApplicationsEventWithItsSettings(CapturedOutput output) {
        signUps.signUp("u-1", "pro");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-1").withProperty("app", "shop").withProperty("plan", "pro")
                .times(1);
        TestLog.saysNothingOfSending(output);
    }
}
