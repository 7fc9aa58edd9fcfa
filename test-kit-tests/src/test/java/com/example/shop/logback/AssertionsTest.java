package com.example.shop.logback;

import static dev.mixlog.test.MixpanelAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The kit's assertions, and the messages they fail with: what was recorded instead, and what was dropped. */
class AssertionsTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private final Accounts accounts = new Accounts();

    @Test
    void chainedAssertionsNarrowTheEvents() {
        accounts.signUp("u-1", "pro", 5);
        accounts.signUp("u-2", "free", 1);

        assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-1").withProperty("seats", 5L).withProperty("plan", "pro")
                .times(1)
                .and().hasEvents("Signed Up", 2).hasNoEvent("Checkout Failed").droppedNothing()
                .hasProfileUpdate("$set").withDistinctId("u-2").withValue("plan", "free");
    }

    @Test
    void aMissingEventIsReportedWithWhatWasRecordedInstead() {
        accounts.signUp("u-1", "pro", 5);
        accounts.forgetTheUser("pro");

        AssertionError failure = assertThrows(AssertionError.class, () -> assertThat(mixpanel).hasEvent("Signed up!"));
        String message = failure.getMessage();
        assertTrue(message.startsWith("expected an event named \"Signed up!\", but this test recorded none."), message);
        assertTrue(message.contains("events recorded: \"Signed Up\" x1"), message);
        assertTrue(message.contains("closest name: \"Signed Up\""), message);
        assertTrue(message.contains("dropped while the test ran: 1 invalid (invalid event)"), message);
        assertEquals(1, mixpanel.dropped(DropReason.INVALID));
    }

    @Test
    void aPropertyThatDiffersIsReportedWithTheCandidates() {
        accounts.signUp("u-1", "pro", 5);

        AssertionError failure = assertThrows(AssertionError.class,
                () -> assertThat(mixpanel).hasEvent("Signed Up").withProperty("seats", 6));
        assertTrue(failure.getMessage().startsWith("expected an event Signed Up with seats=6, but none of the 1 has it:"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("\"seats\":5"), failure.getMessage());
    }
}
