package com.example.shop.logback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mixlog.core.diag.DropReason;
import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedUpdate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Profile and group operations, and an update Mixlog refuses, as a user's test asserts them. */
class ProfilesAndGroupsTest {
    @RegisterExtension
    static final MixlogRecorder mixpanel = new MixlogRecorder();

    private final Accounts accounts = new Accounts();

    @Test
    void signUpSetsThePlanOnTheProfile() {
        accounts.signUp("u-1", "pro", 3);

        List<RecordedUpdate> updates = mixpanel.profileUpdates();
        assertEquals(1, updates.size());
        RecordedUpdate update = updates.get(0);
        assertEquals("$set", update.operation());
        assertEquals("u-1", update.distinctId());
        assertEquals(Map.of("plan", "pro"), update.values());
        assertEquals("pro", update.value("plan"));
        assertNull(update.groupKey());
        assertEquals("/engage", update.endpoint());
    }

    @Test
    void joiningACompanyUpdatesTheGroupAndTheProfile() {
        accounts.joinCompany("u-1", "acme", "Acme Corp");

        RecordedUpdate group = mixpanel.groupUpdates().get(0);
        assertEquals("$set", group.operation());
        assertEquals("company", group.groupKey());
        assertEquals("acme", group.groupId());
        assertEquals(Map.of("name", "Acme Corp"), group.values());
        assertNull(group.distinctId());
        RecordedUpdate profile = mixpanel.profileUpdates().get(0);
        assertEquals("$union", profile.operation());
        assertEquals(List.of("acme"), profile.value("companies"));
        assertEquals(1, mixpanel.groupUpdates().size());
        assertEquals(List.of(), mixpanel.events());
    }

    @Test
    void anUpdateForNobodyIsDroppedAsInvalid() {
        accounts.forgetTheUser("pro");

        assertEquals(List.of(), mixpanel.profileUpdates());
        assertEquals(1, mixpanel.dropped(DropReason.INVALID));
        assertEquals(Map.of(DropReason.INVALID, 1L), mixpanel.dropped());
    }
}
