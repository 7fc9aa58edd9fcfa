package dev.mixlog.core.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mixlog.core.MarkerNames;
import org.junit.jupiter.api.Test;

/** Operations travel as marker names and are read back from them. */
class OperationTest {
    @Test
    void everyProfileOperationRoundTrips() {
        for (String verb : MarkerNames.PROFILE_OPERATIONS) {
            Operation operation = Operation.of(MarkerNames.profile(verb));
            assertEquals(Operation.Kind.PROFILE, operation.kind());
            assertEquals(verb, operation.verb());
            assertNull(operation.groupKey());
        }
    }

    @Test
    void everyGroupOperationRoundTripsWithItsGroupKey() {
        for (String verb : MarkerNames.GROUP_OPERATIONS) {
            Operation operation = Operation.of(MarkerNames.group("company_id", verb));
            assertEquals(Operation.Kind.GROUP, operation.kind());
            assertEquals(verb, operation.verb());
            assertEquals("company_id", operation.groupKey());
        }
    }

    @Test
    void identifyAndOrdinaryNamesAreReadBack() {
        assertEquals(Operation.Kind.IDENTIFY, Operation.of(MarkerNames.IDENTIFY).kind());
        for (String name : new String[] {"Signed Up", "mixpanel:profile:$nope", "mixpanel:group:$set",
                "mixpanel:group:company:$add", "mixpanel:other", null}) {
            assertEquals(Operation.Kind.EVENT, Operation.of(name).kind(), String.valueOf(name));
        }
    }

    @Test
    void unknownOperationsAndBadGroupKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> MarkerNames.profile("$increment"));
        assertThrows(IllegalArgumentException.class, () -> MarkerNames.group("company", "$add"));
        assertThrows(IllegalArgumentException.class, () -> MarkerNames.group(" ", "$set"));
        assertThrows(IllegalArgumentException.class, () -> MarkerNames.group("a:b", "$set"));
        assertThrows(IllegalArgumentException.class, () -> MarkerNames.group(null, "$set"));
    }
}
