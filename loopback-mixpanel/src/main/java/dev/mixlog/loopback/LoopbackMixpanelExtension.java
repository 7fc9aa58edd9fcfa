package dev.mixlog.loopback;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A fresh {@link LoopbackMixpanel} for each test, closed after it. Register it on a field and read
 * the server from it, or take the server as a test method parameter:
 * <pre>{@code
 * @RegisterExtension
 * final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mixpanelUrl");
 *
 * @Test
 * void sendsSignUps() {
 *     // a logback-test.xml with <baseUrl>${mixpanelUrl}</baseUrl>, or mixpanel.server().url()
 *     mixpanel.server().awaitAcceptedEvents(1);
 * }
 * }</pre>
 */
public final class LoopbackMixpanelExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private String urlProperty;
    private LoopbackMixpanel server;

    /** Also sets this system property to the server's URL while the test runs, for configuration files to read. */
    public LoopbackMixpanelExtension publishingUrlAs(String systemProperty) {
        this.urlProperty = systemProperty;
        return this;
    }

    /** The running test's server. */
    public LoopbackMixpanel server() {
        if (server == null) {
            throw new IllegalStateException("the loopback Mixpanel runs only while a test runs");
        }
        return server;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = LoopbackMixpanel.start();
        if (urlProperty != null) {
            System.setProperty(urlProperty, server.url());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (urlProperty != null) {
            System.clearProperty(urlProperty);
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LoopbackMixpanel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server();
    }
}
