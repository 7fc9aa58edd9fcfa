package com.example.shop.parallel;

import dev.mixlog.test.MixlogRecorder;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A recorder on a static field, its tests running at the same time as each other and as the other classes'. */
class CartTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    @RepeatedTest(4)
    void seesExactlyItsOwnEvents(RepetitionInfo repetition) throws InterruptedException {
        OwnEvents.logAndCheck(mixpanel, "cart-" + repetition.getCurrentRepetition());
    }
}
