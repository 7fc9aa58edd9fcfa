package dev.mixlog.spring.boot.internal.boot4;

import dev.mixlog.spring.boot.internal.MixlogHealth;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code mixlog} health contributor on Spring Boot 4 (see {@link MixlogHealth}). */
public final class MixlogHealthIndicator implements HealthIndicator {
    private final Supplier<MixlogHealth> health;

    public MixlogHealthIndicator(Supplier<MixlogHealth> health) {
        this.health = health;
    }

    @Override
    public Health health() {
        MixlogHealth now = health.get();
        return Health.status(now.status()).withDetails(now.details()).build();
    }
}
