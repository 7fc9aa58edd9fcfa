package dev.mixlog.logback;

import dev.mixlog.slf4j.MixpanelMarkers;
import static dev.mixlog.core.testing.Bodies.singleQuoted;
import static dev.mixlog.core.testing.EndpointChecks.assertEveryRequestValid;
import static dev.mixlog.core.testing.EndpointChecks.assertResentOnce;
import static dev.mixlog.core.testing.EndpointChecks.assertSameRecords;
import static dev.mixlog.core.testing.EndpointChecks.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixlog.core.diag.DropReason;
import dev.mixlog.core.diag.MixlogStats;
import dev.mixlog.loopback.Await;
import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.loopback.Reply;
import dev.mixlog.loopback.Request;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * Profile updates to {@code /engage}, group updates to {@code /groups} and {@code $identify} to
 * {@code /track}, logged through SLF4J with Logback: each operation's body exactly as Mixpanel
 * documents it, each endpoint batched on its own beside the events, retried and refused as events are.
 */
class ProfilesAndGroupsTest {
    private static final String PROFILE = "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,";
    private static final String GROUP = "{'$token':'test-project-token','$group_key':'company','$group_id':'acme',";

    @RegisterExtension
    final LogbackFixture fixture = new LogbackFixture();
    private final LoopbackMixpanel server = fixture.server();
    private LogbackHarness logback;

    private Logger start(String configuration) {
        logback = fixture.configure(configuration);
        return logback.logger();
    }

