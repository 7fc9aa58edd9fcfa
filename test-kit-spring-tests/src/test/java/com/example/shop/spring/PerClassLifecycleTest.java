package com.example.shop.spring;

import static dev.mixlog.test.MixpanelAssertions.assertThat;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One test instance for the whole class, as Spring's Kotlin guide recommends: JUnit makes the instance,
 * and so Spring starts the context, before any callback of the class runs. Its own context, no token.
 */
@SpringBootTest(properties = {"mixlog.static-properties.app=per-class", "mixlog.distinct-id-key=user"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(6)
class PerClassLifecycleTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Autowired
    SignUps signUps;

    @Test
    void recordsWithThisContextsSettings() {
        signUps.signUpUnderUserKey("u-6", "team");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-6").withProperty("app", "per-class").times(1)
                .and().droppedNothing();
    }

    @Test
    void eachTestStartsEmpty() {
        signUps.signUpUnderUserKey("u-7", "team");

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-7").times(1).and().hasEvents("Signed Up", 1);
    }
}
