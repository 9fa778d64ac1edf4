package dev.baton.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.billing.domain.Charge;
import dev.baton.billing.domain.Contract;
import dev.baton.billing.domain.ContractVersion;
import dev.baton.billing.domain.Inputs;
import dev.baton.billing.domain.Period;
import dev.baton.catalog.ChargeModel;
import dev.baton.catalog.PriceEntry;

/**
 * The stored inputs stay readable and keep their hash as the engine's inputs grow: what older
 * computations did not write reads as its default and is written back the same.
 */
class InputsCodecTests {

	private static Inputs inputs(boolean withoutProration) {
		var charge = new Charge("premium", Charge.Kind.PLAN, BigDecimal.valueOf(5), "seat", new PriceEntry("premium",
				ChargeModel.PER_UNIT, Currency.getInstance("USD"), new BigDecimal("29"), null, null, null), 1,
				UUID.fromString("00000000-0000-0000-0000-0000000000bb"), 1, BigDecimal.ZERO);
		var version = new ContractVersion(0, LocalDate.parse("2027-01-01"), "O-000001", "CREATE_SUBSCRIPTION",
				LocalDate.parse("2028-01-01"), List.of(charge), withoutProration);
		var contract = new Contract(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), "S-000001", "USD",
				LocalDate.parse("2027-01-01"), 1, List.of(version));
		return new Inputs(contract, Period.of(LocalDate.parse("2027-01-01"), 1, 0), List.of());
	}

	@Test
	void inputsWrittenBeforeProrationModesReadBackAsProratedAndKeepTheirHash() {
		var text = InputsCodec.write(inputs(false));

		assertThat(text).doesNotContain("withoutProration");
		var read = InputsCodec.read(text);
		assertThat(read.contract().versions().get(0).withoutProration()).isFalse();
		assertThat(InputsCodec.sha256(InputsCodec.write(read))).isEqualTo(InputsCodec.sha256(text));
	}

	@Test
	void aVersionWithoutProrationIsPartOfTheInputsAndOfTheirHash() {
		var text = InputsCodec.write(inputs(true));

		assertThat(text).contains("\"withoutProration\":true");
		assertThat(InputsCodec.read(text).contract().versions().get(0).withoutProration()).isTrue();
		assertThat(InputsCodec.sha256(text)).isNotEqualTo(InputsCodec.sha256(InputsCodec.write(inputs(false))));
	}
}
