package dev.mixlog.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixlog.core.MarkerNames;
import dev.mixlog.core.internal.diag.Counters;
import dev.mixlog.core.diag.Adjustment;
import dev.mixlog.core.internal.mapping.MappedUpdate;
import dev.mixlog.core.internal.mapping.Operation;
import dev.mixlog.core.testing.Bodies;
import dev.mixlog.loopback.IngestionRules;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profile and group updates serialized in the shapes Mixpanel documents for {@code /engage} and {@code /groups}. */
class UpdateWriterTest {
    private final Counters stats = new Counters();
    private final UpdateWriter writer = new UpdateWriter("tok", true, 255, stats);

    private static MappedUpdate profile(String verb, Object distinctId, Map<String, Object> properties) {
        return new MappedUpdate(Operation.of(MarkerNames.profile(verb)), distinctId, null, properties, null, null);
    }

    private static MappedUpdate group(String verb, Object groupId, Map<String, Object> properties) {
        return new MappedUpdate(Operation.of(MarkerNames.group("company", verb)), "u-1", groupId, properties, null, null);
    }

    private static JsonNode json(String singleQuoted) {
        return Bodies.singleQuoted(singleQuoted);
    }

    private JsonNode written(UpdateWriter with, MappedUpdate update) throws IOException {
        ByteSink bytes = with.write(update);
        if (bytes == null) {
            throw new AssertionError("the update was not written");
        }
        JsonNode json = Bodies.JSON.readTree(bytes.toByteArray());
        JsonNode body = Bodies.JSON.createArrayNode().add(json);
        boolean isGroup = update.operation().kind() == Operation.Kind.GROUP;
        assertEquals(List.of(), isGroup ? IngestionRules.groupUpdates(body) : IngestionRules.profileUpdates(body));
        return json;
    }

