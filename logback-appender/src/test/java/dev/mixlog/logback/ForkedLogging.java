package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import ch.qos.logback.classic.LoggerContext;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * A service run in a JVM of its own by {@link ForkedLogback}, configured by {@code -Dlogback.configurationFile}.
 * {@code exit <n>}: logs n events and returns without stopping Logback, so that the JVM exits and the
 * shutdown hook delivers. {@code bridge <n>}: bridges java.util.logging into Logback, logs n events
 * each carrying a value whose {@code toString()} logs through java.util.logging (it runs where Mixlog
 * maps the event, on its consumer thread), waits for their delivery, stops Logback and prints what
 * the appenders saw. {@code paced <n>}: logs n
 * events at {@value #PACED_PER_SECOND} a second, printing {@code logged <count>} after every
 * {@value #PACED_REPORT_EVERY}, until it is killed or done.
 */
public final class ForkedLogging {
    private static final Marker CHECKED_OUT = MixpanelMarkers.event("Checked Out");
    /** The java.util.logging logger the values of {@code bridge} log to as they are rendered. */
    static final String RENDERING_LOGGER = "com.example.shop.CartRendering";
    private static final long DELIVERY_BOUND_NANOS = TimeUnit.SECONDS.toNanos(30);
    static final int PACED_PER_SECOND = 2_000;
    static final int PACED_REPORT_EVERY = 100;

    private ForkedLogging() {
    }

    private static void logPaced(Logger log, int events) {
        long start = System.nanoTime();
        for (int seq = 0; seq < events; seq++) {
            long due = start + seq * (TimeUnit.SECONDS.toNanos(1) / PACED_PER_SECOND);
            while (System.nanoTime() - due < 0) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            log.atInfo().addMarker(CHECKED_OUT).addKeyValue("seq", seq).log("checked out");
            if ((seq + 1) % PACED_REPORT_EVERY == 0) {
                System.out.println("logged " + (seq + 1));
                System.out.flush();
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        String mode = args[0];
        int events = Integer.parseInt(args[1]);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        if (mode.equals("bridge")) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        Logger log = LoggerFactory.getLogger("com.example.shop.Checkout");
        if (mode.equals("paced")) {
            logPaced(log, events);
            return;
        }
        java.util.logging.Logger rendering = java.util.logging.Logger.getLogger(RENDERING_LOGGER);
        for (int seq = 0; seq < events; seq++) {
            if (mode.equals("bridge")) {
                int cart = seq;
                Object loggingValue = new Object() {
                    @Override
                    public String toString() {
                        rendering.fine(() -> "rendering cart " + cart);
                        return "cart-" + cart;
                    }
                };
                log.atInfo().addMarker(CHECKED_OUT).addKeyValue("seq", seq).addKeyValue("cart", loggingValue).log("checked out");
            } else {
                log.atInfo().addMarker(CHECKED_OUT).addKeyValue("seq", seq).log("checked out");
            }
        }
        System.out.println("logged " + events + " at " + System.currentTimeMillis());
        if (mode.equals("bridge")) {
            MixpanelAppender mixpanel = (MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
            CountingAppender counting = (CountingAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("COUNT");
            long deadline = System.nanoTime() + DELIVERY_BOUND_NANOS;
            while (mixpanel.getStats().delivered() < events && System.nanoTime() - deadline < 0) {
                Thread.sleep(10);
            }
            context.stop();
            System.out.println("captured=" + mixpanel.getStats().captured() + " delivered=" + mixpanel.getStats().delivered()
                    + " renderingRecords=" + counting.renderingRecords() + " onMixlogThreads=" + counting.renderingRecordsOnMixlogThreads());
        }
    }
}
