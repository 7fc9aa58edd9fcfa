package dev.mixlog.core.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Operations travel as marker names and are read back from them. */
class OperationTest {
    @Test
    void everyProfileOperationRoundTrips() {
        for (String verb : Operation.PROFILE_OPERATIONS) {
            Operation operation = Operation.of(Operation.profileMarkerName(verb));
            assertEquals(Operation.Kind.PROFILE, operation.kind());
            assertEquals(verb, operation.verb());
            assertNull(operation.groupKey());
        }
    }

    @Test
    void everyGroupOperationRoundTripsWithItsGroupKey() {
        for (String verb : Operation.GROUP_OPERATIONS) {
            Operation operation = Operation.of(Operation.groupMarkerName("company_id", verb));
            assertEquals(Operation.Kind.GROUP, operation.kind());
            assertEquals(verb, operation.verb());
            assertEquals("company_id", operation.groupKey());
        }
    }

    @Test
    void identifyAndOrdinaryNamesAreReadBack() {
        assertEquals(Operation.Kind.IDENTIFY, Operation.of(Operation.identifyMarkerName()).kind());
        for (String name : new String[] {"Signed Up", "mixpanel:profile:$nope", "mixpanel:group:$set",
                "mixpanel:group:company:$add", "mixpanel:other", null}) {
            assertEquals(Operation.Kind.EVENT, Operation.of(name).kind(), String.valueOf(name));
        }
    }

    @Test
    void unknownOperationsAndBadGroupKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Operation.profileMarkerName("$increment"));
        assertThrows(IllegalArgumentException.class, () -> Operation.groupMarkerName("company", "$add"));
        assertThrows(IllegalArgumentException.class, () -> Operation.groupMarkerName(" ", "$set"));
        assertThrows(IllegalArgumentException.class, () -> Operation.groupMarkerName("a:b", "$set"));
        assertThrows(IllegalArgumentException.class, () -> Operation.groupMarkerName(null, "$set"));
    }
}
