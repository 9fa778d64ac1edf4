package dev.baton.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The metered prices of a plan in a currency as resolved for a day, naming the price book version
 * they come from (which every usage charge keeps).
 */
public record MeteredPrices(PriceBookVersionId versionId, int versionNumber, List<MeteredPrice> prices) {

	public MeteredPrices {
		prices = List.copyOf(prices);
	}

	public Optional<MeteredPrice> of(String meterCode) {
		return prices.stream().filter(p -> p.meterCode().equals(meterCode)).findFirst();
	}
}
