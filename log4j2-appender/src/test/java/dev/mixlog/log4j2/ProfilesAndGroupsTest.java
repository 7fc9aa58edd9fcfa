package dev.mixlog.log4j2;

import static dev.mixlog.core.testing.EndpointChecks.assertEveryRequestValid;
import static dev.mixlog.core.testing.EndpointChecks.assertResentOnce;
import static dev.mixlog.core.testing.EndpointChecks.assertSameRecords;
import static dev.mixlog.core.testing.EndpointChecks.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.core.MarkerNames;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.LoopbackMixpanelExtension;
import dev.mixlog.loopback.Reply;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.message.MapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Profile updates to {@code /engage}, group updates to {@code /groups} and {@code $identify} to
 * {@code /track}, logged with the Log4j2 API (the operation's properties are a {@link MapMessage}'s
 * fields) and through SLF4J over Log4j2: each body exactly as Mixpanel documents it, each endpoint
 * batched on its own beside the events, retried and refused as events are.
 */
class ProfilesAndGroupsTest {
    private static final String PROFILE = "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,";
    private static final String GROUP = "{'$token':'test-project-token','$group_key':'company','$group_id':'acme',";

    @RegisterExtension
    final LoopbackMixpanelExtension mixpanel = new LoopbackMixpanelExtension().publishingUrlAs("mockUrl");
    /** A fresh one for each test, from the extension. */
    private LoopbackMixpanel server;
    private LoggerContext context;
    private MixpanelAppender appender;

    @AfterEach
    void stop() {
        ThreadContext.clearAll();
        MDC.clear();
        if (context != null) {
            context.stop();
        }
    }

    private Logger start(String configuration) {
        context = TestContexts.start(configuration);
        appender = TestContexts.mixpanel(context, "mixpanel");
        return context.getLogger("shop.Accounts");
    }

    private MixlogStats stats() {
        return appender.getStats();
    }

