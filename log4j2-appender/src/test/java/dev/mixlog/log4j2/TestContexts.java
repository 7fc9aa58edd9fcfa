package dev.mixlog.log4j2;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;

/** Starts private Log4j2 contexts from the XML files under src/test/resources. */
final class TestContexts {
    private TestContexts() {
    }

    /** A started context of its own, configured from the classpath resource; no global state is touched. */
    static LoggerContext start(String resource) {
        URL url = TestContexts.class.getResource("/" + resource);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + resource);
        }
        try {
            URI location = url.toURI();
            LoggerContext context = new LoggerContext(resource, null, location);
            context.start();
            return context;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The configured Mixpanel appender of this name, failing when Log4j2 did not create one. */
    static MixpanelAppender mixpanel(LoggerContext context, String name) {
        Appender appender = context.getConfiguration().getAppender(name);
        if (!(appender instanceof MixpanelAppender)) {
            throw new AssertionError("no Mixpanel appender named " + name + ", found " + appender);
        }
        return (MixpanelAppender) appender;
    }

    /**
     * Logs {@code "step {} of user {}"} with the marker from {@code threads} threads at once, each with
     * its own {@code distinct_id} ({@code user-<n>}) in the ThreadContext, {@code perThread} times each;
     * returns when all are done.
     */
    static void logFromThreads(Logger log, Marker marker, int threads, int perThread) throws InterruptedException {
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int user = t;
            producers.add(new Thread(() -> {
                ThreadContext.put("distinct_id", "user-" + user);
                for (int i = 0; i < perThread; i++) {
                    log.info(marker, "step {} of user {}", i, user);
                }
                ThreadContext.clearMap();
            }, "producer-" + t));
        }
        producers.forEach(Thread::start);
        for (Thread producer : producers) {
            producer.join();
        }
    }
}
