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
        SpringApplication application = new SpringApplication(ShopApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        List<String> args = new ArrayList<>();
        for (String property : properties) {
            args.add("--" + property);
        }
        return application.run(args.toArray(new String[0]));
    }
}
