package dev.baton.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parties as the event outbox stores them: written with the derived {@code channel}, and read
 * back, as when the outbox republishes an event after a crash.
 */
class PartiesJsonTests {

	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	@Test
	void partiesWrittenWithTheirChannelAreReadBack() {
		var parties = new Parties(UUID.randomUUID(), UUID.randomUUID(), null);

		var written = json.writeValueAsString(parties);

		assertThat(written).contains("\"channel\":true");
		assertThat(json.readValue(written, Parties.class)).isEqualTo(parties);
	}
}
