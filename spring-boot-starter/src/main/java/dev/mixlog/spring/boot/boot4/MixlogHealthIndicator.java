package dev.mixlog.spring.boot.boot4;

import dev.mixlog.spring.boot.MixlogHealth;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code mixlog} health contributor on Spring Boot 4 (see {@link MixlogHealth}). */
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
