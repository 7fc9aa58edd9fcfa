package com.example.shop.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes the suite's tests log at the same time: each test waits, at most a few seconds, until four
 * of them are under way. Only an aid to overlap: a test that waited in vain goes on, and its
 * assertions hold all the same.
 */
final class Overlap {
    private static final CountDownLatch FOUR_UNDER_WAY = new CountDownLatch(4);

    private Overlap() {
    }

    static void awaitNeighbours() throws InterruptedException {
        FOUR_UNDER_WAY.countDown();
        FOUR_UNDER_WAY.await(5, TimeUnit.SECONDS);
    }
}
