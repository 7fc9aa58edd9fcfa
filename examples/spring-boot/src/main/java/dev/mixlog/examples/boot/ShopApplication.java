package dev.mixlog.examples.boot;

import dev.mixlog.loopback.LoopbackMixpanel;
import dev.mixlog.spring.boot.Mixlog;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot shop whose only Mixlog set-up is the starter and {@code mixlog.token}. Without
 * {@code MIXPANEL_TOKEN}, it starts a loopback Mixpanel, points {@code mixlog.base-url} at it, and
 * prints what arrived.
 */
@SpringBootApplication
public class ShopApplication {
    static final int CUSTOMERS = 40;

    public static void main(String[] args) {
        Summary summary = run(System.out);
        System.exit(summary.complete() ? 0 : 1);
    }

    /** Runs the shop for {@link #CUSTOMERS} customers and reports to {@code out}. */
    static Summary run(PrintStream out) {
        String token = System.getenv("MIXPANEL_TOKEN");
        try (LoopbackMixpanel local = token == null || token.isBlank() ? LoopbackMixpanel.start() : null) {
            SpringApplication application = new SpringApplication(ShopApplication.class);
            application.setWebApplicationType(WebApplicationType.NONE);
            if (local != null) {
                application.setDefaultProperties(Map.of("mixlog.base-url", local.url()));
                out.println("No MIXPANEL_TOKEN: shipping to a loopback Mixpanel at " + local.url());
            }
            int logged = 0;
            try (ConfigurableApplicationContext context = application.run()) {
                CheckoutService checkout = context.getBean(CheckoutService.class);
                for (int customer = 0; customer < CUSTOMERS; customer++) {
                    logged += checkout.checkout("customer-" + customer, 1 + customer % 4, 10.0 + customer);
                }
                boolean settled = Mixlog.flush(Duration.ofSeconds(30));
                out.println("Logged " + logged + " Mixpanel records; all settled: " + settled);
            }
            return local == null ? new Summary(logged, logged, Map.of(), 0) : Summary.of(logged, local, out);
        }
    }

    /** What the loopback Mixpanel received. */
    record Summary(int logged, int arrived, Map<String, Integer> byName, int violations) {
        static Summary of(int logged, LoopbackMixpanel local, PrintStream out) {
            Map<String, Integer> byName = new TreeMap<>();
            local.acceptedEvents().forEach(record -> byName.merge(
                    record.has("event") ? record.path("event").asText() : "profile update", 1, Integer::sum));
            int arrived = local.acceptedEvents().size();
            out.println("The loopback Mixpanel accepted " + arrived + " records: " + byName);
            out.println("Requests breaking Mixpanel's rules: " + local.violations().size());
            return new Summary(logged, arrived, byName, local.violations().size());
        }

        boolean complete() {
            return arrived == logged && violations == 0;
        }
    }
}
