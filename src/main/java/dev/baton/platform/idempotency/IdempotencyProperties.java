package dev.baton.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Baton remembers the answer to an {@code Idempotency-Key}.
 *
 * @param retention after this, the key may be used again for a new request
 */
@ConfigurationProperties("baton.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention) {
}
