package dev.baton.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.sizing.MetricsInput.AvailabilityInput;
import dev.baton.sizing.MetricsInput.HostingInput;
import dev.baton.sizing.MetricsInput.Rate;
import dev.baton.sizing.MetricsInput.Rates;
import dev.baton.sizing.MetricsInput.RepositoriesInput;
import dev.baton.sizing.ProspectMetrics.CloudProvider;
import dev.baton.sizing.ProspectMetrics.MonorepoUse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's and the web form's metrics, mapped to the engine's and refused with the engine's field paths.
 */
class MetricsInputTest {

	private static MetricsInput rates(Rate api) {
		return new MetricsInput(null, new Rates(api, null, null, null), null, null, null, null);
	}

	@Test
	void mapsEveryGroupToTheEnginesMetrics() {
		var input = new MetricsInput(3000, new Rates(new Rate(new BigDecimal("150"), new BigDecimal("90")), null, null, null),
				new RepositoriesInput(new BigDecimal("12"), 2, MonorepoUse.HEAVY),
				new MetricsInput.AutomationInput(120, new BigDecimal("0.6"), true, null),
				new AvailabilityInput(true, null, "PT1M", "4h", null),
				new HostingInput(null, null, CloudProvider.AWS));

		ProspectMetrics metrics = input.toMetrics();

		assertThat(metrics.users()).isEqualTo(3000);
		assertThat(metrics.rate(TrafficType.API)).hasValueSatisfying(rate -> {
			assertThat(rate.peak()).isEqualByComparingTo("150");
			assertThat(rate.sustained()).isEqualByComparingTo("90");
		});
		assertThat(metrics.repositories().monorepoUse()).isEqualTo(MonorepoUse.HEAVY);
		assertThat(metrics.automation().additionalWorkloads()).isTrue();
		assertThat(metrics.availability().highAvailability()).isTrue();
		assertThat(metrics.availability().recoveryPointObjective()).isEqualTo(Duration.ofMinutes(1));
		assertThat(metrics.availability().recoveryTimeObjective()).isEqualTo(Duration.ofHours(4));
		assertThat(metrics.hosting().cloudProvider()).isEqualTo(CloudProvider.AWS);
	}

	@Test
	void refusesEveryWrongFieldAtOnceByItsJsonPath() {
		var input = new MetricsInput(-1, new Rates(new Rate(new BigDecimal("-5"), null), null, null,
				new Rate(new BigDecimal("1"), new BigDecimal("2"))), null, null,
				new AvailabilityInput(null, null, "soon", null, null), null);

		var refused = catchThrowableOfType(BatonException.class, input::toMetrics);

		assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactlyInAnyOrder("rps.api.peak",
				"rps.gitPush.sustained", "availability.recoveryPointObjective", "users");
	}

	@Test
	void refusesAnEmptyRateObject() {
		var refused = catchThrowableOfType(BatonException.class, () -> rates(new Rate(null, null)).toMetrics());

		assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactly("rps.api");
	}

	@Test
	void asksForALoadWhenNothingIsGiven() {
		var refused = catchThrowableOfType(BatonException.class,
				() -> new MetricsInput(null, null, null, null, null, null).toMetrics());

		assertThat(refused.fieldErrors()).containsExactly(
				new FieldError("users", "give a user count or at least one measured request rate above zero"));
	}

	@Test
	void prefixesFieldPathsForInputNestedInAnotherBody() {
		var refused = catchThrowableOfType(BatonException.class,
				() -> rates(new Rate(new BigDecimal("-1"), null)).toMetrics("metrics."));

		assertThat(refused.fieldErrors()).extracting(FieldError::field).containsExactly("metrics.rps.api.peak");
	}

