package com.example.shop.parallel;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A recorder on an instance field, active for each test alone, the tests running at the same time as the others. */
class ReviewsTest {
    @RegisterExtension
    final MixlogRecorder mixpanel = new MixlogRecorder();

    @RepeatedTest(4)
    void seesExactlyItsOwnEvents(RepetitionInfo repetition) throws InterruptedException {
        OwnEvents.logAndCheck(mixpanel, "reviews-" + repetition.getCurrentRepetition());
    }
}
