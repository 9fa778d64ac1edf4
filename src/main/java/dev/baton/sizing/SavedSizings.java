package dev.baton.sizing;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;

/**
 * Recommendations saved against opportunities: an SA saves one to hand it to the customer and to
 * keep what was recommended, from which metrics and data edition, and when.
 */
@Service
public class SavedSizings {

	static final int NOTE_MAX_LENGTH = 2000;

	private final SavedSizingRepository repository;
	private final SizingService sizing;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final Clock clock;

	SavedSizings(SavedSizingRepository repository, SizingService sizing, Pipeline pipeline, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.sizing = sizing;
		this.pipeline = pipeline;
		this.audit = audit;
		this.clock = clock;
	}

	/** The newest recommendation saved against the opportunity, if any. */
	@Transactional(readOnly = true)
	public Optional<SavedSizing> latestFor(OpportunityId opportunityId) {
		Objects.requireNonNull(opportunityId, "opportunityId");
		return repository.latestFor(opportunityId.value());
	}

	/**
	 * Recommends from the metrics again, so what is saved is what the engine answers, and saves it.
	 *
	 * @param input the metrics as given, kept as they were
	 * @param metrics the same metrics, checked
	 * @param edition the data edition to use, {@code null} or blank for the default
	 * @throws BatonException {@code not-found} if the opportunity does not exist,
	 *         {@code sizing-edition-not-found} for an unknown edition, {@code validation-failed} for a long note
	 */
	@Transactional
	StoredSizing save(OpportunityId opportunityId, MetricsInput input, ProspectMetrics metrics, String edition, String note,
			String savedBy) {
		pipeline.opportunity(opportunityId);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > NOTE_MAX_LENGTH) {
			throw BatonException.invalid("note", "must be at most " + NOTE_MAX_LENGTH + " characters but has "
					+ text.length());
		}
		Recommendation recommendation = edition == null || edition.isBlank() ? sizing.recommend(metrics)
				: sizing.recommend(metrics, edition.strip());
		var saved = new StoredSizing(UUID.randomUUID(), opportunityId.value(), recommendation.edition(), text, savedBy,
				clock.instant(), input, recommendation);
		repository.insert(saved);
		var details = new LinkedHashMap<String, Object>();
		details.put("opportunityId", opportunityId.toString());
		details.put("edition", recommendation.edition());
		details.put("architecture", recommendation.architecture().id());
		details.put("deployment", recommendation.deployment().name());
		details.put("gitalyTopology", recommendation.gitaly().topology().name());
		audit.record("sizing-recommendation.saved", "sizing-recommendation", saved.id(), null, details);
		return saved;
	}

	/** @throws BatonException {@code not-found} if there is no such saved recommendation */
	@Transactional(readOnly = true)
	StoredSizing find(UUID id) {
		return repository.find(id).orElseThrow(() -> BatonException.notFound("Sizing recommendation", id));
	}

	/** @throws BatonException {@code not-found} if the opportunity does not exist */
	@Transactional(readOnly = true)
	Page<SavedSizing> listFor(OpportunityId opportunityId, Page.Request page) {
		pipeline.opportunity(opportunityId);
		return new Page<>(repository.listFor(opportunityId.value(), page.offset(), page.size()), page.page(),
				page.size(), repository.countFor(opportunityId.value()));
	}
}
