package dev.mixlog.loopback;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh {@link LoopbackMixpanel} for each test, closed after it. The test gets it in a field of
 * type {@code LoopbackMixpanel} (set before each test), as a test method parameter, or from
 * {@link #server()}:
 * <pre>{@code
 * @ExtendWith(LoopbackMixpanelExtension.class)
 * class SignUpEventsTest {
 *     LoopbackMixpanel mixpanel;   // set by the extension before each test
 *
 *     @Test
 *     void sendsSignUps() {
 *         // an appender whose baseUrl is mixpanel.url(); log; flush
 *         assertEquals(1, mixpanel.awaitAcceptedEvents(1).size());
 *     }
 * }
 * }</pre>
 * Registered as a field ({@code @RegisterExtension}), {@link #publishingUrlAs} also sets a system
 * property to the server's URL while the test runs, for configuration files to read.
 */
public final class LoopbackMixpanelExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoopbackMixpanelExtension.class);
    private String urlProperty;
    private volatile LoopbackMixpanel current;

    /** Also sets this system property to the server's URL while each test runs. */
    public LoopbackMixpanelExtension publishingUrlAs(String systemProperty) {
        this.urlProperty = systemProperty;
        return this;
    }

    /** The running test's server (for an extension registered on a field). */
    public LoopbackMixpanel server() {
        LoopbackMixpanel server = current;
        if (server == null) {
            throw new IllegalStateException("the loopback Mixpanel runs only while a test runs");
        }
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        LoopbackMixpanel server = LoopbackMixpanel.start();
        context.getStore(NAMESPACE).put(LoopbackMixpanel.class, server);
        current = server;
        if (urlProperty != null) {
            System.setProperty(urlProperty, server.url());
        }
        Object instance = context.getRequiredTestInstance();
        for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == LoopbackMixpanel.class && !Modifier.isStatic(field.getModifiers())
                        && !Modifier.isFinal(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(instance, server);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (urlProperty != null) {
            System.clearProperty(urlProperty);
        }
        LoopbackMixpanel server = context.getStore(NAMESPACE).remove(LoopbackMixpanel.class, LoopbackMixpanel.class);
        current = null;
        if (server != null) {
            server.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoopbackMixpanel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(LoopbackMixpanel.class, LoopbackMixpanel.class);
    }
}
