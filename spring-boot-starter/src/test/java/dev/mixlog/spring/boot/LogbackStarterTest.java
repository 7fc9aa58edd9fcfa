package dev.mixlog.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.MixlogCore;
import dev.mixlog.core.testing.ForwardProxy;
import dev.mixlog.logback.MixpanelAppender;
import dev.mixlog.slf4j.MixpanelMarkers;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real Spring Boot applications on Logback (Boot's default), configured only by {@code mixlog.*}
 * properties: the starter attaches one appender, events arrive with their identity and properties,
 * a second application in the same JVM adds no second appender, and without a token the application
 * starts and says which property to set.
 */
class LogbackStarterTest {
    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    private LoopbackMixpanel server;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        running.forEach(ConfigurableApplicationContext::close);
        MDC.clear();
        // Boot leaves logging running after a context closes (as in a test JVM): detach what the starter attached
        for (MixpanelAppender appender : mixpanelAppenders()) {
            appender.stop();
            root().detachAppender(appender);
        }
        Await.until(() -> Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("mixlog-")),
                "no mixlog thread left once the appender has stopped");
    }

    @Test
    void eventsLoggedThroughSlf4jArriveWithTheMdcIdentityAndTheirKeyValues() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.static-properties.env=test"));
        org.slf4j.Logger log = LoggerFactory.getLogger("shop.Signup");
        MDC.put("distinct_id", "u-1");
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).addKeyValue("plan", "pro").addKeyValue("seats", 3)
                .log("user signed up");
        log.info("an ordinary line");
        log.atInfo().addMarker(dev.mixlog.slf4j.MixpanelMarkers.event("Searched")).addKeyValue("query", "boots").log("the neutral helper");

        List<JsonNode> events = server.awaitAcceptedEvents(2);
        assertEquals("boots", server.event("Searched").path("properties").path("query").asText());
        assertEquals("u-1", server.event("Searched").path("properties").path("distinct_id").asText());
        JsonNode properties = server.event("Signed Up").path("properties");
        assertEquals(2, events.size());
        assertEquals("u-1", properties.path("distinct_id").asText());
        assertEquals("pro", properties.path("plan").asText());
        assertEquals(3, properties.path("seats").asInt());
        assertTrue(properties.path("seats").isIntegralNumber());
        assertEquals("test", properties.path("env").asText());
        assertTrue(properties.path("$insert_id").isTextual());
        assertTrue(properties.path("time").asLong() > 1_700_000_000_000L);
        assertEquals(List.of(), server.violations());
        assertEquals(1, mixpanelAppenders().size());
        MixpanelAppender appender = mixpanelAppenders().get(0);
        assertTrue(appender.flush(Duration.ofSeconds(10)));
        assertEquals(2, appender.getStats().delivered());
        assertEquals(0, appender.getStats().droppedTotal());
    }

    @Test
    void mixlogProxyCarriesEveryEventToAHostOnlyTheProxyReachesAndTheConsoleNeverShowsItsPassword() throws IOException {
        try (ForwardProxy proxy = ForwardProxy.to(java.net.URI.create(server.url()).getPort())
                .requireCredentials("analytics", "Pr0xy-S3cret")) {
            String console = consoleOf(() -> running.add(ShopApplication.run("mixlog.token=starter-token",
                    "mixlog.base-url=http://" + ForwardProxy.UNRESOLVABLE_HOST, "mixlog.flush-interval=50ms",
                    "mixlog.proxy=http://analytics:Pr0xy-S3cret@127.0.0.1:" + proxy.port())));
            org.slf4j.Logger log = LoggerFactory.getLogger("shop");
            for (int i = 0; i < 20; i++) {
                log.info(MixpanelMarkers.event("Page Viewed"), "viewed {}", MixpanelMarkers.property("distinct_id", "u-" + i));
            }
            assertEquals(20, server.awaitAcceptedEvents(20).size());
            MixpanelAppender appender = mixpanelAppenders().get(0);
            assertTrue(appender.flush(Duration.ofSeconds(10)));
            assertEquals(20, appender.getStats().delivered() + appender.getStats().droppedTotal());
            assertTrue(proxy.requestLines().stream().allMatch(line -> line.startsWith("POST http://" + ForwardProxy.UNRESOLVABLE_HOST)),
                    proxy.requestLines().toString());
            assertEquals(0, proxy.refusedForCredentials());
            String output = console + appender.getStats() + appender.getStats().lastFailure();
            assertTrue(!output.contains("Pr0xy-S3cret"), output);
        }
    }

    @Test
    void mixlogSpoolDirectoryKeepsWhatAnOutageHoldsAtStop(@TempDir Path spool) throws IOException {
        server.down();
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.spool-directory=" + spool, "mixlog.shutdown-timeout=1s"));
        org.slf4j.Logger log = LoggerFactory.getLogger("shop");
        for (int i = 0; i < 30; i++) {
            log.atInfo().addMarker(MixpanelMarkers.event("Page Viewed")).addKeyValue("distinct_id", "u-" + i).log("viewed");
        }
        MixpanelAppender appender = mixpanelAppenders().get(0);
        appender.stop();
        // Logback's appender stops in the background, as on a reload
        assertTrue(MixlogCore.awaitBackgroundStops(Duration.ofSeconds(30)));

        assertEquals(30, appender.getStats().keptInSpool(), appender.getStats().toString());
        assertEquals(0, appender.getStats().droppedTotal());
        try (Stream<Path> files = Files.list(spool)) {
            assertTrue(files.anyMatch(file -> file.getFileName().toString().endsWith(".batch")));
        }
    }

    @Test
    void withTheRootAtWarnMarkedInfoEventsStillArriveAndMixlogFollowLevelsBringsTheLevelsBack() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "logging.level.root=WARN"));
        org.slf4j.Logger log = LoggerFactory.getLogger("shop");
        MDC.put("distinct_id", "u-1");
        for (int i = 0; i < 5; i++) {
            log.info(MixpanelMarkers.event("Page Viewed"), "viewed {}", i);
        }
        assertEquals(5, server.awaitAcceptedEvents(5).size(), "every marked INFO event under a WARN root");
        MixpanelAppender appender = mixpanelAppenders().get(0);
        assertTrue(appender.flush(Duration.ofSeconds(10)));
        assertEquals(5, appender.getStats().delivered() + appender.getStats().droppedTotal());
        running.forEach(ConfigurableApplicationContext::close);
        running.clear();
        stopEverything();

        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "logging.level.root=WARN", "mixlog.follow-levels=true"));
        log.info(MixpanelMarkers.event("Page Viewed"), "viewed again");
        log.warn(MixpanelMarkers.event("Checkout Failed"), "failed");
        assertEquals("Checkout Failed", server.awaitAcceptedEvents(6).get(5).path("event").asText());
        assertTrue(mixpanelAppenders().get(0).flush(Duration.ofSeconds(10)));
        assertEquals(6, server.acceptedEvents().size(), "with mixlog.follow-levels=true the INFO event stays below the level");
    }

    @Test
    void typedPropertiesArriveWithTheSameJsonAsOnLog4j2() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.flush-interval=50ms"));
        Object[] arguments = dev.mixlog.core.testing.TypedProperties.arguments(MixpanelMarkers::property);
        LoggerFactory.getLogger("shop").info(MixpanelMarkers.event("Signed Up"), "signed up {}", arguments);

        JsonNode event = server.awaitAcceptedEvents(1).get(0);
        assertEquals(dev.mixlog.core.testing.TypedProperties.EXPECTED_JSON, dev.mixlog.core.testing.TypedProperties.propertiesJson(event));
    }

    @Test
    void aSecondApplicationInTheSameJvmAddsNoSecondAppenderAndLosesNothing() {
        String[] properties = {"mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.flush-interval=50ms"};
        running.add(ShopApplication.run(properties));
        running.add(ShopApplication.run(properties));
        assertEquals(1, mixpanelAppenders().size(), "appenders on the root logger");

        org.slf4j.Logger log = LoggerFactory.getLogger("shop");
        for (int i = 0; i < 20; i++) {
            log.atInfo().addMarker(MixpanelMarkers.event("Page Viewed")).addKeyValue("distinct_id", "u-" + i).log("viewed");
        }
        assertEquals(20, server.awaitAcceptedEvents(20).size());
        MixpanelAppender appender = mixpanelAppenders().get(0);
        assertTrue(appender.flush(Duration.ofSeconds(10)));
        assertEquals(20, appender.getStats().delivered() + appender.getStats().droppedTotal());
        assertEquals(20, appender.getStats().delivered());
    }

    @Test
    void aLaterApplicationWithOtherPropertiesReplacesTheAppender() {
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.static-properties.app=first"));
        running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.base-url=" + server.url(),
                "mixlog.flush-interval=50ms", "mixlog.static-properties.app=second"));

        assertEquals(1, mixpanelAppenders().size());
        LoggerFactory.getLogger("shop").atInfo().addMarker(MixpanelMarkers.event("Opened")).addKeyValue("distinct_id", "u-3")
                .log("opened");
        assertEquals("second", server.awaitAcceptedEvents(1).get(0).path("properties").path("app").asText());
    }

    @Test
    void aLaterApplicationWithMixlogDisabledOrWithoutATokenTakesTheEarlierAppenderAway() {
        String[] first = {"mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.static-properties.app=first"};
        running.add(ShopApplication.run(first));
        assertEquals(1, mixpanelAppenders().size());
        running.add(ShopApplication.run("mixlog.enabled=false"));
        assertEquals(List.of(), mixpanelAppenders(), "the latest application's settings apply: none");

        running.add(ShopApplication.run(first));
        assertEquals(1, mixpanelAppenders().size());
        running.add(ShopApplication.run("mixlog.base-url=" + server.url()));
        assertEquals(List.of(), mixpanelAppenders(), "without a token, no appender sends with the earlier application's");
        LoggerFactory.getLogger("shop").atInfo().addMarker(MixpanelMarkers.event("Opened")).addKeyValue("distinct_id", "u-4")
                .log("opened");
        assertTrue(Mixlog.flush(Duration.ofSeconds(5)));
        assertEquals(0, server.requestCount(), "nothing was sent with the first application's settings");
    }

    @Test
    void whenBootReinitializesLoggingTheStarterAttachesANewAppender() {
        String[] properties = {"mixlog.token=starter-token", "mixlog.base-url=" + server.url(), "mixlog.flush-interval=50ms"};
        ConfigurableApplicationContext first = ShopApplication.run(properties);
        MixpanelAppender before = mixpanelAppenders().get(0);
        first.close();
        // the next application finds logging uninitialized: Boot stops and resets the logger context
        running.add(ShopApplication.run(properties));

        List<MixpanelAppender> now = mixpanelAppenders();
        assertEquals(1, now.size());
        assertTrue(now.get(0) != before, "a new appender");
        Await.until(() -> !before.isStarted(), "the old appender stopped with the reset");
        LoggerFactory.getLogger("shop").atInfo().addMarker(MixpanelMarkers.event("After Restart"))
                .addKeyValue("distinct_id", "u-2").log("again");
        assertEquals("After Restart", server.awaitAcceptedEvents(1).get(0).path("event").asText());
    }

    @Test
    void mixlogEnabledFalseAttachesNothingAndSaysNothing() {
        String output = consoleOf(() -> running.add(ShopApplication.run("mixlog.enabled=false", "mixlog.token=starter-token",
                "mixlog.base-url=" + server.url())));
        assertEquals(List.of(), mixpanelAppenders());
        assertTrue(output.lines().noneMatch(line -> line.contains("Mixlog")), output);
    }

    @Test
    void withoutATokenTheApplicationStartsAndOneWarningNamesMixlogToken() {
        String output = consoleOf(() -> running.add(ShopApplication.run("mixlog.base-url=" + server.url())));
        assertTrue(running.get(0).isActive(), "the application started");
        assertEquals(List.of(), mixpanelAppenders(), "no appender, so nothing can be sent");
        LoggerFactory.getLogger("shop").atInfo().addMarker(MixpanelMarkers.event("Signed Up")).log("signed up");
        assertTrue(Mixlog.flush(Duration.ofSeconds(5)));
        assertEquals(0, server.requestCount(), "nothing was sent");
        long warnings = output.lines().filter(line -> line.contains("WARN") && line.contains("mixlog.token is not set")).count();
        assertEquals(1, warnings, output);
    }

    @Test
    void anAppenderDeclaredInTheLoggingConfigurationIsUsedAndNoneAdded() {
        String output = consoleOf(() -> running.add(ShopApplication.run("logging.config=classpath:logback-declared.xml", "mixlog.token=starter-token",
                    "mixlog.base-url=" + server.url())));
        List<MixpanelAppender> appenders = mixpanelAppenders();
        assertEquals(1, appenders.size());
        assertEquals("DECLARED", appenders.get(0).getName());
        assertTrue(output.contains("using the Mixpanel appender 'DECLARED'"), output);

        MDC.put("distinct_id", "u-7");
        LoggerFactory.getLogger("shop").atInfo().addMarker(MixpanelMarkers.event("Declared")).log("declared");
        assertEquals("Declared", server.awaitAcceptedEvents(1).get(0).path("event").asText());
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("declared-token:".getBytes(StandardCharsets.UTF_8)),
                server.requests().get(0).authorization(), "the declared appender's own token");
    }

    @Test
    void aBadSettingInTheApplicationsLogbackFileNeverStopsTheApplicationFromStarting() {
        ConfigurableApplicationContext application = ShopApplication.run("logging.config=classpath:logback-bad-setting.xml");
        running.add(application);

        assertTrue(application.isActive());
        List<Status> statuses = ((LoggerContext) LoggerFactory.getILoggerFactory()).getStatusManager().getCopyOfStatusList();
        assertTrue(statuses.stream().anyMatch(status -> status.getLevel() == Status.WARN
                && status.getMessage().contains("maxBatchEvents must be a whole number from 1 to 2000, got 5000")), statuses::toString);
        assertTrue(statuses.stream().noneMatch(status -> status.getLevel() == Status.ERROR), statuses::toString);
        assertEquals(List.of(), mixpanelAppenders(), "the appender with the bad setting did not start");
    }

    @Test
    void aBadMixlogPropertyNeverStopsTheApplicationFromStarting() {
        String output = consoleOf(() -> running.add(ShopApplication.run("mixlog.token=starter-token", "mixlog.max-batch-events=5000")));
        assertTrue(running.get(0).isActive(), output);
        assertTrue(output.contains("Mixlog (mixlog.* properties): Mixpanel appender not started: "
                + "maxBatchEvents must be a whole number from 1 to 2000, got 5000"), output);
        assertEquals(List.of(), mixpanelAppenders(), "no appender is attached with a bad setting");
    }

    /** What the application printed on the console while the action ran. */
    private static String consoleOf(Runnable action) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return console.toString(StandardCharsets.UTF_8);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private static List<MixpanelAppender> mixpanelAppenders() {
        List<MixpanelAppender> found = new ArrayList<>();
        for (Iterator<Appender<ILoggingEvent>> it = root().iteratorForAppenders(); it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof MixpanelAppender && appender.isStarted()) {
                found.add((MixpanelAppender) appender);
            }
        }
        return found;
    }
}