    /** The checks Mixpanel's description puts on each endpoint's body. */
    @Test
    void eachProfileOperationSendsTheBodyMixpanelDocuments() {
        Logger log = start("profiles.xml");
        MDC.put("distinct_id", "u-1");
        MDC.put("tenant", "not-a-profile-property");

        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "premium").addKeyValue("seats", 5)
                .addKeyValue("trial", false).log("plan changed");
        log.atInfo().addMarker(MixpanelMarkers.profileSetOnce()).addKeyValue("first_seen", "2024-05-01").log("first seen");
        log.atInfo().addMarker(MixpanelMarkers.profileAdd()).addKeyValue("logins", 1).addKeyValue("credits", 2.5).log("logged in");
        log.atInfo().addMarker(MixpanelMarkers.profileAppend()).addKeyValue("visited", "/pricing").log("visited");
        log.atInfo().addMarker(MixpanelMarkers.profileUnion()).addKeyValue("tags", List.of("beta", "eu")).log("tagged");
        log.atInfo().addMarker(MixpanelMarkers.profileRemove()).addKeyValue("tags", "beta").log("untagged");
        log.atInfo().addMarker(MixpanelMarkers.profileUnset()).addKeyValue("legacy_plan", (Object) null).addKeyValue("old_email", "")
                .log("cleaned up");
        log.atInfo().addMarker(MixpanelMarkers.profileDelete()).log("account closed");

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 8);
        logback.stop();

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
        assertEquals(8, logback.stats().delivered());
    }

    @Test
    void eachGroupOperationSendsTheBodyMixpanelDocuments() {
        Logger log = start("profiles.xml");
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme")
                .addKeyValue("name", "Acme Corp").addKeyValue("seats", 40).log("company updated");
        log.atInfo().addMarker(MixpanelMarkers.groupSetOnce("company")).addKeyValue("company", "acme")
                .addKeyValue("founded", 1999).log("company created");
        log.atInfo().addMarker(MixpanelMarkers.groupUnion("company")).addKeyValue("company", "acme")
                .addKeyValue("regions", List.of("eu", "us")).log("regions added");
        log.atInfo().addMarker(MixpanelMarkers.groupRemove("company")).addKeyValue("company", "acme")
                .addKeyValue("regions", "us").log("region removed");
        log.atInfo().addMarker(MixpanelMarkers.groupUnset("company")).addKeyValue("company", "acme")
                .addKeyValue("legacy_tier", (Object) null).log("tier dropped");
        log.atInfo().addMarker(MixpanelMarkers.groupDelete("company")).addKeyValue("company", "acme").log("company deleted");

        List<JsonNode> updates = server.awaitAcceptedRecords("/groups", 6);
        logback.stop();

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
    void theGroupIdComesFromTheKeyValueNamedByTheGroupKeyElseFromTheMdc() {
        Logger log = start("profiles.xml");
        MDC.put("company", "mdc-co");
        MDC.put("team", "mdc-team");

        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("name", "From MDC").log("by MDC");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "kv-co")
                .addKeyValue("name", "From key-value").log("by key-value");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("team")).addKeyValue("lead", "Ada").log("another group key");

        List<JsonNode> updates = server.awaitAcceptedRecords("/groups", 3);
        logback.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$group_key':'company','$group_id':'mdc-co','$set':{'name':'From MDC'}}",
                "{'$token':'test-project-token','$group_key':'company','$group_id':'kv-co','$set':{'name':'From key-value'}}",
                "{'$token':'test-project-token','$group_key':'team','$group_id':'mdc-team','$set':{'lead':'Ada'}}"), updates);
        assertEveryRequestValid(server);
    }

    @Test
    void ignoreTimeIsOnByDefaultAndOffForOneCallAndIpIsLiftedToTheTop() {
        Logger log = start("profiles.xml");

        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", "u-1").addKeyValue("plan", "pro")
                .log("server-side change");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", "u-2").addKeyValue("plan", "pro")
                .addKeyValue("$ignore_time", false).log("the user did this");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", "u-3").addKeyValue("plan", "pro")
                .addKeyValue("$ip", "203.0.113.9").log("with the user's address");

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 3);
        logback.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,'$set':{'plan':'pro'}}",
                "{'$token':'test-project-token','$distinct_id':'u-2','$set':{'plan':'pro'}}",
                "{'$token':'test-project-token','$distinct_id':'u-3','$ip':'203.0.113.9','$ignore_time':true,'$set':{'plan':'pro'}}"),
                updates);
        assertEveryRequestValid(server);
    }

    @Test
    void profileIgnoreTimeFalseMovesLastSeenUnlessTheCallAsksOtherwise() {
        Logger log = start("profiles-move-last-seen.xml");
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.profileAdd()).addKeyValue("logins", 1).log("the user logged in");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").addKeyValue("$ignore_time", true)
                .log("billing job");

        List<JsonNode> updates = server.awaitAcceptedRecords("/engage", 2);
        logback.stop();

        assertSameRecords(json(
                "{'$token':'test-project-token','$distinct_id':'u-1','$add':{'logins':1}}",
                "{'$token':'test-project-token','$distinct_id':'u-1','$ignore_time':true,'$set':{'plan':'pro'}}"), updates);
        assertEveryRequestValid(server);
    }

    @Test
    void eventsUpdatesAndIdentifyGoEachToTheirOwnEndpointInOneRun() {
        Logger log = start("profiles.xml");
        MDC.put("$device_id", "device-7");
        log.atInfo().addMarker(MixpanelMarkers.event("Page Viewed")).addKeyValue("page", "/pricing").log("anonymous view");
        log.atInfo().addMarker(MixpanelMarkers.identify()).addKeyValue("distinct_id", "u-1").addKeyValue("$anon_id", "device-7")
                .log("signed in");
        MDC.put("distinct_id", "u-1");
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).addKeyValue("$user_id", "u-1").addKeyValue("plan", "premium")
                .log("signed up");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "premium").log("profile");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme").addKeyValue("name", "Acme")
                .log("company");
        log.atInfo().addMarker(MixpanelMarkers.profileSetOnce()).addKeyValue("first_seen", "2024-05-01").log("first seen");
        log.atInfo().addMarker(MixpanelMarkers.event("Plan Chosen")).log("plan chosen");
        logback.stop();

        assertEveryRequestValid(server);
        MixlogStats stats = logback.stats();
        assertEquals(7, stats.delivered());
        assertEquals(0, stats.droppedTotal());

        List<JsonNode> events = server.acceptedRecords("/import");
        assertEquals(Set.of("Page Viewed", "Signed Up", "Plan Chosen"),
                events.stream().map(e -> e.path("event").asText()).collect(Collectors.toSet()));
        assertEquals(3, events.size());
        for (Request request : server.requestsTo("/import")) {
            assertEquals("gzip", request.header("Content-Encoding"));
        }
        JsonNode anonymous = event(events, "Page Viewed");
        assertEquals("", anonymous.path("distinct_id").textValue());
        assertEquals("device-7", anonymous.path("$device_id").textValue(), "$device_id passes through untouched");
        JsonNode signedUp = event(events, "Signed Up");
        assertEquals("u-1", signedUp.path("distinct_id").textValue());
        assertEquals("u-1", signedUp.path("$user_id").textValue(), "$user_id passes through untouched");
        assertEquals("device-7", signedUp.path("$device_id").textValue());
        assertEquals("test", signedUp.path("env").textValue());

        assertSameRecords(json(PROFILE + "'$set':{'plan':'premium'}}", PROFILE + "'$set_once':{'first_seen':'2024-05-01'}}"),
                server.acceptedRecords("/engage"));
        assertSameRecords(json(GROUP + "'$set':{'name':'Acme'}}"), server.acceptedRecords("/groups"));

        List<JsonNode> identities = server.acceptedRecords("/track");
        assertEquals(1, identities.size());
        ObjectNode identify = identities.get(0).deepCopy();
        ObjectNode properties = (ObjectNode) identify.path("properties");
        assertTrue(properties.remove("time").isIntegralNumber());
        assertTrue(properties.remove("$insert_id").isTextual());
        assertEquals(singleQuoted("{'event':'$identify','properties':{'distinct_id':'u-1','token':'test-project-token',"
                + "'$identified_id':'u-1','$anon_id':'device-7'}}"), identify);
    }

    private static JsonNode event(List<JsonNode> events, String name) {
        return events.stream().filter(e -> name.equals(e.path("event").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " among " + events)).path("properties");
    }

    @Test
    void eachEndpointIsBatchedOnItsOwn() {
        Logger log = start("profiles-batches-of-three.xml");
        MDC.put("distinct_id", "u-1");
        for (int i = 0; i < 7; i++) {
            log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("step", i).log("profile");
        }
        for (int i = 0; i < 4; i++) {
            log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme").addKeyValue("step", i)
                    .log("group");
        }
        for (int i = 0; i < 5; i++) {
            log.atInfo().addMarker(MixpanelMarkers.event("Step Done")).addKeyValue("step", i).log("event");
        }
        log.atInfo().addMarker(MixpanelMarkers.identify()).addKeyValue("$anon_id", "device-1").log("identify");
        log.atInfo().addMarker(MixpanelMarkers.identify()).addKeyValue("$anon_id", "device-2").log("identify");
        logback.stop();

        assertEveryRequestValid(server);
        assertEquals(List.of(1, 3, 3), batchSizes("/engage"));
        assertEquals(List.of(1, 3), batchSizes("/groups"));
        assertEquals(List.of(2, 3), batchSizes("/import"));
        assertEquals(List.of(2), batchSizes("/track"));
        assertEquals(18, logback.stats().delivered());
    }

    private List<Integer> batchSizes(String path) {
        return server.requestsTo(path).stream().map(request -> request.body().size()).sorted().collect(Collectors.toList());
    }

    @Test
    void updatesWithNoOneToUpdateOrNothingToDoAreDroppedAsInvalid() {
        Logger log = start("profiles.xml");

        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").log("no distinct_id");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", "anonymous").addKeyValue("plan", "pro")
                .log("a banned distinct_id");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("distinct_id", "u-1").log("nothing to set");
        log.atInfo().addMarker(MixpanelMarkers.profileUnset()).addKeyValue("distinct_id", "u-1").log("nothing to unset");
        log.atInfo().addMarker(MixpanelMarkers.profileAdd()).addKeyValue("distinct_id", "u-1").addKeyValue("plan", "pro")
                .log("nothing to add");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("distinct_id", "u-1").addKeyValue("name", "Acme")
                .log("no group id");
        log.atInfo().addMarker(MixpanelMarkers.identify()).addKeyValue("distinct_id", "u-1").log("no $anon_id");
        log.atInfo().addMarker(MixpanelMarkers.profileDelete()).addKeyValue("distinct_id", "u-1").log("the one valid update");
        logback.stop();

        assertEquals(7, logback.stats().dropped(DropReason.INVALID));
        assertEquals(1, logback.stats().delivered());
        assertEquals(json(PROFILE + "'$delete':''}"), server.acceptedRecords("/engage"));
        assertEquals(server.requests(), server.requestsTo("/engage"));
        logback.awaitStatus(Status.WARN, "events dropped: invalid event");
    }

    @Test
    void withoutATokenUpdatesAndIdentifyAreDroppedWithAnError() {
        Logger log = start("profiles-service-account.xml");
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").log("profile");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme").addKeyValue("name", "Acme")
                .log("group");
        log.atInfo().addMarker(MixpanelMarkers.identify()).addKeyValue("$anon_id", "device-7").log("identify");
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).log("an event still goes to /import");
        logback.stop();

        String error = logback.awaitStatus(Status.ERROR, "need the project token");
        assertTrue(error.contains("set token"), error);
        assertEquals(3, logback.stats().dropped(DropReason.INVALID));
        assertEquals(1, logback.stats().delivered());
        assertEquals(server.requests(), server.requestsTo("/import"));
        assertEveryRequestValid(server);
    }

    @Test
    void refusedCredentialsAreReportedPerEndpointNamingWhatAuthenticatesThere() {
        server.answerWith(request -> Reply.json(401, "{\"error\":\"Invalid credentials\",\"status\":0}"));
        Logger log = start("profiles-service-account-and-token.xml");
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).log("event");
        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").log("profile");

        String onImport = logback.awaitStatus(Status.ERROR, "refused the credentials on /import");
        String onEngage = logback.awaitStatus(Status.ERROR, "refused the credentials on /engage");
        logback.stop();

        assertTrue(onImport.contains("check serviceAccountUsername"), onImport);
        assertTrue(onEngage.endsWith("check token"), onEngage);
        assertEquals(2, logback.stats().dropped(DropReason.REJECTED));
    }

    @Test
    void aRateLimitedUpdateBatchIsResentOnceWithTheSameBody() {
        server.enqueue("/engage", Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}").withHeader("Retry-After", "1"));
        server.enqueue("/groups", Reply.json(429, "{\"error\":\"rate limit exceeded\",\"status\":0}").withHeader("Retry-After", "1"));
        Logger log = start("profiles.xml");
        MDC.put("distinct_id", "u-1");

        log.atInfo().addMarker(MixpanelMarkers.profileSet()).addKeyValue("plan", "pro").log("profile");
        log.atInfo().addMarker(MixpanelMarkers.profileAdd()).addKeyValue("logins", 1).log("profile");
        log.atInfo().addMarker(MixpanelMarkers.groupSet("company")).addKeyValue("company", "acme").addKeyValue("name", "Acme")
                .log("group");
        log.atInfo().addMarker(MixpanelMarkers.event("Signed Up")).log("event");

        Await.until(() -> logback.stats().delivered() == 4, "4 records delivered");
        logback.stop();

        assertResentOnce(server, "/engage");
        assertResentOnce(server, "/groups");
        assertSameRecords(json(PROFILE + "'$set':{'plan':'pro'}}", PROFILE + "'$add':{'logins':1}}"), server.acceptedRecords("/engage"));
        assertSameRecords(json(GROUP + "'$set':{'name':'Acme'}}"), server.acceptedRecords("/groups"));
        assertEquals(1, server.acceptedRecords("/import").size());
        assertEquals(2, logback.stats().retried());
        assertEquals(0, logback.stats().droppedTotal());
        assertEveryRequestValid(server);
    }

    @Test
    void statusZeroFromEngageIsARejectionEvenUnder200() {
        server.enqueue("/engage", Reply.json(200, "{\"status\":0,\"error\":\"$add values must be numeric\"}"));
        Logger log = start("profiles.xml");

        log.atInfo().addMarker(MixpanelMarkers.profileAdd()).addKeyValue("distinct_id", "u-1").addKeyValue("logins", 1)
                .log("refused by the server");
        log.atInfo().addMarker(MixpanelMarkers.event("Logged In")).addKeyValue("distinct_id", "u-1").log("event");

        String warning = logback.awaitStatus(Status.WARN, "status 0");
        Await.until(() -> logback.stats().delivered() == 1, "the event delivered");
        logback.stop();

        assertTrue(warning.contains("/engage") && warning.contains("$add values must be numeric"), warning);
        assertEquals(1, logback.stats().rejected());
        assertEquals(1, logback.stats().dropped(DropReason.REJECTED));
        assertEquals(1, server.requestsTo("/engage").size(), "a rejection is not retried");
        assertEveryRequestValid(server);
    }
}
