package dev.baton.billing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Billing settings.
 *
 * @param runInterval how often the billing run looks for subscriptions due
 */
@ConfigurationProperties("baton.billing")
public record BillingProperties(@DefaultValue("1h") Duration runInterval) {
}
