package dev.mixlog.spring.boot.boot3;

import dev.mixlog.spring.boot.MixlogHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** The {@code mixlog} health contributor on Spring Boot 3 (see {@link MixlogHealth}). */
public final class MixlogHealthIndicator implements HealthIndicator {
    private final boolean downWhileFailing;

    public MixlogHealthIndicator(boolean downWhileFailing) {
        this.downWhileFailing = downWhileFailing;
    }

    @Override
    public Health health() {
        MixlogHealth now = MixlogHealth.now(downWhileFailing);
        return Health.status(now.status()).withDetails(now.details()).build();
    }
}
