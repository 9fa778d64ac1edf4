package dev.baton.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What a policy decided: allowed, or refused by one or more rules, each with a reason a person
 * can act on. The API's Problem Details and the pages' disabled forms and hints are made from the
 * same decision, so a page never offers what the API would refuse.
 */
public final class Decision {

	private static final Decision ALLOWED = new Decision(List.of());

	private final List<Refusal> refusals;

	private Decision(List<Refusal> refusals) {
		this.refusals = List.copyOf(refusals);
	}

	public static Decision allowed() {
		return ALLOWED;
	}

	public static Decision refused(Rule rule, String reason) {
		return new Decision(List.of(new Refusal(rule, reason)));
	}

	public static Decision of(List<Refusal> refusals) {
		return refusals.isEmpty() ? ALLOWED : new Decision(refusals);
	}

	/** Collects the refusals of several rules checked one after another. */
	public static Builder check() {
		return new Builder();
	}

	public boolean isAllowed() {
		return refusals.isEmpty();
	}

	public boolean isRefused() {
		return !refusals.isEmpty();
	}

	public List<Refusal> refusals() {
		return refusals;
	}

	public boolean refuses(Rule rule) {
		return refusals.stream().anyMatch(refusal -> refusal.rule().equals(rule));
	}

	/** The first reason, for a hint beside a disabled form; empty when allowed. */
	public Optional<String> reason() {
		return refusals.stream().findFirst().map(Refusal::reason);
	}

	/** Every reason in one sentence, for a Problem Detail's {@code detail}. */
	public String reasons() {
		return refusals.stream().map(Refusal::reason).collect(Collectors.joining("; "));
	}

	/** Both decisions' refusals; allowed only when both are. */
	public Decision and(Decision other) {
		if (other.isAllowed()) {
			return this;
		}
		if (isAllowed()) {
			return other;
		}
		var all = new ArrayList<>(refusals);
		all.addAll(other.refusals);
		return new Decision(all);
	}

	/**
	 * Throws a refusal of the given problem type unless allowed: the detail lists every reason, the
	 * field errors name each rule's field, and {@code violations} lists {@code {rule, message}}.
	 */
	public void orThrow(ProblemType type) {
		if (isRefused()) {
			throw toException(type);
		}
	}

	public BatonException toException(ProblemType type) {
		var fields = new ArrayList<FieldError>();
		var violations = new ArrayList<Map<String, String>>();
		for (var refusal : refusals) {
			if (refusal.rule().field() != null) {
				fields.add(new FieldError(refusal.rule().field(), refusal.reason()));
			}
			var violation = new LinkedHashMap<String, String>();
			violation.put("rule", refusal.rule().id());
			violation.put("message", refusal.reason());
			violations.add(violation);
		}
		return new BatonException(type, reasons(), fields, Map.of("violations", violations));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Decision decision && decision.refusals.equals(refusals);
	}

	@Override
	public int hashCode() {
		return refusals.hashCode();
	}

	@Override
	public String toString() {
		return isAllowed() ? "allowed" : "refused " + refusals;
	}

	/** One rule that stands in the way, with its reason in words. */
	public record Refusal(Rule rule, String reason) {

		public Refusal {
			Objects.requireNonNull(rule, "rule");
			Objects.requireNonNull(reason, "reason");
		}

		/** The rule's stable identifier. */
		public String ruleId() {
			return rule.id();
		}
	}

	/** Checks rules in order and keeps every refusal. */
	public static final class Builder {

		private final List<Refusal> refusals = new ArrayList<>();

		private Builder() {
		}

		/** Refuses by {@code rule} when {@code broken} holds; the reason is made only then. */
		public Builder refuseIf(boolean broken, Rule rule, Supplier<String> reason) {
			if (broken) {
				refusals.add(new Refusal(rule, reason.get()));
			}
			return this;
		}

		public Builder add(Decision decision) {
			refusals.addAll(decision.refusals());
			return this;
		}

		public Decision decide() {
			return Decision.of(refusals);
		}
	}
}