    private JsonNode written(MappedUpdate update) throws IOException {
        return written(writer, update);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void eachProfileOperationHasItsDocumentedShape() throws IOException {
        String head = "{'$token':'tok','$distinct_id':'u-1','$ignore_time':true,";
        assertEquals(json(head + "'$set':{'plan':'premium','seats':5,'trial':false,'note':null}}"),
                written(profile("$set", "u-1", map("plan", "premium", "seats", 5, "trial", false, "note", null))));
        assertEquals(json(head + "'$set_once':{'first_seen':'2024-05-01'}}"),
                written(profile("$set_once", "u-1", map("first_seen", "2024-05-01"))));
        assertEquals(json(head + "'$add':{'logins':1,'credits':-2.5}}"),
                written(profile("$add", "u-1", map("logins", 1, "credits", -2.5))));
        assertEquals(json(head + "'$append':{'visited':'/pricing'}}"),
                written(profile("$append", "u-1", map("visited", "/pricing"))));
        assertEquals(json(head + "'$union':{'tags':['a','b'],'ids':[7]}}"),
                written(profile("$union", "u-1", map("tags", List.of("a", "b"), "ids", 7))));
        assertEquals(json(head + "'$remove':{'tags':'b'}}"),
                written(profile("$remove", "u-1", map("tags", "b"))));
        assertEquals(json(head + "'$unset':['legacy_plan','old_email']}"),
                written(profile("$unset", "u-1", map("legacy_plan", null, "old_email", "ignored"))));
        assertEquals(json(head + "'$delete':''}"),
                written(profile("$delete", "u-1", map())));
    }

    @Test
    void eachGroupOperationHasItsDocumentedShapeWithoutProfileOptions() throws IOException {
        String head = "{'$token':'tok','$group_key':'company','$group_id':'acme',";
        assertEquals(json(head + "'$set':{'name':'Acme'}}"), written(group("$set", "acme", map("name", "Acme"))));
        assertEquals(json(head + "'$set_once':{'founded':1999}}"), written(group("$set_once", "acme", map("founded", 1999))));
        assertEquals(json(head + "'$union':{'regions':['eu']}}"), written(group("$union", "acme", map("regions", List.of("eu")))));
        assertEquals(json(head + "'$remove':{'regions':'us'}}"), written(group("$remove", "acme", map("regions", "us"))));
        assertEquals(json(head + "'$unset':['legacy']}"), written(group("$unset", "acme", map("legacy", 1))));
        assertEquals(json(head + "'$delete':''}"), written(group("$delete", "acme", map())));
    }

    @Test
    void addKeepsOnlyNumbers() throws IOException {
        assertEquals(json("{'logins':1}"),
                written(profile("$add", "u-1", map("logins", 1, "plan", "pro", "flag", true, "none", null))).path("$add"));
        assertEquals(3, stats.adjusted(Adjustment.PROPERTY_DROPPED));
    }

    @Test
    void unionSendsNonEmptyListsOfNumbersAndStrings() throws IOException {
        MappedUpdate update = profile("$union", "u-1", map("tags", "solo", "mixed", Arrays.asList(1, "x", true, null, List.of(2)),
                "empty", List.of(), "flags", List.of(false), "object", Map.of("a", 1)));

        assertEquals(json("{'tags':['solo'],'mixed':[1,'x']}"), written(update).path("$union"));
        assertEquals(3, stats.adjusted(Adjustment.PROPERTY_DROPPED));
    }

    @Test
    void appendAndRemoveLeaveOutNullValues() throws IOException {
        assertEquals(json("{'visited':'/home'}"), written(profile("$append", "u-1", map("visited", "/home", "none", null))).path("$append"));
        assertEquals(json("{'tags':'x'}"), written(profile("$remove", "u-1", map("tags", "x", "none", null))).path("$remove"));
    }

    @Test
    void anUpdateWithNothingToDoOrNoOneToUpdateIsNotWritten() {
        assertNull(writer.write(profile("$set", "u-1", map())));
        assertNull(writer.write(profile("$unset", "u-1", map())));
        assertNull(writer.write(profile("$add", "u-1", map("plan", "pro"))));
        assertNull(writer.write(profile("$union", "u-1", map("tags", List.of()))));
        assertNull(writer.write(profile("$set", null, map("plan", "pro"))));
        assertNull(writer.write(profile("$set", "  ", map("plan", "pro"))));
        assertNull(writer.write(profile("$delete", "anonymous", map())));
        assertNull(writer.write(group("$set", null, map("name", "Acme"))));
        assertNull(writer.write(group("$delete", "null", map())));
    }

    @Test
    void idsAreSentAsTrimmedText() throws IOException {
        assertEquals("1234", written(profile("$delete", 1234, map())).path("$distinct_id").textValue());
        assertEquals("acme", written(group("$delete", " acme ", map())).path("$group_id").textValue());
        assertEquals("42", written(group("$delete", 42L, map())).path("$group_id").textValue());
    }

    @Test
    void ipIsLiftedAndIgnoreTimeFollowsTheSettingUnlessTheCallSaysOtherwise() throws IOException {
        Operation set = Operation.of(MarkerNames.profile("$set"));
        Map<String, Object> plan = map("plan", "pro");
        assertEquals(json("{'$token':'tok','$distinct_id':'u-1','$ip':'203.0.113.9','$ignore_time':true,'$set':{'plan':'pro'}}"),
                written(new MappedUpdate(set, "u-1", null, plan, "203.0.113.9", null)));
        assertEquals(json("{'$token':'tok','$distinct_id':'u-1','$set':{'plan':'pro'}}"),
                written(new MappedUpdate(set, "u-1", null, plan, null, false)));
        assertEquals(json("{'$token':'tok','$distinct_id':'u-1','$set':{'plan':'pro'}}"),
                written(new MappedUpdate(set, "u-1", null, plan, null, "false")));

        UpdateWriter movesLastSeen = new UpdateWriter("tok", false, 255, stats);
        assertEquals(json("{'$token':'tok','$distinct_id':'u-1','$set':{'plan':'pro'}}"),
                written(movesLastSeen, new MappedUpdate(set, "u-1", null, plan, null, null)));
        assertEquals(json("{'$token':'tok','$distinct_id':'u-1','$ignore_time':true,'$set':{'plan':'pro'}}"),
                written(movesLastSeen, new MappedUpdate(set, "u-1", null, plan, null, "true")));
    }

    @Test
    void stringsAreCutToMaxStringLength() throws IOException {
        UpdateWriter shortStrings = new UpdateWriter("tok", true, 5, stats);
        assertEquals("abcde", written(shortStrings, profile("$set", "u-1", map("name", "abcdefgh"))).path("$set").path("name").textValue());
        assertEquals(1, stats.adjusted(Adjustment.STRING_TRUNCATED));
    }
}
