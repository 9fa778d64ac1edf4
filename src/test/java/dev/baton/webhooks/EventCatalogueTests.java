package dev.baton.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import dev.baton.catalog.Grandfathering;
import dev.baton.catalog.PriceBookVersionId;
import dev.baton.catalog.PriceBookVersionPublished;
import dev.baton.licensing.LicenseId;
import dev.baton.licensing.LicenseIssued;
import dev.baton.licensing.ReconciliationId;
import dev.baton.licensing.SeatOverageNoticed;
import dev.baton.licensing.UpsellSignal;
import dev.baton.licensing.UpsellSignalId;
import dev.baton.licensing.UpsellSignalRaised;
import dev.baton.platform.Money;
import dev.baton.subscription.SubscriptionId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event catalogue: every type has a schema, and the data Baton sends for the licensing and
 * price book events is what their schemas say (the order and subscription events are checked as
 * delivered, in {@link WebhooksTests}). A schema that stopped matching its payload fails here.
 */
class EventCatalogueTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static void assertValid(EventType type, Map<String, Object> data) {
		var errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(type.schema())
				.validate(JSON.writeValueAsString(data), InputFormat.JSON);
		assertThat(errors).as(type.type()).isEmpty();
	}

	@Test
	void everyTypeHasASchemaNamedForIt() {
		for (var type : EventType.values()) {
			assertThat(JSON.readTree(type.schema()).path("$id").asString()).endsWith("/" + type.type() + ".json");
			assertThat(EventType.of(type.type())).contains(type);
		}
	}

	@Test
	void licensingAndPriceBookDataMatchTheirSchemas() {
		var subscription = SubscriptionId.of(UUID.randomUUID());
		assertValid(EventType.LICENSE_ISSUED, Payloads.licenseIssued(new LicenseIssued(LicenseId.random(), subscription, 3,
				UUID.randomUUID(), "OFFLINE", "ops@acme.example")));
		var overage = Payloads.seatOverage(new SeatOverageNoticed(ReconciliationId.random(), subscription, "QUARTERLY", 10,
				13, 3, Money.of(new BigDecimal("2673.00"), "USD"), Instant.parse("2027-03-08T00:00:00Z")));
		assertValid(EventType.SEAT_OVERAGE_NOTICED, overage);
		assertThat(overage.get("amount")).isEqualTo(Map.of("amount", "2673.00", "currency", "USD"));
		assertValid(EventType.UPSELL_SIGNAL_RAISED, Payloads.upsellSignal(new UpsellSignalRaised(UpsellSignalId.random(),
				UUID.randomUUID(), "Acme Logistics", subscription, "S-000012", UpsellSignal.Cause.OVERAGE, "2027-Q1",
				"13 users on 10 seats", null, Instant.parse("2027-03-01T00:00:00Z"))));
		assertValid(EventType.PRICE_BOOK_PUBLISHED, Payloads.priceBook(new PriceBookVersionPublished(
				PriceBookVersionId.random(), 2, LocalDate.parse("2027-01-01"), Grandfathering.KEEP_UNTIL_RENEWAL)));
	}

	@Test
	void usageThresholdDataMatchesItsSchema() {
		var data = Payloads.usageThreshold(new dev.baton.usage.UsageThresholdReached("CRM-ACC-1001", UUID.randomUUID(),
				"Acme Logistics", "ci-minutes", "CI compute minutes", "minutes", "2027-03", 5, new BigDecimal("512.5"),
				new BigDecimal("11000"), SubscriptionId.of(UUID.randomUUID()), "S-000012", null,
				Instant.parse("2027-03-20T10:00:00Z")));
		assertValid(EventType.USAGE_THRESHOLD_REACHED, data);
		assertThat(data.get("remaining")).isEqualTo("512.5");
		assertThat(data.get("thresholdPercent")).isEqualTo(5);
	}
}
