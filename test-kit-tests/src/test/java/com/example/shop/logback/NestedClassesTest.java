package com.example.shop.logback;

import static dev.mixlog.test.MixpanelAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A recorder on a static field of a class with {@code @Nested} classes, and events logged in
 * {@code @BeforeAll}: each test starts empty and sees its own events, in the outer class and in the
 * nested ones, and the class's own events stay out of its tests.
 */
class NestedClassesTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    @BeforeAll
    static void signUpAUserForTheWholeClass() {
        new Accounts().signUp("u-class", "pro", 1);
    }

    @Test
    void theOuterTestSeesOnlyItsOwnEvents() {
        new Accounts().signUp("u-outer", "free", 1);

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-outer").times(1);
        assertEquals(1, mixpanel.events().size(), () -> mixpanel.events().toString());
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Upgrades {
        @BeforeAll
        void signUpAnotherUserForTheNestedClass() {
            new Accounts().signUp("u-nested-class", "team", 1);
        }

        @Test
        void aNestedTestSeesOnlyItsOwnEvents() {
            new Accounts().signUp("u-nested", "team", 2);

            assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-nested").withProperty("seats", 2).times(1);
            assertEquals(1, mixpanel.events().size(), () -> mixpanel.events().toString());
        }

        @Test
        void andSoDoesTheNextOne() {
            assertEquals(0, mixpanel.events().size(), () -> mixpanel.events().toString());
        }
    }

    @Nested
    class AfterTheNestedClasses {
        @Test
        void theRecorderStillRecords() {
            new Accounts().signUp("u-after", "free", 1);

            assertThat(mixpanel).hasEvents("Signed Up", 1).hasEvent("Signed Up").withDistinctId("u-after");
        }
    }
}
