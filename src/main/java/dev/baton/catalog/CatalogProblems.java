package dev.baton.catalog;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The catalog's problem types.
 */
final class CatalogProblems {

	static final ProblemType RULE = ProblemType.of("catalog-rule", HttpStatus.UNPROCESSABLE_CONTENT,
			"Catalog rule", "The change breaks a catalog rule; violations[] names each rule and why.");
	static final ProblemType CODE_TAKEN = ProblemType.of("catalog-code-taken", HttpStatus.CONFLICT,
			"Code taken", "A product or plan with this code exists already.");
	static final ProblemType NO_PRICE = ProblemType.of("catalog-no-price", HttpStatus.UNPROCESSABLE_CONTENT,
			"No price", "The plan has no list price in this currency in the price book version in effect.");
	static final ProblemType PUBLISHED = ProblemType.of("price-book-published", HttpStatus.CONFLICT,
			"Price book version published", "A published price book version is immutable; draft a new version.");

	private CatalogProblems() {
	}
}
