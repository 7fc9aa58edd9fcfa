package dev.mixlog.examples;

import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.log4j2.MixpanelAppender;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * The Log4j2 context configured by the demo's {@code log4j2-demo.xml}, and its {@code <Mixpanel>}
 * appender. The file is loaded explicitly, so Log4j2 never falls back to a default configuration;
 * Logback stays the SLF4J provider beside it.
 */
final class Log4j2Setup implements LoggingSetup {
    static final String CONFIGURATION = "log4j2-demo.xml";
    static final String CONTEXT_NAME = "mixlog-demo";
    static final String APPENDER_NAME = "mixpanel";
    private final LoggerContext context;
    private final MixpanelAppender appender;
    private final Log4j2Warnings warnings;

    private Log4j2Setup(LoggerContext context, Log4j2Warnings warnings) {
        this.context = context;
        this.warnings = warnings;
        Appender found = context.getConfiguration().getAppender(APPENDER_NAME);
        this.appender = found instanceof MixpanelAppender ? (MixpanelAppender) found : null;
    }

    /**
     * Starts the Log4j2 context of the demo's class loader from {@code log4j2-demo.xml}, which reads
     * the system properties as they are now. A context that was already running with another
     * configuration is reconfigured; one stopped by a previous run is replaced by a new one.
     */
    static Log4j2Setup configure() {
        URI location = location();
        ClassLoader loader = Log4j2Setup.class.getClassLoader();
        Log4j2Warnings warnings = Log4j2Warnings.register();
        try {
            LoggerContext context = Configurator.initialize(CONTEXT_NAME, loader, location);
            if (context == null) {
                throw new IllegalStateException("Log4j2 could not start a logger context from " + CONFIGURATION);
            }
            if (!location.equals(context.getConfigLocation())) {
                context.setConfigLocation(location);
            }
            return new Log4j2Setup(context, warnings);
        } catch (RuntimeException e) {
            warnings.unregister();
            throw e;
        }
    }

    @Override
    public ShopLog shopLog() {
        return new Log4j2ShopLog();
    }

    @Override
    public MixlogStats appenderStats() {
        return appender == null ? null : appender.getStats();
    }

    /** Stops the context; the Mixpanel appender delivers what it holds before it returns. */
    @Override
    public void stop() {
        try {
            Configurator.shutdown(context);
        } finally {
            warnings.unregister();
        }
    }

    @Override
    public List<String> problems() {
        return warnings.problems();
    }

    private static URI location() {
        URL configuration = Log4j2Setup.class.getClassLoader().getResource(CONFIGURATION);
        if (configuration == null) {
            throw new IllegalStateException(CONFIGURATION + " is not on the class path");
        }
        try {
            return configuration.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + CONFIGURATION + " from " + configuration, e);
        }
    }
}
