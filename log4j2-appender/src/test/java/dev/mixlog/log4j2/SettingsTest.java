package dev.mixlog.log4j2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mixlog.core.config.Endpoint;
import dev.mixlog.core.config.MixlogConfig;
import dev.mixlog.core.config.Region;
import dev.mixlog.core.config.Selection;
import dev.mixlog.core.config.Settings;
import dev.mixlog.core.internal.config.Credentials;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every Logback setting is an attribute of the same name and default. */
class SettingsTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;


    @Test
    void everyAttributeReachesTheConfiguration() throws Exception {
        LoggerContext context = TestContexts.start("log4j2-all-settings.xml");
        try {
            MixlogConfig config = TestContexts.mixpanel(context, "everything").getMixlogConfig();
            assertEquals("everything", config.name());
            assertEquals(Endpoint.IMPORT, config.endpoint());
            assertEquals(Region.EU, config.region());
            assertEquals(URI.create(server.url()), config.baseUrl());
            assertEquals(Credentials.ImportAuth.SERVICE_ACCOUNT, Credentials.of(config).importAuth());
            assertEquals("project-token", Credentials.of(config).token().orElseThrow());
            assertEquals("12345", Credentials.of(config).projectId().orElseThrow());
            assertTrue(Credentials.of(config).secrets().containsAll(List.of("sa-secret", "old-secret")));
            assertEquals(500, config.maxBatchEvents());
            assertEquals(1024 * 1024, config.maxBatchBytes());
            assertEquals(Duration.ofMillis(250), config.flushInterval());
            assertFalse(config.gzip());
            assertEquals(1024, config.ringBufferSize());
            assertEquals(Duration.ofSeconds(3), config.shutdownTimeout());
            assertEquals(2, config.maxInFlight());
            assertEquals(Duration.ofSeconds(2), config.connectTimeout());
            assertEquals(Duration.ofSeconds(7), config.requestTimeout());
            assertEquals(Duration.ofMillis(100), config.retryInitialBackoff());
            assertEquals(Duration.ofSeconds(5), config.retryMaxBackoff());
            assertEquals(Duration.ofMinutes(1), config.maxRetryTime());
            assertEquals(100, config.maxStringLength());
            assertEquals("userId", config.distinctIdKey());
            assertEquals(Selection.ALL, config.selection());
            assertTrue(config.includeLevel());
            assertTrue(config.includeLogger());
            assertTrue(config.includeThread());
            assertTrue(config.includeMessage());
            assertTrue(config.includeException());
            assertFalse(config.shutdownHook());
            assertEquals(Duration.ofSeconds(30), config.reportInterval());
            assertEquals(Set.of("tenant", "plan"), config.get(Settings.MDC_INCLUDE));
            assertEquals(Set.of("secret"), config.get(Settings.MDC_EXCLUDE));
            assertEquals(Map.of("env", "test"), config.staticProperties());
        } finally {
            context.stop();
        }
    }

    @Test
    void unsetAttributesHaveTheLogbackDefaults() {
        MixpanelAppender appender = MixpanelAppender.newBuilder().setName("mixpanel").setToken("t0ken").build();
        MixlogConfig config = appender.getMixlogConfig();
        assertEquals(Endpoint.IMPORT, config.endpoint());
        assertEquals(Region.US, config.region());
        assertEquals(Region.US.baseUrl(), config.baseUrl());
        assertEquals(Credentials.ImportAuth.PROJECT_TOKEN, Credentials.of(config).importAuth());
        assertEquals(Settings.MAX_BATCH_EVENTS.defaultValue(), config.get(Settings.MAX_BATCH_EVENTS));
        assertEquals(Settings.MAX_BATCH_BYTES.defaultValue(), config.get(Settings.MAX_BATCH_BYTES));
        assertEquals(Settings.FLUSH_INTERVAL.defaultValue(), config.get(Settings.FLUSH_INTERVAL));
        assertEquals(Settings.GZIP.defaultValue(), config.get(Settings.GZIP));
        assertEquals(Settings.RING_BUFFER_SIZE.defaultValue(), config.get(Settings.RING_BUFFER_SIZE));
        assertEquals(Settings.SHUTDOWN_TIMEOUT.defaultValue(), config.get(Settings.SHUTDOWN_TIMEOUT));
        assertEquals(Settings.MAX_IN_FLIGHT.defaultValue(), config.get(Settings.MAX_IN_FLIGHT));
        assertEquals(Settings.CONNECT_TIMEOUT.defaultValue(), config.get(Settings.CONNECT_TIMEOUT));
        assertEquals(Settings.REQUEST_TIMEOUT.defaultValue(), config.get(Settings.REQUEST_TIMEOUT));
        assertEquals(Settings.RETRY_INITIAL_BACKOFF.defaultValue(), config.get(Settings.RETRY_INITIAL_BACKOFF));
        assertEquals(Settings.RETRY_MAX_BACKOFF.defaultValue(), config.get(Settings.RETRY_MAX_BACKOFF));
        assertEquals(Settings.MAX_RETRY_TIME.defaultValue(), config.get(Settings.MAX_RETRY_TIME));
        assertEquals(Settings.MAX_STRING_LENGTH.defaultValue(), config.get(Settings.MAX_STRING_LENGTH));
        assertEquals(Settings.DISTINCT_ID_KEY.defaultValue(), config.get(Settings.DISTINCT_ID_KEY));
        assertEquals(Selection.MARKER, config.selection());
        assertFalse(config.includeLevel() || config.includeLogger() || config.includeThread()
                || config.includeMessage() || config.includeException());
        assertTrue(config.shutdownHook());
        assertEquals(Settings.REPORT_INTERVAL.defaultValue(), config.get(Settings.REPORT_INTERVAL));
        assertTrue(config.get(Settings.MDC_INCLUDE).isEmpty() && config.get(Settings.MDC_EXCLUDE).isEmpty());
        assertTrue(config.staticProperties().isEmpty());
        assertNull(appender.getStats(), "no threads before start()");
    }

    @Test
    void regionChoosesTheHost() {
        MixlogConfig config = MixpanelAppender.newBuilder().setName("eu").setToken("t0ken").setRegion("EU")
                .build().getMixlogConfig();
        assertEquals(URI.create("https://api-eu.mixpanel.com"), config.baseUrl());
    }
}
