package dev.mixlog.kafka.connect;

import static dev.mixlog.slf4j.MixpanelMarkers.property;

import ch.qos.logback.classic.LoggerContext;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.slf4j.MixpanelMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A service in a JVM of its own whose {@code logback.xml} sends its Mixpanel events to a Kafka topic
 * ({@code logback-topic-service.xml}): logs events numbered {@code from} to {@code from + count}, stops
 * Logback (which delivers what it holds), and prints its counts.
 */
public final class TopicWritingService {
    private static final Marker PAGE_VIEWED = MixpanelMarkers.event("Page Viewed");

    private TopicWritingService() {
    }

    public static void main(String[] args) {
        int from = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        Logger log = LoggerFactory.getLogger("shop");
        for (int n = from; n < from + count; n++) {
            log.info(PAGE_VIEWED, "page viewed", property("distinct_id", "user-" + (n % 1000)), property("n", n));
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        MixlogStats stats = ((MixpanelAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL")).getStats();
        context.stop();
        System.out.println("delivered=" + stats.delivered());
        System.out.println("dropped=" + stats.droppedTotal());
    }
}
