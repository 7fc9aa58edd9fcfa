package dev.mixlog.spring.boot;

import dev.mixlog.spring.boot.internal.MixlogHealth;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans around the appender the listener attaches: Micrometer meters when Micrometer is present,
 * and the {@code mixlog} health contributor with Actuator, for Boot 3's or Boot 4's health API,
 * whichever the application has ({@code management.health.mixlog.enabled=false} turns it off).
 */
@AutoConfiguration
@ConditionalOnProperty(name = SpringSettings.ENABLED, matchIfMissing = true)
public class MixlogAutoConfiguration {
    /** Meters under {@code mixlog.} (see {@link MixlogMeters}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class Metrics {
        @Bean
        @ConditionalOnMissingBean(name = "mixlogMeters")
        MeterBinder mixlogMeters() {
            return new MixlogMeters();
        }
    }

    /** The health contributor on Boot 3. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(name = "management.health.mixlog.enabled", matchIfMissing = true)
    static class Boot3Health {
        @Bean
        @ConditionalOnMissingBean(name = "mixlogHealthIndicator")
        dev.mixlog.spring.boot.internal.boot3.MixlogHealthIndicator mixlogHealthIndicator(Environment environment) {
            return new dev.mixlog.spring.boot.internal.boot3.MixlogHealthIndicator(health(environment));
        }
    }

    /** The health contributor on Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnProperty(name = "management.health.mixlog.enabled", matchIfMissing = true)
    static class Boot4Health {
        @Bean
        @ConditionalOnMissingBean(name = "mixlogHealthIndicator")
        dev.mixlog.spring.boot.internal.boot4.MixlogHealthIndicator mixlogHealthIndicator(Environment environment) {
            return new dev.mixlog.spring.boot.internal.boot4.MixlogHealthIndicator(health(environment));
        }
    }

    /** The health of the running appenders, read at each call; DOWN while requests fail only with {@code mixlog.health.down-while-failing=true}. */
    private static Supplier<MixlogHealth> health(Environment environment) {
        boolean downWhileFailing = environment.getProperty(SpringSettings.HEALTH_DOWN_WHILE_FAILING, Boolean.class, false);
        return () -> MixlogHealth.of(Backend.runningStats(), downWhileFailing);
    }
}
