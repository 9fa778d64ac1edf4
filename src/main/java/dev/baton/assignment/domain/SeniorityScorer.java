package dev.baton.assignment.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.baton.organisation.Seniority;

/**
 * Prefers senior SAs for strategically important opportunities: Net ARR at or above a threshold
 * (in the opportunity's own currency) or a Named account. Principal scores 1, Associate 0, evenly
 * between; on other opportunities seniority does not count.
 */
public final class SeniorityScorer implements Scorer {

	public static final String NAME = "seniority";

	private final BigDecimal threshold;
	/** The last request's answer, as every candidate of one recommendation asks the same (formatting money is not cheap). */
	private final AtomicReference<Memo> last = new AtomicReference<>();

	private record Memo(RequestFacts request, Optional<String> why) {
	}

	public SeniorityScorer(BigDecimal threshold) {
		this.threshold = Objects.requireNonNull(threshold, "threshold");
	}

	@Override
	public String name() {
		return NAME;
	}

	/** Why the opportunity is strategic, or empty when it is not. */
	public Optional<String> strategic(RequestFacts request) {
		var memo = last.get();
		if (memo != null && memo.request() == request) {
			return memo.why();
		}
		var why = decide(request);
		last.set(new Memo(request, why));
		return why;
	}

	private Optional<String> decide(RequestFacts request) {
		if (request.netArr() != null && request.netArr().amount().compareTo(threshold) >= 0) {
			return Optional.of("Net ARR " + request.netArr().formatted() + " is at or above " + threshold.toPlainString());
		}
		if (request.namedAccount()) {
			return Optional.of((request.accountName() == null ? "the account" : request.accountName()) + " is a Named account");
		}
		return Optional.empty();
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		var why = strategic(request);
		if (why.isEmpty()) {
			return new Score(0, List.of());
		}
		if (candidate.seniority() == null) {
			return Score.of(0, "no seniority on record for a strategic deal");
		}
		var value = candidate.seniority().ordinal() / (double) (Seniority.values().length - 1);
		var level = candidate.seniority().name().charAt(0) + candidate.seniority().name().substring(1).toLowerCase(Locale.ROOT);
		return Score.of(value, level + " on a strategic deal (" + why.get() + ")");
	}
}
