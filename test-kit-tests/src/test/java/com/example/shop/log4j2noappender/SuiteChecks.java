package com.example.shop.log4j2noappender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import java.util.List;
import java.util.stream.Collectors;

/** What each class of the suite checks: its own three events and one profile update, none of another class's. */
final class SuiteChecks {
    private SuiteChecks() {
    }

    static void recordsExactlyItsOwn(MixlogRecorder mixpanel, String eventName, String userId) {
        Ledger.record(eventName, userId, 3);

        List<RecordedEvent> events = mixpanel.events();
        assertEquals(List.of(eventName, eventName, eventName), events.stream().map(RecordedEvent::name).collect(Collectors.toList()));
        assertEquals(List.of(0, 1, 2), events.stream().map(event -> event.property("n")).collect(Collectors.toList()));
        assertEquals(userId, events.get(0).distinctId());
        assertEquals(1, mixpanel.profileUpdates().size(), () -> mixpanel.profileUpdates().toString());
        assertEquals(eventName, mixpanel.profileUpdates().get(0).value("last"));
    }
}
