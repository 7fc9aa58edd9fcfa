package dev.mixlog.test;

/**
 * Assertions on what a test recorded, in the style of AssertJ without needing it:
 * <pre>{@code
 * import static dev.mixlog.test.MixpanelAssertions.assertThat;
 *
 * assertThat(mixpanel).hasEvent("Signed Up").withDistinctId("u-1").withProperty("seats", 5);
 * assertThat(mixpanel).hasProfileUpdate("$set").withDistinctId("u-1").withValue("plan", "pro");
 * assertThat(mixpanel).hasNoEvent("Checkout Failed").droppedNothing();
 * }</pre>
 * A failure says what the test did record (event names with counts, the closest name), what the
 * appenders dropped and why, and what stops events from arriving (a logger level above INFO).
 */
public final class MixpanelAssertions {
    private MixpanelAssertions() {
    }

    /** Starts assertions on what this test recorded (flushing the appenders first). */
    public static RecorderAssert assertThat(MixlogRecorder recorder) {
        return new RecorderAssert(recorder);
    }
}
