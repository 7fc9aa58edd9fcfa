package com.example.shop.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Spring Boot service with the Mixlog starter: its settings are its mixlog.* properties alone. */
@SpringBootApplication
public class ShopApplication {
}
