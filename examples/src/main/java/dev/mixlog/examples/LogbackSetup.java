package dev.mixlog.examples;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.logback.MixpanelAppender;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** The Logback context configured by the demo's {@code logback.xml}, and its Mixpanel appender. */
final class LogbackSetup implements LoggingSetup {
    static final String CONFIGURATION = "logback.xml";
    static final String APPENDER_NAME = "MIXPANEL";
    private final LoggerContext context;
    private final MixpanelAppender appender;
    private final long since;

    private LogbackSetup(LoggerContext context, long since) {
        this.context = context;
        this.appender = find(context);
        this.since = since;
    }

    /**
     * Returns the context as {@code logback.xml} configures it with the system properties set since
     * {@code propertiesSetAt}. Logback configures itself on first use; when that happened earlier, or
     * a previous run stopped the context (which detaches its appenders), it is configured again.
     */
    static LogbackSetup configure(long propertiesSetAt) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext)) {
            throw new IllegalStateException("the demo needs Logback as the SLF4J provider, found " + factory.getClass().getName());
        }
        LoggerContext context = (LoggerContext) factory;
        if (context.getBirthTime() < propertiesSetAt || find(context) == null) {
            reconfigure(context);
        }
        return new LogbackSetup(context, propertiesSetAt);
    }

    @Override
    public ShopLog shopLog() {
        return new Slf4jShopLog();
    }

    @Override
    public MixlogStats appenderStats() {
        return appender == null ? null : appender.getStats();
    }

    /** Stops every appender; the Mixpanel appender delivers what it holds before it returns. */
    @Override
    public void stop() {
        context.stop();
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Status status : context.getStatusManager().getCopyOfStatusList()) {
            if (status.getLevel() >= Status.WARN && status.getTimestamp() >= since) {
                problems.add((status.getLevel() == Status.ERROR ? "ERROR " : "WARN  ") + status.getMessage());
            }
        }
        return problems;
    }

    private static MixpanelAppender find(LoggerContext context) {
        Appender<?> appender = context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(APPENDER_NAME);
        return appender instanceof MixpanelAppender ? (MixpanelAppender) appender : null;
    }

    private static void reconfigure(LoggerContext context) {
        URL configuration = LogbackSetup.class.getClassLoader().getResource(CONFIGURATION);
        if (configuration == null) {
            throw new IllegalStateException(CONFIGURATION + " is not on the class path");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(configuration);
        } catch (JoranException e) {
            throw new IllegalStateException("could not read " + CONFIGURATION + ": " + e.getMessage(), e);
        }
        context.start();
    }
}
