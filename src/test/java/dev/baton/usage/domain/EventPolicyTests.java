package dev.baton.usage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.baton.usage.Aggregation;
import dev.baton.usage.Meter;
import dev.baton.usage.MeterId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What PostgreSQL cannot store is refused per event, before the batch is stored: U+0000 and half a
 * surrogate pair in every text stored, numbers beyond numeric's range. Data is measured compact. A
 * body not in UTF-8 is not read.
 */
class EventPolicyTests {

	private static final String SOURCE = "//ci.acme.example";
	private static final Instant NOW = Instant.parse("2026-12-02T10:20:00Z");

	private final EventPolicy policy = new EventPolicy(Duration.ofDays(35), Duration.ofMinutes(5), 200,
			JsonMapper.builder().build());
	private final CloudEventReader reader = new CloudEventReader(JsonMapper.builder().build());
	private final Meter minutes = new Meter(new MeterId(UUID.randomUUID()), "ci-minutes", "CI minutes", "ci.minutes",
			Aggregation.SUM, "/minutes", Map.of(), "minutes", "admin", NOW, null);

	/** An event as JSON text, with the attribute named replaced by the raw JSON given. */
	private static String event(String attribute, String json) {
		var attributes = new java.util.LinkedHashMap<String, String>();
		attributes.put("specversion", "\"1.0\"");
		attributes.put("id", "\"run-1\"");
		attributes.put("source", "\"" + SOURCE + "\"");
		attributes.put("type", "\"ci.minutes\"");
		attributes.put("subject", "\"CRM-ACC-1004\"");
		attributes.put("time", "\"2026-12-02T10:15:00Z\"");
		attributes.put("data", "{\"minutes\": 12.5}");
		attributes.put(attribute, json);
		var text = new StringBuilder("{");
		attributes.forEach((name, value) -> text.append(text.length() > 1 ? "," : "").append('"').append(name).append("\":")
				.append(value));
		return text.append('}').toString();
	}

	private EventPolicy.Judged judge(String json) {
		var sent = reader.read(json.getBytes(StandardCharsets.UTF_8)).events().get(0);
		return policy.judge(sent, SOURCE, Map.of("ci.minutes", List.of(minutes)), NOW);
	}

	private static String rules(EventPolicy.Judged judged) {
		return judged.decision().refusals().stream().map(r -> r.ruleId() + ": " + r.reason()).toList().toString();
	}

	@Test
	void anEventPostgresCanStoreIsAccepted() {
		assertThat(judge(event("id", "\"run-\\ud83d\\ude00\"")).accepted()).isTrue();
		assertThat(judge(event("data", "{\"minutes\": 1, \"big\": 1e131071, \"zero\": 0e-16383, \"tiny\": 1e-16383}")).accepted())
				.as("numbers at the edge of numeric's range").isTrue();
	}

	@Test
	void aNulCharacterInAnyTextStoredIsRejected() {
		assertThat(rules(judge(event("id", "\"run\\u0000\"")))).contains("usage.event-envelope: id holds no U+0000");
		assertThat(rules(judge(event("type", "\"ci.minutes\\u0000\"")))).contains("usage.event-envelope: type holds no U+0000");
		assertThat(rules(judge(event("subject", "\"CRM\\u0000\"")))).contains("usage.event-subject: subject holds no U+0000");
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"n\\u0000te\": 1}")))).contains("usage.event-data: data holds");
	}

	@Test
	void halfASurrogatePairInAnyTextStoredIsRejected() {
		assertThat(rules(judge(event("id", "\"run\\ud800\"")))).contains("usage.event-envelope: id holds no U+0000");
		assertThat(rules(judge(event("subject", "\"\\udc00CRM\"")))).contains("usage.event-subject");
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"note\": \"\\ud800\"}")))).contains("usage.event-data");
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"notes\": [\"ok\", \"\\ud800x\"]}"))))
				.contains("usage.event-data");
	}

	@Test
	void aNumberBeyondNumericsRangeIsRejectedWhereverItIs() {
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"big\": 1e131072}")))).contains("usage.event-data: data holds numbers");
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"small\": [1.5e-16383]}")))).contains("usage.event-data");
		assertThat(rules(judge(event("data", "{\"minutes\": 1, \"zero\": 0e-16384}")))).contains("usage.event-data");
		// a value sent as a string is read as a number by the meter, and stored as one
		assertThat(rules(judge(event("data", "{\"minutes\": \"1e-20000\"}")))).contains("meter ci-minutes reads a number");
	}

	@Test
	void dataIsMeasuredWithoutTheWhitespaceBetweenItsTokens() {
		var compact = "{\"minutes\":1,\"note\":\"" + "x ".repeat(85) + "\"}";
		assertThat(compact).hasSizeBetween(180, 200);
		var pretty = "{\n    \"minutes\" : 1,\n    \"note\" : \"" + "x ".repeat(85) + "\"\n}";
		assertThat(pretty).hasSizeGreaterThan(200);

		assertThat(EventPolicy.compactLength(pretty)).isEqualTo(compact.length());
		assertThat(judge(event("data", pretty)).accepted()).isTrue();
		assertThat(rules(judge(event("data", "{\"minutes\":1,\"note\":\"" + "x".repeat(200) + "\"}"))))
				.contains("data is at most 200 characters");
		assertThat(EventPolicy.compactLength("{\"a\" : \"b \\\" c\"}")).isEqualTo("{\"a\":\"b \\\" c\"}".length());
	}

	@Test
	void storableTextHasNoNulAndNoHalfOfASurrogatePair() {
		assertThat(EventPolicy.storable("CRM-ACC-1004 \ud83d\ude00")).isTrue();
		assertThat(EventPolicy.storable("a\0b")).isFalse();
		assertThat(EventPolicy.storable("\ud83d")).isFalse();
		assertThat(EventPolicy.storable("\ude00\ud83d")).isFalse();
		assertThat(EventPolicy.storable(new BigDecimal("9e131071"))).isTrue();
		assertThat(EventPolicy.storable(new BigDecimal("10e131071"))).isFalse();
		assertThat(EventPolicy.storable(new BigDecimal("0e999999"))).isTrue();
	}

	@Test
	void aBodyNotInUtf8IsNotRead() {
		var utf16 = event("id", "\"run-1\"").getBytes(StandardCharsets.UTF_16BE);

		assertThatThrownBy(() -> reader.read(utf16)).isInstanceOf(JacksonException.class).hasMessageContaining("UTF-8");
	}
}
