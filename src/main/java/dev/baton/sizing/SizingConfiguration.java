package dev.baton.sizing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the sizing service a bean, reading its data editions once at startup.
 */
@Configuration(proxyBeanMethods = false)
class SizingConfiguration {

	@Bean
	SizingService sizingService(SizingProperties properties) {
		return SizingService.fromClasspath(properties.edition());
	}
}
