package dev.mixlog.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's Spring Boot demo, as it runs without a token: everything logged reaches the loopback Mixpanel. */
class ShopApplicationTest {
    @Test
    void withoutATokenTheDemoShipsEverythingToTheLoopbackMixpanel() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        ShopApplication.Summary summary = ShopApplication.run(new PrintStream(output, true, StandardCharsets.UTF_8));

        int customers = ShopApplication.CUSTOMERS;
        assertEquals(3 * customers, summary.logged());
        assertEquals(summary.logged(), summary.arrived(), output::toString);
        assertEquals(Map.of("Cart Viewed", customers, "Order Paid", customers, "profile update", customers), summary.byName());
        assertEquals(0, summary.violations());
        assertTrue(summary.complete());
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("shipping to a loopback Mixpanel"), output::toString);
    }
}
