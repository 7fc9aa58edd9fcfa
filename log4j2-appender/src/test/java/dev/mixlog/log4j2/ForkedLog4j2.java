package dev.mixlog.log4j2;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.message.MapMessage;

/**
 * A command-line job run in a JVM of its own by {@link ShutdownTest}, configured by
 * {@code -Dlog4j2.configurationFile}: logs n marker events, then ends logging the way such jobs do,
 * {@code LogManager.shutdown()} or {@code Configurator.shutdown(context)}, and prints the counters and
 * how long the shutdown took.
 */
public final class ForkedLog4j2 {
    private static final Marker CHECKED_OUT = MixpanelMarkers.event("Checked Out");

    private ForkedLog4j2() {
    }

    /** Arguments: {@code logmanager} or {@code configurator}, and the event count. */
    public static void main(String[] args) {
        String how = args[0];
        int events = Integer.parseInt(args[1]);
        Logger log = LogManager.getLogger("com.example.jobs.Nightly");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        MixpanelAppender appender = context.getConfiguration().getAppender("mixpanel");
        for (int seq = 0; seq < events; seq++) {
            log.info(CHECKED_OUT, new MapMessage<>().with("seq", seq));
        }
        long started = System.nanoTime();
        if (how.equals("configurator")) {
            Configurator.shutdown(context);
        } else {
            LogManager.shutdown();
        }
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("context " + context.getClass().getSimpleName());
        System.out.println("shutdownMillis " + tookMillis);
        System.out.println("delivered " + appender.getStats().delivered());
        System.out.println("dropped " + appender.getStats().droppedTotal());
        System.out.println("kept " + appender.getStats().keptInSpool());
        System.out.println("replayed " + appender.getStats().replayed());
    }
}
