package com.example.shop.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import dev.mixlog.test.MixlogRecorder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * An appender with a token and a reachable endpoint still sends nothing while the recorder is active:
 * the endpoint here is a socket that counts every connection made to it.
 */
class NoNetworkTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private ServerSocket endpoint;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void listen() throws IOException {
        endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (true) {
                try (Socket ignored = endpoint.accept()) {
                    connections.incrementAndGet();
                } catch (SocketException closed) {
                    return;
                } catch (IOException e) {
                    connections.incrementAndGet();
                }
            }
        }, "counting-endpoint");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        configure("logback-test.xml");
        endpoint.close();
    }

    @Test
    void aConfiguredTokenAndEndpointAreNeverContacted() throws Exception {
        System.setProperty("mixpanelUrl", "http://127.0.0.1:" + endpoint.getLocalPort());
        configure("logback-with-token.xml");

        new Accounts().signUp("u-1", "pro", 3);

        assertEquals("u-1", mixpanel.events("Signed Up").get(0).distinctId());
        assertEquals(1, mixpanel.profileUpdates().size());
        assertEquals(0, connections.get(), "connections made to the configured endpoint");
    }

    /** Reloads Logback from a configuration file, as a test that switches configurations does. */
    private static void configure(String resource) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(NoNetworkTest.class.getResource("/" + resource));
    }
}
