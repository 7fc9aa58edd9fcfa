package dev.mixlog.spring.boot;

import dev.mixlog.core.config.InvalidConfigException;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.internal.delivery.DeliverySeam;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * Attaches one Mixpanel appender to the root logger of the logging backend the application uses
 * (Logback or Log4j2), configured from the {@code mixlog.*} properties, right after Spring Boot has
 * initialized logging. Registered in {@code META-INF/spring.factories}, so it runs before any context
 * exists and sees every (re)initialization of logging: it attaches again after each, and never a second
 * appender. It attaches none when the logging configuration declares a Mixpanel appender itself, when
 * {@code mixlog.enabled=false}, or when no token is set; it says which, once. While a test records
 * (the test kit's {@code MixlogRecorder}) it attaches one with or without a token, which records and
 * sends nothing. It never fails start-up.
 */
public final class MixlogLoggingListener implements GenericApplicationListener {
    /** Right after Boot's {@link LoggingApplicationListener}, which initializes logging on the same event. */
    public static final int ORDER = LoggingApplicationListener.DEFAULT_ORDER + 1;
    private static final Log LOG = LogFactory.getLog(MixlogLoggingListener.class);
    /** Messages said already in this JVM: each is said once. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        return eventType.getRawClass() != null && ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(eventType.getRawClass());
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        try {
            attach(SpringSettings.from(((ApplicationEnvironmentPreparedEvent) event).getEnvironment()));
        } catch (RuntimeException | LinkageError e) {
            // Mixpanel is the application's analytics, not its reason to exist: never fail start-up
            LOG.error("Mixlog: could not attach the Mixpanel appender; the application runs without it", e);
        }
    }

    /**
     * Attaches the appender for this environment's {@code mixlog.*} properties, as at start-up (a no-op
     * when it is attached with them already): for test tools that run tests against several cached
     * application contexts in one JVM, each test with its own context's settings. Never throws.
     */
    public static void attachFor(Environment environment) {
        try {
            attach(SpringSettings.from(environment));
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Mixlog: could not attach the Mixpanel appender; the application runs without it", e);
        }
    }

    private static void attach(SpringSettings settings) {
        Backend backend = Backend.current();
        Attachment attachment = backend.attachment();
        if (!settings.enabled()) {
            detachEarlier(attachment);
            return;
        }
        if (attachment == null) {
            sayOnce("Mixlog: neither Logback nor Log4j2 is the logging backend; no Mixpanel appender is attached", true);
            return;
        }
        String declared = attachment.declared();
        if (declared != null) {
            sayOnce("Mixlog: using the Mixpanel appender '" + declared + "' of the logging configuration; "
                    + "the mixlog.* properties do not apply to it", false);
            return;
        }
        if (attachment.attachedWith(settings)) {
            return;
        }
        // the latest application's mixlog.* properties differ: its appender, or none, replaces the one of the earlier
        detachEarlier(attachment);
        MixlogConfig config;
        try {
            config = settings.check();
        } catch (InvalidConfigException e) {
            sayOnce("Mixlog (mixlog.* properties): " + e.getMessage(), true);
            return;
        }
        boolean recording = DeliverySeam.replaced();
        if (config.missingCredentials().isPresent() && !recording) {
            sayOnce("Mixlog: mixlog.token is not set, so no Mixpanel appender is attached and nothing is sent. "
                    + "Set mixlog.token (the project token), or mixlog.service-account-username, "
                    + "mixlog.service-account-secret and mixlog.project-id; mixlog.enabled=false silences this", true);
            return;
        }
        if (attachment.attach(settings) && !recording) {
            sayOnce("Mixlog: a Mixpanel appender on the " + backend.displayName() + " root logger sends events to "
                    + config.baseUrl() + config.endpoint().path(), false);
        }
    }

    private static void detachEarlier(Attachment attachment) {
        if (attachment != null && attachment.attached()) {
            attachment.detach();
        }
    }

    private static void sayOnce(String message, boolean warn) {
        if (SAID.add(message)) {
            if (warn) {
                LOG.warn(message);
            } else {
                LOG.info(message);
            }
        }
    }
}
