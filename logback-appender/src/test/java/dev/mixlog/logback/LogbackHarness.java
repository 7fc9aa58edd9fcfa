package dev.mixlog.logback;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A fresh Logback {@link LoggerContext} configured from an XML file in {@code src/test/resources/logback/},
 * exactly as an application's configuration is loaded, with properties such as {@code mockUrl} set
 * on the context for {@code ${...}} substitution.
 */
final class LogbackHarness implements AutoCloseable {
    static final String APPENDER = "MIXPANEL";

    private final LoggerContext context = new LoggerContext();
    private final MixpanelAppender appender;
    private boolean stopped;

    private LogbackHarness(String configuration, Map<String, String> properties) {
        context.setName(configuration);
        // as in an application's context: MDC.put(...) on the logging thread reaches the events
        context.setMDCAdapter(org.slf4j.MDC.getMDCAdapter());
        properties.forEach(context::putProperty);
        URL xml = LogbackHarness.class.getResource("/logback/" + configuration);
        if (xml == null) {
            throw new IllegalArgumentException("no configuration logback/" + configuration);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(xml);
        } catch (JoranException e) {
            throw new IllegalStateException("could not read " + configuration + ": " + statusText(), e);
        }
        appender = findAppender();
    }

    /** Loads {@code logback/<configuration>} with {@code ${mockUrl}} set to the server's URL. */
    static LogbackHarness configure(String configuration, String mockUrl) {
        return new LogbackHarness(configuration, Map.of("mockUrl", mockUrl));
    }

    /** Loads {@code logback/<configuration>} with these context properties. */
    static LogbackHarness configure(String configuration, Map<String, String> properties) {
        return new LogbackHarness(configuration, properties);
    }

    /** The context the configuration was loaded into. */
    LoggerContext context() {
        return context;
    }

    /** An application logger, {@code com.example.shop.Checkout}. */
    org.slf4j.Logger logger() {
        return context.getLogger("com.example.shop.Checkout");
    }

    /** The appender named {@value #APPENDER}, as attached to the root logger by the configuration (kept after stop). */
    MixpanelAppender appender() {
        return appender;
    }

    private MixpanelAppender findAppender() {
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<?> appender = root.getAppender(APPENDER);
        if (appender == null) {
            for (Iterator<? extends Appender<?>> all = root.iteratorForAppenders(); all.hasNext(); ) {
                appender = all.next();
            }
        }
        return (MixpanelAppender) appender;
    }

    MixlogStats stats() {
        MixlogStats stats = appender().getStats();
        if (stats == null) {
            throw new AssertionError("the appender did not start: " + statusText());
        }
        return stats;
    }

    /** Every status message the context has recorded, in order. */
    List<Status> statuses() {
        return context.getStatusManager().getCopyOfStatusList();
    }

    /** The messages of statuses at exactly this level ({@link Status#INFO}, {@link Status#WARN}, {@link Status#ERROR}). */
    List<String> messages(int level) {
        List<String> messages = new ArrayList<>();
        for (Status status : statuses()) {
            if (status.getLevel() == level) {
                messages.add(status.getMessage());
            }
        }
        return messages;
    }

    /** Every status as one text, for failure messages; includes attached exceptions. */
    String statusText() {
        return statuses().stream()
                .map(s -> levelName(s.getLevel()) + " " + s.getMessage() + (s.getThrowable() == null ? "" : " " + s.getThrowable()))
                .collect(Collectors.joining("\n"));
    }

    /** Waits until some status at this level contains the text; returns that message. */
    String awaitStatus(int level, String text) {
        String[] found = new String[1];
        Await.until(java.time.Duration.ofSeconds(30), () -> {
            for (String message : messages(level)) {
                if (message.contains(text)) {
                    found[0] = message;
                    return true;
                }
            }
            return false;
        }, () -> levelName(level) + " status containing '" + text + "' in:\n" + statusText());
        return found[0];
    }

    /** Stops the context as an application does at exit: the appender delivers what it buffered. */
    void stop() {
        if (!stopped) {
            stopped = true;
            context.stop();
        }
    }

    /** Names of live threads that belong to Mixlog. */
    static List<String> mixlogThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("mixlog-"))
                .collect(Collectors.toList());
    }

    static String levelName(int level) {
        switch (level) {
            case Status.ERROR: return "ERROR";
            case Status.WARN: return "WARN";
            default: return "INFO";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
