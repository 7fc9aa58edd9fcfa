package com.example.shop.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The recorder on an instance field: active for each test alone. */
class PerTestRecorderTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @Test
    void recordsThisTestsEvents() {
        new Accounts().signUp("u-7", "free", 1);

        assertEquals(1, mixpanel.events().size());
        assertEquals("free", mixpanel.events().get(0).property("plan"));
    }

    @Test
    void andNothingOfTheOtherTests() {
        assertEquals(0, mixpanel.events().size());
        new Accounts().joinCompany("u-8", "globex", "Globex");
        assertEquals("globex", mixpanel.groupUpdates().get(0).groupId());
    }
}
