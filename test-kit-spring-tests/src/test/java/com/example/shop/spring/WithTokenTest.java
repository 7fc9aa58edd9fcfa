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
 * A token set, as on a developer's machine, and an EU project: the recorder still takes every batch,
 * nothing is sent, and the log says nothing of sending.
 */
@SpringBootTest(properties = {"mixlog.token=a-real-looking-token", "mixlog.region=EU", "mixlog.static-properties.app=shop-with-token"})
@ExtendWith(OutputCaptureExtension.class)
@Order(2)
class WithTokenTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsInsteadOfSending(CapturedOutput output) {
        signUps.signUp("u-2", "free");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-2").withProperty("app", "shop-with-token").times(1)
                .and().droppedNothing();
        TestLog.saysNothingOfSending(output);
    }
}
