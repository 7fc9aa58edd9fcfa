package dev.mixlog.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A Spring Boot application with auto-configuration, so that Actuator's health and metrics run. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class ActuatedShop {
    static ConfigurableApplicationContext run(String... properties) {
        SpringApplication application = new SpringApplication(ActuatedShop.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(new String[0]));
    }
}