    /** A map message with these fields, values keeping their types. */
    private static MapMessage<?, ?> fields(Object... keysAndValues) {
        MapMessage<?, ?> message = new MapMessage<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            message.with((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return message;
    }

    @Test
    void eachProfileOperationSendsTheBodyMixpanelDocuments() {
        Logger log = start("log4j2-profiles.xml");
        ThreadContext.put("distinct_id", "u-1");
        ThreadContext.put("tenant", "not-a-profile-property");

        log.info(MixpanelMarkers.profileSet(), fields("plan", "premium", "seats", 5, "trial", false));
        log.info(MixpanelMarkers.profileSetOnce(), fields("first_seen", "2024-05-01"));
        log.info(MixpanelMarkers.profileAdd(), fields("logins", 1, "credits", 2.5));
        log.info(MixpanelMarkers.profileAppend(), fields("visited", "/pricing"));
        log.info(MixpanelMarkers.profileUnion(), fields("tags", List.of("beta", "eu")));
        log.info(MixpanelMarkers.profileRemove(), fields("tags", "beta"));
        log.info(MixpanelMarkers.profileUnset(), fields("old_email", "", "legacy_plan", ""));
        log.info(MixpanelMarkers.profileDelete(), "account closed");

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 8);
        context.stop();

        assertSameRecords(json(
                PROFILE + "'$set':{'plan':'premium','seats':5,'trial':false}}",
                PROFILE + "'$set_once':{'first_seen':'2024-05-01'}}",
                PROFILE + "'$add':{'logins':1,'credits':2.5}}",
                PROFILE + "'$append':{'visited':'/pricing'}}",
                PROFILE + "'$union':{'tags':['beta','eu']}}",
                PROFILE + "'$remove':{'tags':'beta'}}",
                PROFILE + "'$unset':['legacy_plan','old_email']}",
                PROFILE + "'$delete':''}"), updates);
        assertEveryRequestValid(server);
        assertEquals(server.requests(), server.requestsTo("/engage"), "nothing but /engage");
        assertEquals(8, stats().delivered());
    }

    @Test
    void eachGroupOperationSendsTheBodyMixpanelDocuments() {
        Logger log = start("log4j2-profiles.xml");

        log.info(MixpanelMarkers.groupSet("company"), fields("company", "acme", "name", "Acme Corp", "seats", 40));
        log.info(MixpanelMarkers.groupSetOnce("company"), fields("company", "acme", "founded", 1999));
        log.info(MixpanelMarkers.groupUnion("company"), fields("company", "acme", "regions", List.of("eu", "us")));
        log.info(MixpanelMarkers.groupRemove("company"), fields("company", "acme", "regions", "us"));
        log.info(MixpanelMarkers.groupUnset("company"), fields("company", "acme", "legacy_tier", ""));
        log.info(MixpanelMarkers.groupDelete("company"), fields("company", "acme"));

        List<JsonNode> updates = server.awaitAcceptedRecords("/groups", 6);
        context.stop();

        assertSameRecords(json(
                GROUP + "'$set':{'name':'Acme Corp','seats':40}}",
                GROUP + "'$set_once':{'founded':1999}}",
                GROUP + "'$union':{'regions':['eu','us']}}",
                GROUP + "'$remove':{'regions':'us'}}",
                GROUP + "'$unset':['legacy_tier']}",
                GROUP + "'$delete':''}"), updates);
        assertEveryRequestValid(server);
        assertEquals(server.requests(), server.requestsTo("/groups"), "nothing but /groups");
    }

    @Test
    void theGroupIdComesFromTheFieldNamedByTheGroupKeyElseFromTheThreadContext() {
        Logger log = start("log4j2-profiles.xml");
        ThreadContext.put("company", "ctx-co");
        ThreadContext.put("team", "ctx-team");

        log.info(MixpanelMarkers.groupSet("company"), fields("name", "From context"));
        log.info(MixpanelMarkers.groupSet("company"), fields("company", "field-co", "name", "From field"));
        log.info(MixpanelMarkers.groupSet("team"), fields("lead", "Ada"));

        List<JsonNode> updates = server.awaitAcceptedRecords("/groups", 3);
        context.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$group_key':'company','$group_id':'ctx-co','$set':{'name':'From context'}}",
                "{'$token':'test-project-token','$group_key':'company','$group_id':'field-co','$set':{'name':'From field'}}",
                "{'$token':'test-project-token','$group_key':'team','$group_id':'ctx-team','$set':{'lead':'Ada'}}"), updates);
        assertEveryRequestValid(server);
    }

    @Test
    void ignoreTimeIsOnByDefaultAndOffForOneCallAndIpIsLiftedToTheTop() {
        Logger log = start("log4j2-profiles.xml");

        log.info(MixpanelMarkers.profileSet(), fields("distinct_id", "u-1", "plan", "pro"));
        log.info(MixpanelMarkers.profileSet(), fields("distinct_id", "u-2", "plan", "pro", "$ignore_time", false));
        log.info(MixpanelMarkers.profileSet(), fields("distinct_id", "u-3", "plan", "pro", "$ip", "203.0.113.9"));

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 3);
        context.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,'$set':{'plan':'pro'}}",
                "{'$token':'test-project-token','$distinct_id':'u-2','$set':{'plan':'pro'}}",
                "{'$token':'test-project-token','$distinct_id':'u-3','$ip':'203.0.113.9','$ignore_time':true,'$set':{'plan':'pro'}}"),
                updates);
        assertEveryRequestValid(server);
    }

    @Test
    void profileIgnoreTimeFalseMovesLastSeenUnlessTheCallAsksOtherwise() {
        Logger log = start("log4j2-profiles-move-last-seen.xml");
        ThreadContext.put("distinct_id", "u-1");

        log.info(MixpanelMarkers.profileAdd(), fields("logins", 1));
        log.info(MixpanelMarkers.profileSet(), fields("plan", "pro", "$ignore_time", "true"));

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 2);
        context.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$distinct_id':'u-1','$add':{'logins':1}}",
                "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,'$set':{'plan':'pro'}}"), updates);
        assertEveryRequestValid(server);
    }

    @Test
    void eventsUpdatesAndIdentifyGoEachToTheirOwnEndpointInOneRun() {
        Logger log = start("log4j2-profiles.xml");
        ThreadContext.put("$device_id", "device-7");
        log.info(MixpanelMarkers.event("Page Viewed"), fields("page", "/pricing"));
        log.info(MixpanelMarkers.identify(), fields("distinct_id", "u-1", "$anon_id", "device-7"));
        ThreadContext.put("distinct_id", "u-1");
        log.info(MixpanelMarkers.event("Signed Up"), fields("$user_id", "u-1", "plan", "premium"));
        log.info(MixpanelMarkers.profileSet(), fields("plan", "premium"));
        log.info(MixpanelMarkers.groupSet("company"), fields("company", "acme", "name", "Acme"));
        log.info(MixpanelMarkers.profileSetOnce(), fields("first_seen", "2024-05-01"));
        log.info(MixpanelMarkers.event("Plan Chosen"), "plan chosen");
        context.stop();

        assertEveryRequestValid(server);
        assertEquals(7, stats().delivered());
        assertEquals(0, stats().droppedTotal());

        List<JsonNode> events = server.acceptedRecords("/import");
        assertEquals(Set.of("Page Viewed", "Signed Up", "Plan Chosen"),
                events.stream().map(e -> e.path("event").asText()).collect(Collectors.toSet()));
        assertEquals(3, events.size());
        JsonNode anonymous = properties(events, "Page Viewed");
        assertEquals("", anonymous.path("distinct_id").textValue());
        assertEquals("device-7", anonymous.path("$device_id").textValue(), "$device_id passes through untouched");
        JsonNode signedUp = properties(events, "Signed Up");
        assertEquals("u-1", signedUp.path("distinct_id").textValue());
        assertEquals("u-1", signedUp.path("$user_id").textValue(), "$user_id passes through untouched");
        assertEquals("device-7", signedUp.path("$device_id").textValue());
        assertEquals("test", signedUp.path("env").textValue());

        assertSameRecords(json(PROFILE + "'$set':{'plan':'premium'}}", PROFILE + "'$set_once':{'first_seen':'2024-05-01'}}"),
                server.acceptedRecords("/engage"));
        assertSameRecords(json(GROUP + "'$set':{'name':'Acme'}}"), server.acceptedRecords("/groups"));
        assertIdentify(server.acceptedRecords("/track"), "u-1", "device-7");
    }

    private static JsonNode properties(List<JsonNode> events, String name) {
        return events.stream().filter(e -> name.equals(e.path("event").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + events)).path("properties");
    }

    /** A single {@code $identify} event, compared whole once its time and $insert_id are checked and set aside. */
    private static void assertIdentify(List<JsonNode> identities, String identifiedId, String anonId) {
        assertEquals(1, identities.size(), identities::toString);
        ObjectNode identify = identities.get(0).deepCopy();
        ObjectNode properties = (ObjectNode) identify.path("properties");
        assertTrue(properties.remove("time").isIntegralNumber());
        assertTrue(properties.remove("$insert_id").isTextual());
        assertEquals(Bodies.singleQuoted("{'event':'$identify','properties':{'distinct_id':'" + identifiedId
                + "','token':'test-project-token','$identified_id':'" + identifiedId + "','$anon_id':'" + anonId + "'}}"), identify);
    }

    @Test
    void eachEndpointIsBatchedOnItsOwn() {
        Logger log = start("log4j2-profiles-batches.xml");
        ThreadContext.put("distinct_id", "u-1");
        for (int i = 0; i < 7; i++) {
            log.info(MixpanelMarkers.profileSet(), fields("step", i));
        }
        for (int i = 0; i < 4; i++) {
            log.info(MixpanelMarkers.groupSet("company"), fields("company", "acme", "step", i));
        }
        for (int i = 0; i < 5; i++) {
            log.info(MixpanelMarkers.event("Step Done"), fields("step", i));
        }
        log.info(MixpanelMarkers.identify(), fields("$anon_id", "device-1"));
        log.info(MixpanelMarkers.identify(), fields("$anon_id", "device-2"));
        context.stop();

        assertEveryRequestValid(server);
        assertEquals(List.of(1, 3, 3), batchSizes("/engage"));
        assertEquals(List.of(1, 3), batchSizes("/groups"));
        assertEquals(List.of(2, 3), batchSizes("/import"));
        assertEquals(List.of(2), batchSizes("/track"));
        assertEquals(18, stats().delivered());
    }

    private List<Integer> batchSizes(String path) {
        return server.requestsTo(path).stream().map(request -> request.body().size()).sorted().collect(Collectors.toList());
    }

    @Test
    void updatesWithNoOneToUpdateOrNothingToDoAreDroppedAsInvalid() {
        Logger log = start("log4j2-profiles.xml");

        log.info(MixpanelMarkers.profileSet(), fields("plan", "pro"));
        log.info(MixpanelMarkers.profileSet(), fields("distinct_id", "anonymous", "plan", "pro"));
        log.info(MixpanelMarkers.profileSet(), fields("distinct_id", "u-1"));
        log.info(MixpanelMarkers.profileUnset(), fields("distinct_id", "u-1"));
        log.info(MixpanelMarkers.profileAdd(), fields("distinct_id", "u-1", "plan", "pro"));
        log.info(MixpanelMarkers.groupSet("company"), fields("distinct_id", "u-1", "name", "Acme"));
        log.info(MixpanelMarkers.identify(), fields("distinct_id", "u-1"));
        log.info(MixpanelMarkers.profileDelete(), fields("distinct_id", "u-1"));
        context.stop();

        assertEquals(7, stats().dropped(DropReason.INVALID));
        assertEquals(1, stats().delivered());
        assertEquals(json(PROFILE + "'$delete':''}"), server.acceptedRecords("/engage"));
        assertEquals(server.requests(), server.requestsTo("/engage"));
    }

    @Test
    void withoutATokenUpdatesAndIdentifyAreDroppedWithAnError() {
        try (StatusCapture status = StatusCapture.register()) {
            Logger log = start("log4j2-profiles-service-account.xml");
            ThreadContext.put("distinct_id", "u-1");

            log.info(MixpanelMarkers.profileSet(), fields("plan", "pro"));
            log.info(MixpanelMarkers.groupSet("company"), fields("company", "acme", "name", "Acme"));
            log.info(MixpanelMarkers.identify(), fields("$anon_id", "device-7"));
            log.info(MixpanelMarkers.event("Signed Up"), "an event still goes to /import");
            context.stop();

            assertTrue(status.errors().stream().anyMatch(error -> error.contains("need the project token")
                    && error.contains("set token")), status.errors()::toString);
        }
        assertEquals(3, stats().dropped(DropReason.INVALID));
        assertEquals(1, stats().delivered());
        assertEquals(server.requests(), server.requestsTo("/import"));
        assertEveryRequestValid(server);
    }

    @Test
    void aRateLimitedUpdateBatchIsResentOnceWithTheSameBody() {
        server.enqueue("/engage", Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}").withHeader("Retry-After", "1"));
        server.enqueue("/groups", Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}").withHeader("Retry-After", "1"));
        Logger log = start("log4j2-profiles.xml");
        ThreadContext.put("distinct_id", "u-1");

        log.info(MixpanelMarkers.profileSet(), fields("plan", "pro"));
        log.info(MixpanelMarkers.profileAdd(), fields("logins", 1));
        log.info(MixpanelMarkers.groupSet("company"), fields("company", "acme", "name", "Acme"));
        log.info(MixpanelMarkers.event("Signed Up"), "event");

        Await.until(() -> stats().delivered() == 4, "4 records delivered");
        context.stop();

        assertResentOnce(server, "/engage");
        assertResentOnce(server, "/groups");
        assertSameRecords(json(PROFILE + "'$set':{'plan':'pro'}}", PROFILE + "'$add':{'logins':1}}"), server.acceptedRecords("/engage"));
        assertSameRecords(json(GROUP + "'$set':{'name':'Acme'}}"), server.acceptedRecords("/groups"));
        assertEquals(1, server.acceptedRecords("/import").size());
        assertEquals(2, stats().retried());
        assertEquals(0, stats().droppedTotal());
        assertEveryRequestValid(server);
    }

    @Test
    void statusZeroFromEngageIsARejectionEvenUnder200() {
        server.enqueue("/engage", Reply.json(200, "{\"status\":0,\"error\":\"$add values must be numeric\"}"));
        try (StatusCapture status = StatusCapture.register()) {
            Logger log = start("log4j2-profiles.xml");

            log.info(MixpanelMarkers.profileAdd(), fields("distinct_id", "u-1", "logins", 1));
            log.info(MixpanelMarkers.event("Logged In"), fields("distinct_id", "u-1"));

            Await.until(() -> stats().rejected() == 1 && stats().delivered() == 1, "one rejected, one delivered");
            context.stop();

            assertTrue(status.messages(Level.WARN).stream().anyMatch(warning -> warning.contains("status 0")
                    && warning.contains("/engage") && warning.contains("$add values must be numeric")),
                    status.messages(Level.WARN)::toString);
        }
        assertEquals(1, stats().dropped(DropReason.REJECTED));
        assertEquals(1, server.requestsTo("/engage").size(), "a rejection is not retried");
        assertEveryRequestValid(server);
    }

    /**
     * Through SLF4J (log4j-slf4j2-impl) the operation markers travel by name, and key-value pairs
     * arrive as ThreadContext entries of the call: enough for ids, so deletes and {@code $identify} work.
     */
    @Test
    void throughSlf4jIdsComeFromKeyValuePairsAndTheMdc() {
        LoggerContext global = Configurator.initialize("slf4j-profiles", "log4j2-profiles.xml");
        try {
            appender = TestContexts.mixpanel(global, "mixpanel");
            org.slf4j.Logger log = LoggerFactory.getLogger("shop.Accounts");
            MDC.put("distinct_id", "u-1");

            log.atInfo().addMarker(slf4jMarker(MarkerNames.profile("$delete"))).log("account closed");
            log.atInfo().addMarker(slf4jMarker(MarkerNames.group("company", "$delete"))).addKeyValue("company", "acme")
                    .log("company closed");
            log.atInfo().addMarker(slf4jMarker(MarkerNames.IDENTIFY)).addKeyValue("$anon_id", "device-7").log("identified");
        } finally {
            Configurator.shutdown(global);
        }

        assertEquals(3, stats().delivered());
        assertEquals(json(PROFILE + "'$delete':''}"), server.acceptedRecords("/engage"));
        assertEquals(json(GROUP + "'$delete':''}"), server.acceptedRecords("/groups"));
        assertIdentify(server.acceptedRecords("/track"), "u-1", "device-7");
        assertEveryRequestValid(server);
    }

    /** The SLF4J marker of an operation: its name, with {@code MIXPANEL} added. */
    private static Marker slf4jMarker(String name) {
        Marker marker = MarkerFactory.getMarker(name);
        marker.add(MarkerFactory.getMarker(MixpanelMarkers.MIXPANEL_NAME));
        return marker;
    }
}
