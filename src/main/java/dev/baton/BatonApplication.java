package dev.baton;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Baton: the system a software vendor's go-to-market team runs on.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BatonApplication {

	public static void main(String[] args) {
		SpringApplication.run(BatonApplication.class, args);
	}
}
