package dev.baton.usage;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.usage.domain.MeterPolicy;
import dev.baton.usage.jdbc.UsageEventRepository;
import dev.baton.usage.jdbc.UsageRepository;

/**
 * Defines and archives meters. A meter defined after events of its type arrived counts them too:
 * it is backfilled from the stored events while ingestion waits, so no event is counted twice or
 * missed in between.
 */
@Service
public class Meters {

	private final UsageRepository repository;
	private final UsageEventRepository events;
	private final AuditLog audit;
	private final Clock clock;

	Meters(UsageRepository repository, UsageEventRepository events, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/** What a new meter is to be. */
	public record Definition(String code, String name, String eventType, Aggregation aggregation, String valueProperty,
			Map<String, String> dimensions, String unit) {
	}

	@Transactional
	public Meter define(Definition definition, String by) {
		if (definition.aggregation() == null) {
			throw BatonException.invalid("aggregation", "is one of SUM, COUNT, UNIQUE_COUNT, MAX, LATEST, TIME_WEIGHTED_AVERAGE");
		}
		var valueProperty = definition.valueProperty() == null || definition.valueProperty().isBlank() ? null
				: definition.valueProperty().strip();
		MeterPolicy.meter(definition.code(), definition.name(), definition.eventType(), definition.aggregation(),
				valueProperty, definition.dimensions(), definition.unit()).orThrow(UsageProblems.METER);
		events.lockMetersExclusive();
		if (repository.codeTaken(definition.code())) {
			throw new BatonException(ProblemType.CONFLICT, "A meter with code '" + definition.code()
					+ "' exists already (archived meters keep their code)");
		}
		var meter = new Meter(MeterId.of(UUID.randomUUID()), definition.code(), definition.name().strip(),
				definition.eventType().strip(), definition.aggregation(), valueProperty,
				definition.dimensions() == null ? Map.of() : definition.dimensions(), definition.unit().strip(), by,
				clock.instant(), null);
		repository.insertMeter(meter);
		events.backfill(meter);
		audit.record("usage.meter-defined", "usage_meter", meter.id().value(), null,
				Map.of("code", meter.code(), "eventType", meter.eventType(), "aggregation", meter.aggregation().name()));
		return meter;
	}

	@Transactional(readOnly = true)
	public List<Meter> meters() {
		return repository.meters();
	}

	@Transactional(readOnly = true)
	public Meter meter(String code) {
		return repository.meter(code).orElseThrow(() -> BatonException.notFound("Meter", code));
	}

	/** Stops counting new events; the meter's totals stay readable. */
	@Transactional
	public Meter archive(String code) {
		var meter = meter(code);
		if (repository.archive(meter.id(), clock.instant())) {
			audit.record("usage.meter-archived", "usage_meter", meter.id().value(), null, Map.of("code", meter.code()));
		}
		return meter(code);
	}
}
