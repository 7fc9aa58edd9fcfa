package dev.mixlog.spring.boot;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A Spring Boot application with nothing but the starter on its class path, configured by properties only. */
@Configuration(proxyBeanMethods = false)
public class ShopApplication {
    /** Runs the application with these {@code name=value} properties, as {@code --name=value} arguments. */
    public static ConfigurableApplicationContext run(String... properties) {
        return run(ShopApplication.class, properties);
    }

    /** Runs an application of this configuration class with these {@code name=value} properties. */
    static ConfigurableApplicationContext run(Class<?> configuration, String... properties) {
        SpringApplication application = new SpringApplication(configuration);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(new String[0]));
    }
}
