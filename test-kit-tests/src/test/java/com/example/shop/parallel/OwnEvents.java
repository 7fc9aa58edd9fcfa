package com.example.shop.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mixlog.test.MixlogRecorder;
import dev.mixlog.test.RecordedEvent;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What each test of the suite does and checks: it logs for a user of its own, and sees exactly that user's records. */
final class OwnEvents {
    static final int ON_THE_TEST_THREAD = 40;
    static final int IN_THE_BACKGROUND = 25;

    private OwnEvents() {
    }

    static void logAndCheck(MixlogRecorder mixpanel, String userId) throws InterruptedException {
        Overlap.awaitNeighbours();
        Orders orders = new Orders();
        orders.place(userId, ON_THE_TEST_THREAD);
        orders.placeInTheBackground(userId, IN_THE_BACKGROUND);

        List<RecordedEvent> events = mixpanel.events();
        assertEquals(List.of(userId), events.stream().map(RecordedEvent::distinctId).distinct().collect(Collectors.toList()),
                () -> "users of the events this test saw");
        TreeSet<Object> numbers = events.stream().map(event -> event.property("n")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(ON_THE_TEST_THREAD + IN_THE_BACKGROUND, events.size(), () -> "events seen: " + numbers);
        assertEquals(ON_THE_TEST_THREAD + IN_THE_BACKGROUND, numbers.size(), "each event once");
        assertEquals(1, mixpanel.profileUpdates().size());
        assertEquals(userId, mixpanel.profileUpdates().get(0).distinctId());
        assertEquals(ON_THE_TEST_THREAD, mixpanel.profileUpdates().get(0).value("orders"));
    }
}
