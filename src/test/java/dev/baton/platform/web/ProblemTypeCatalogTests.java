package dev.baton.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.baton.platform.ProblemType;

/**
 * The start-up scan that registers every module's problem types before any request needs them.
 */
class ProblemTypeCatalogTests {

	private static final String FIXTURES = "dev.baton.platform.web.fixture";

	@Test
	void registersTypesOfClassesNothingHasLoadedYet() {
		assertThat(ProblemType.all()).extracting(ProblemType::slug).doesNotContain("fixture-catalogued");

		var loaded = ProblemTypeCatalog.load(FIXTURES, "CatalogFixture", getClass().getClassLoader());

		assertThat(loaded).containsExactly(FIXTURES + ".CataloguedCatalogFixture");
		assertThat(ProblemType.all()).extracting(ProblemType::slug).contains("fixture-catalogued");
	}

	@Test
	void slugDeclaredTwiceFailsTheScan() {
		assertThatThrownBy(() -> ProblemTypeCatalog.load(FIXTURES, "DuplicateFixture", getClass().getClassLoader()))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("DuplicateFixture")
				.hasMessageContaining("'fixture-duplicate' is declared twice");
	}

	@Test
	void findsTheModulesProblemTypes() {
		var loaded = ProblemTypeCatalog.load("dev.baton", "Problems", getClass().getClassLoader());

		assertThat(loaded).contains("dev.baton.identity.IdentityProblems", "dev.baton.sizing.SizingProblems");
		assertThat(ProblemType.all()).extracting(ProblemType::slug).contains("username-taken", "sizing-edition-not-found");
	}
}
