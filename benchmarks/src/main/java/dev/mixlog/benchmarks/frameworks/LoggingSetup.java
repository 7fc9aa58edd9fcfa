package dev.mixlog.benchmarks.frameworks;

import dev.mixlog.benchmarks.AppenderCase;
import dev.mixlog.benchmarks.Family;
import dev.mixlog.benchmarks.http.OtherHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the logging framework of one {@link AppenderCase} in this JVM: points the framework at the
 * case's XML configuration, then makes the first SLF4J call. Must run before anything else touches
 * SLF4J, and once per JVM.
 */
public final class LoggingSetup {
    /** System property: base URL of the loopback Mixpanel receiver, used by the XML configurations. */
    public static final String MIXPANEL_URL = "mixlog.bench.mixpanelUrl";
    /** System property: push URL of the loopback Loki receiver. */
    public static final String LOKI_URL = "mixlog.bench.lokiUrl";
    /** System property: URL of the receivers' counters. */
    public static final String STATS_URL = "mixlog.bench.statsUrl";
    /** The logger every benchmark logs to. */
    public static final String LOGGER_NAME = "shop.checkout.PurchaseService";

    private static final String ASYNC_SELECTOR = "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";

    private final AppenderCase appenderCase;
    private final Logger logger;
    private final FrameworkControl control;

    private LoggingSetup(AppenderCase appenderCase, Logger logger, FrameworkControl control) {
        this.appenderCase = appenderCase;
        this.logger = logger;
        this.control = control;
    }

    /** Configures and starts the framework for the case. */
    public static LoggingSetup start(AppenderCase appenderCase) {
        requireProperty(MIXPANEL_URL);
        requireProperty(LOKI_URL);
        // the variants on another HTTP client: in place before the appender sends anything (the token is the XML's)
        OtherHttpClient.installFor(appenderCase.id(), System.getProperty(MIXPANEL_URL), "bench-token");
        String controlClass;
        String expectedFactory;
        if (appenderCase.family() == Family.LOGBACK) {
            System.setProperty("logback.configurationFile", appenderCase.configResource());
            controlClass = "dev.mixlog.benchmarks.frameworks.LogbackControl";
            expectedFactory = "ch.qos.logback.";
        } else {
            System.setProperty("log4j2.configurationFile", appenderCase.configResource());
            if (appenderCase == AppenderCase.LOG4J2_ALL_ASYNC) {
                System.setProperty("log4j2.contextSelector", ASYNC_SELECTOR);
            }
            controlClass = "dev.mixlog.benchmarks.frameworks.Log4j2Control";
            expectedFactory = "org.apache.logging.slf4j.";
        }
        Logger logger = LoggerFactory.getLogger(LOGGER_NAME);
        String factory = LoggerFactory.getILoggerFactory().getClass().getName();
        if (!factory.startsWith(expectedFactory)) {
            throw new IllegalStateException("case " + appenderCase.id() + " needs the " + appenderCase.family().label()
                    + " classpath, but SLF4J is bound to " + factory);
        }
        return new LoggingSetup(appenderCase, logger, newControl(controlClass));
    }

    private static FrameworkControl newControl(String className) {
        try {
            return (FrameworkControl) Class.forName(className).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }

    private static void requireProperty(String name) {
        if (System.getProperty(name) == null) {
            throw new IllegalStateException("system property " + name + " is not set (start the receivers first; see run.sh)");
        }
    }

    public AppenderCase appenderCase() {
        return appenderCase;
    }

    public Logger logger() {
        return logger;
    }

    public FrameworkControl control() {
        return control;
    }
}
