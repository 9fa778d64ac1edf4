package dev.baton.billing.gateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The payment gateway Baton charges cards through, chosen by {@code baton.billing.gateway}:
 * {@code sandbox} (the default: deterministic test cards, no network) or {@code stripe}.
 */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PaymentGateway paymentGateway(Environment environment) {
		var name = environment.getProperty("baton.billing.gateway", SandboxGateway.NAME);
		if (SandboxGateway.NAME.equals(name)) {
			return new SandboxGateway();
		}
		if (StripeGateway.NAME.equals(name)) {
			return new StripeGateway(environment.getRequiredProperty("baton.billing.stripe.api-key"),
					environment.getProperty("baton.billing.stripe.api-base", "https://api.stripe.com"));
		}
		throw new IllegalStateException("baton.billing.gateway is " + name + "; it is sandbox or stripe");
	}
}
