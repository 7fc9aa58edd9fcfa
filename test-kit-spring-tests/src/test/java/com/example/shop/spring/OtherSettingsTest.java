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

/** Another application context, with other mixlog.* settings: its own distinct-id key and static properties. */
@SpringBootTest(properties = {"mixlog.distinct-id-key=user", "mixlog.static-properties.app=admin"})
@ExtendWith(OutputCaptureExtension.class)
@Order(3)
class OtherSettingsTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsWithThisContextsSettings(CapturedOutput output) {
        signUps.signUpUnderUserKey("u-3", "team");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-3").withProperty("app", "admin").times(1);
        TestLog.saysNothingOfSending(output);
    }
}
