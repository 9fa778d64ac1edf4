package dev.baton.finance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Finance's settings ({@code baton.finance.*}).
 *
 * @param figuresInterval how often the {@code finance-booked-figures} job recomputes the booked figures
 *        of accounts whose ARR started or stopped on a recent day (a renewal taking effect, a term ending)
 */
@ConfigurationProperties("baton.finance")
public record FinanceProperties(@DefaultValue("1h") Duration figuresInterval) {
}
