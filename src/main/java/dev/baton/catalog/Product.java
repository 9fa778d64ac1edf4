package dev.baton.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Something the vendor sells, with the plans it is sold on. {@code deployment} is null for what
 * runs nowhere (services).
 */
public record Product(String code, String name, ProductKind kind, Deployment deployment, String description,
		List<Plan> plans) {

	public Product {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(kind, "kind");
		plans = List.copyOf(plans);
	}
}
