package dev.baton.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.ChargeModel;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.subscription.Subscription;
import dev.baton.usage.jdbc.UsageRatingRepository;

/**
 * Prepaid packs: units of a meter bought by an order (adding a pack plan of the catalog to a
 * subscription), drawn on after the month's allowance, oldest first, until they expire
 * ({@code baton.usage.pack-expiry} after they were bought). Unlike the allowance, what is left of a
 * pack rolls over from month to month. A pack is recorded once per subscription version that added
 * it, however often the order's event is heard.
 */
@Service
public class Packs {

	private final UsageRatingRepository repository;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final UsageProperties properties;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final Clock clock;

	Packs(UsageRatingRepository repository, Catalog catalog, Pipeline pipeline, UsageProperties properties,
			ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.properties = properties;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** A pack with what is left of it. */
	public record Balance(UUID id, String meterCode, String planCode, BigDecimal units, BigDecimal drawn,
			BigDecimal left, Instant boughtAt, Instant expiresAt, boolean expired) {
	}

	/** A subject's packs, oldest first, with what is left of each; expired ones too. */
	@Transactional(readOnly = true)
	public List<Balance> of(String subject) {
		var now = clock.instant();
		return repository.packs(subject, null, false).stream()
				.map(p -> new Balance(p.id(), p.meterCode(), p.planCode(), p.units(), p.drawn(), p.balance(), p.boughtAt(),
						p.expiresAt(), !p.expiresAt().isAfter(now)))
				.toList();
	}

	/**
	 * Records the packs a subscription version added: each pack plan whose quantity grew. A package
	 * price gives every started package whole (2,500 minutes of packs of 1,000 are 3,000 minutes).
	 */
	void bought(Subscription before, Subscription after, UUID orderId) {
		for (var addOn : after.addOns().entrySet()) {
			var added = addOn.getValue() - (before == null ? 0 : before.addOns().getOrDefault(addOn.getKey(), 0));
			if (added <= 0) {
				continue;
			}
			var pack = catalog.pack(addOn.getKey());
			if (pack.isEmpty()) {
				continue;
			}
			var today = LocalDate.now(clock);
			var price = catalog.price(addOn.getKey(), after.currency(), today, after.priceBookVersionId()).entry();
			var units = BigDecimal.valueOf(added);
			if (price.chargeModel() == ChargeModel.PACKAGE && price.packageSize() != null) {
				var size = BigDecimal.valueOf(price.packageSize());
				units = units.divide(size, 0, RoundingMode.CEILING).multiply(size);
			}
			var subject = pipeline.account(AccountId.of(after.parties().ownerAccountId())).externalId();
			var now = clock.instant();
			var expires = now.atZone(ZoneOffset.UTC).plus(properties.packExpiry()).toInstant();
			var row = new UsageRatingRepository.PackRow(UUID.randomUUID(), subject, pack.get().meterCode(), addOn.getKey(),
					units, BigDecimal.ZERO, now, expires, after.id().value(), after.version(), orderId);
			if (repository.insert(row)) {
				audit.recordBySystem("usage.pack-bought", "usage_pack", row.id(), "Order " + orderId,
						Map.of("subject", subject, "meter", row.meterCode(), "units", units.toPlainString(),
								"expiresAt", expires.toString(), "subscription", after.number()));
				events.publishEvent(new PackBought(row.id(), subject, row.meterCode(), row.planCode(), added, units, now,
						expires, after.id(), after.version(), orderId));
			}
		}
	}
}
