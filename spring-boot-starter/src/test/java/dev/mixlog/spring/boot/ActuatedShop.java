package dev.mixlog.spring.boot;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A Spring Boot application with auto-configuration, so that Actuator's health and metrics run. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ActuatedShop {
    public static ConfigurableApplicationContext run(String... properties) {
        return ShopApplication.run(ActuatedShop.class, properties);
    }
}
