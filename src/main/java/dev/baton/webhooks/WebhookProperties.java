package dev.baton.webhooks;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent ({@code baton.webhooks.*}).
 *
 * @param pollInterval how often each instance looks for due deliveries
 * @param workers deliveries sent at once by one instance
 * @param perEndpoint deliveries to one endpoint in flight at once, across instances: a slow or dead
 *        endpoint holds no more workers than this
 * @param connectTimeout time to connect to an endpoint
 * @param readTimeout time for an endpoint to answer
 * @param retries the waits after each failed attempt; after the last, the delivery has failed
 * @param previousSecretValidity how long the previous secret keeps signing after a rotation
 */
@ConfigurationProperties("baton.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("4") int workers,
		@DefaultValue("2") int perEndpoint, @DefaultValue("3s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout,
		@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retries,
		@DefaultValue("24h") Duration previousSecretValidity) {
}
