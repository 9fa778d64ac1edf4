package dev.baton.quoting;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quoting settings.
 *
 * @param dealDeskAbove a discount above this percent needs deal desk's approval
 * @param financeAbove a discount above this percent needs finance's approval as well
 * @param maximumDiscount no discount is above this percent
 * @param validity how long a quote is valid by default
 */
@ConfigurationProperties("baton.quoting")
public record QuotingProperties(@DefaultValue("10") BigDecimal dealDeskAbove, @DefaultValue("25") BigDecimal financeAbove,
		@DefaultValue("60") BigDecimal maximumDiscount, @DefaultValue("30d") Duration validity) {
}