	@ParameterizedTest(name = "{0} is {1}")
	@CsvSource({ "PT1M, PT1M", "pt10s, PT10S", "30s, PT30S", "15m, PT15M", "15 min, PT15M", "4h, PT4H",
			"1.5h, PT1H30M", "1d, PT24H", "2 days, PT48H", "P1D, PT24H" })
	void readsDurationsAsIsoOrAsNumberWithUnit(String text, String expected) {
		var errors = new ArrayList<FieldError>();

		assertThat(MetricsInput.duration(text, "rpo", errors)).isEqualTo(Duration.parse(expected));
		assertThat(errors).isEmpty();
	}

	@Test
	void refusesDurationsWithoutUnit() {
		var errors = new ArrayList<FieldError>();

		assertThat(MetricsInput.duration("15", "availability.recoveryPointObjective", errors)).isNull();
		assertThat(errors).containsExactly(new FieldError("availability.recoveryPointObjective",
				"must be a duration such as PT15M, 30s, 15m, 4h or 1d but was '15'"));
	}

	@Test
	void webFormReadsTypedValuesAndKeepsTheFieldNames() {
		var form = SizingForm.of(Map.of("users", "3,000", "rps.api.peak", "150", "rps.api.sustained", " 90 ",
				"automation.offHoursShareOfPeak", "60%", "availability.highAvailability", "true",
				"hosting.cloudProvider", "aws", "_csrf", "token"));

		MetricsInput input = form.toInput();

		assertThat(input.users()).isEqualTo(3000);
		assertThat(input.rps().api()).isEqualTo(new Rate(new BigDecimal("150"), new BigDecimal("90")));
		assertThat(input.rps().web()).isNull();
		assertThat(input.automation().offHoursShareOfPeak()).isEqualByComparingTo("0.6");
		assertThat(input.availability().highAvailability()).isTrue();
		assertThat(input.hosting().cloudProvider()).isEqualTo(CloudProvider.AWS);
		assertThat(input.toMetrics().users()).isEqualTo(3000);
	}

	@Test
	void webFormRefusesTextThatIsNotANumberOrAChoice() {
		var form = SizingForm.of(Map.of("rps.web.peak", "a lot", "repositories.monorepoUse", "SOMETIMES"));

		var refused = catchThrowableOfType(BatonException.class, form::toInput);

		assertThat(refused.fieldErrors()).containsExactly(
				new FieldError("rps.web.peak", "must be a number but was 'a lot'"),
				new FieldError("repositories.monorepoUse", "must be one of NONE, LIGHT, MODERATE, HEAVY but was 'SOMETIMES'"));
	}

	@Test
	void webFormIsFilledFromSavedMetricsAndImportedRates() {
		var saved = new MetricsInput(500, new Rates(null, new Rate(new BigDecimal("12.50"), null), null, null),
				new RepositoriesInput(null, null, MonorepoUse.LIGHT), null, null, null);
		var imported = new Rates(new Rate(new BigDecimal("150"), new BigDecimal("90")), null, null, null);

		SizingForm form = SizingForm.of(saved).withRates(imported);

		assertThat(form.get("users")).isEqualTo("500");
		assertThat(form.get("rps.web.peak")).isEqualTo("12.5");
		assertThat(form.get("rps.api.sustained")).isEqualTo("90");
		assertThat(form.is("repositories.monorepoUse", "LIGHT")).isTrue();
	}

	@Test
	void recommendationReadsBackFromJsonAsItWasMade() {
		var json = JsonMapper.builder().build();
		Recommendation made = Sizing.recommend(Sizing.metrics().users(3000).rps(TrafficType.API, 150, 90)
				.largestRepositoryGb(12).monorepos(2, MonorepoUse.HEAVY).highAvailability(true)
				.multiRegionOrDisasterRecovery(true).kubernetes(ProspectMetrics.KubernetesExperience.STRONG,
						ProspectMetrics.KubernetesPreference.EVERYTHING_ON_KUBERNETES)
				.cloudProvider(CloudProvider.AWS));

		Recommendation read = json.readValue(json.writeValueAsString(made), Recommendation.class);

		assertThat(read).isEqualTo(made);
		assertThat(made.alternatives()).isNotEmpty();
		assertThat(made.addOns()).isNotEmpty();
	}
}
