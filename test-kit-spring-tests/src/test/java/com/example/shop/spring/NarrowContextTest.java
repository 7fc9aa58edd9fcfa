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
 * A narrow context of one bean, started fresh for this class, with no token and a recorder per test
 * (instance registration: the recorder itself starts only after Spring started the context, so the
 * kit's Spring listener has to be in place before): the starter's appender still records, with this
 * context's settings.
 */
@SpringBootTest(classes = SignUps.class, properties = {"mixlog.include-logger=true", "mixlog.static-properties.app=narrow"})
@ExtendWith(OutputCaptureExtension.class)
@Order(5)
class NarrowContextTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsWithThisContextsSettings(CapturedOutput output) {
        signUps.signUp("u-5", "pro");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-5").withProperty("app", "narrow")
                .withProperty("logger", SignUps.class.getName()).times(1).and().droppedNothing();
        TestLog.saysNothingOfSending(output);
    }
}
