package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The platform's value types and their preconditions.
 */
class PlatformValuesTests {

	@Test
	void spreadsheetCellThatStartsLikeAFormulaIsShownAsText() {
		assertThat(SpreadsheetText.cell("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetText.cell("-1+2")).isEqualTo("'-1+2");
		assertThat(SpreadsheetText.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetText.cell("EMEA")).isEqualTo("EMEA");
		assertThat(SpreadsheetText.cell(null)).isNull();
	}

	@Test
	void problemTypeSlugCanBeDeclaredOnlyOnce() {
		ProblemType.of("declared-once-for-test", HttpStatus.CONFLICT, "t", "d");

		assertThatThrownBy(() -> ProblemType.of("declared-once-for-test", HttpStatus.BAD_REQUEST, "t", "d"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("declared twice");
	}

	@Test
	void problemTypeNeedsKebabCaseAndAnErrorStatus() {
		assertThatThrownBy(() -> ProblemType.of("Not_Kebab", HttpStatus.BAD_REQUEST, "t", "d"))
				.hasMessageContaining("kebab-case");
		assertThatThrownBy(() -> ProblemType.of("all-fine", HttpStatus.OK, "t", "d"))
				.hasMessageContaining("error status");
	}

	@Test
	void problemTypeUriIsStable() {
		assertThat(ProblemType.VALIDATION_FAILED.uri()).hasToString("/problems/validation-failed");
	}

	@Test
	void ifMatchNamesTheExpectedVersion() {
		assertThat(Versions.expectedVersion("\"7\"")).isEqualTo(7);
		assertThat(Versions.expectedVersion("W/\"12\"")).isEqualTo(12);
		assertThat(Versions.etag(3)).isEqualTo("\"3\"");
	}

	@Test
	void missingIfMatchIsPreconditionRequired() {
		assertThatThrownBy(() -> Versions.expectedVersion(null)).isInstanceOfSatisfying(BatonException.class,
				e -> assertThat(e.type()).isEqualTo(ProblemType.PRECONDITION_REQUIRED));
	}

	@Test
	void foreignEtagIsABadRequest() {
		assertThatThrownBy(() -> Versions.expectedVersion("\"abc\"")).isInstanceOfSatisfying(BatonException.class,
				e -> assertThat(e.type()).isEqualTo(ProblemType.BAD_REQUEST));
	}

	@Test
	void moneyRoundsHalfEvenToTheCurrencysMinorUnit() {
		assertThat(Money.of("10.125", "USD").amount()).isEqualByComparingTo("10.12");
		assertThat(Money.of("10.135", "USD").amount()).isEqualByComparingTo("10.14");
		assertThat(Money.of("1000.5", "JPY").amount()).isEqualByComparingTo("1000");
		assertThat(Money.of("5", "EUR")).isEqualTo(new Money(new BigDecimal("5.00"), java.util.Currency.getInstance("EUR")));
	}

	@Test
	void moneyIsFormattedForPeopleWithGrouping() {
		assertThat(Money.of("85000", "USD").formatted()).isEqualTo("USD 85,000.00");
		assertThat(Money.of("1200", "JPY").formatted()).isEqualTo("JPY 1,200");
	}

	@Test
	void moneyRefusesToCompareCurrencies() {
		assertThatThrownBy(() -> Money.of("1", "USD").compareTo(Money.of("1", "EUR")))
				.hasMessageContaining("Cannot compare USD with EUR");
	}

	@Test
	void pageRequestBoundsAreChecked() {
		assertThat(new Page.Request(2, 50).offset()).isEqualTo(100);
		assertThatThrownBy(() -> new Page.Request(-1, 50)).isInstanceOf(BatonException.class).hasMessageContaining("page");
		assertThatThrownBy(() -> new Page.Request(0, 0)).isInstanceOf(BatonException.class).hasMessageContaining("size");
		assertThatThrownBy(() -> new Page.Request(0, 201)).isInstanceOf(BatonException.class).hasMessageContaining("size");
	}
}
