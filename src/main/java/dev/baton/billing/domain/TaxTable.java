package dev.baton.billing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configured tax rates by bill-to country and, where a country's rates differ by region, by
 * region: a region's own rate first, then the country's, else no tax.
 */
public final class TaxTable {

	/** One rate of the table: a country (ISO 3166-1 alpha-2), optionally a region of it, its name and percent. */
	public record Entry(String country, String region, String name, BigDecimal percent) {

		public Entry {
			Objects.requireNonNull(country, "country");
			Objects.requireNonNull(percent, "percent");
			country = country.strip().toUpperCase(java.util.Locale.ROOT);
			region = region == null || region.isBlank() ? null : region.strip().toUpperCase(java.util.Locale.ROOT);
			name = name == null || name.isBlank() ? "Tax" : name.strip();
			if (percent.signum() < 0) {
				throw new IllegalArgumentException("A tax rate is 0 or more percent, not " + percent + " for " + country);
			}
		}
	}

	private final List<Entry> entries;

	public TaxTable(List<Entry> entries) {
		this.entries = List.copyOf(entries);
	}

	/** The rate for a bill-to country and region (either may be null); empty when the table has none. */
	public Optional<TaxRate> rateFor(String country, String region) {
		if (country == null) {
			return Optional.empty();
		}
		var c = country.strip().toUpperCase(java.util.Locale.ROOT);
		var r = region == null || region.isBlank() ? null : region.strip().toUpperCase(java.util.Locale.ROOT);
		Entry countryWide = null;
		for (var entry : entries) {
			if (!entry.country().equals(c)) {
				continue;
			}
			if (entry.region() == null) {
				countryWide = entry;
			}
			else if (entry.region().equals(r)) {
				return Optional.of(new TaxRate(c + "-" + r, entry.name(), entry.percent()));
			}
		}
		return Optional.ofNullable(countryWide).map(e -> new TaxRate(c, e.name(), e.percent()));
	}
}
