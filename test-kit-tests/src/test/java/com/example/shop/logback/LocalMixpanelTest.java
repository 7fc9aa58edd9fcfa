package com.example.shop.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.test.LocalMixpanel;
import dev.mixlog.test.RecordedEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An integration test over real HTTP against LocalMixpanel, retries included: no recorder here. */
class LocalMixpanelTest {
    private final LocalMixpanel mixpanel = LocalMixpanel.start();

    @AfterEach
    void restoreTheTestConfiguration() throws Exception {
        configure("logback-test.xml");
        mixpanel.close();
    }

    @Test
    void aSignUpArrivesAfterA503AndA429() throws Exception {
        System.setProperty("mixpanelUrl", mixpanel.url());
        configure("logback-local-mixpanel.xml");
        mixpanel.failNext(503).rateLimitNext(0);

        new Accounts().signUp("u-1", "pro", 3);

        MixpanelAppender appender = (MixpanelAppender) ((LoggerContext) LoggerFactory.getILoggerFactory())
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("MIXPANEL");
        assertTrue(appender.flush(Duration.ofSeconds(30)));

        List<RecordedEvent> events = mixpanel.events();
        assertEquals(1, events.size());
        assertEquals("u-1", events.get(0).distinctId());
        assertEquals("/import", events.get(0).endpoint());
        assertEquals("pro", mixpanel.profileUpdates().get(0).value("plan"));
        assertEquals(List.of(), mixpanel.violations());
        assertEquals(4, mixpanel.requestCount(), "two refused, then the events and the profile update");
        assertEquals(2, appender.getStats().delivered(), "the event and the profile update: delivered + dropped == logged");
        assertEquals(0, appender.getStats().droppedTotal());
        assertEquals(2, appender.getStats().retried(), "a retry after the 503 and one after the 429");
    }

    private static void configure(String resource) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LocalMixpanelTest.class.getResource("/" + resource));
    }
}
