package dev.baton.billing.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.baton.billing.DunningStepTaken.Action;

/**
 * The dunning schedule of an unpaid invoice: each configured step, a number of days after dunning
 * started. When dunning starts because a payment was just declined, the retries due that same day
 * are already done: the declined payment was the attempt.
 */
public final class DunningPlan {

	private DunningPlan() {
	}

	/** A configured step: an action some days after dunning starts. */
	public record Setting(Duration after, Action action) {

		public Setting {
			Objects.requireNonNull(after, "after");
			Objects.requireNonNull(action, "action");
			if (after.isNegative()) {
				throw new IllegalArgumentException("A dunning step is after the start, not " + after);
			}
			if (action == Action.RESUME) {
				throw new IllegalArgumentException("RESUME ends dunning; it is not a step of the schedule");
			}
		}
	}

	/** A planned step; {@code done} when it needs no taking (the declined payment that started dunning). */
	public record Planned(int position, Action action, LocalDate dueOn, boolean done) {
	}

	/** The steps of an invoice whose dunning starts on {@code start}, in order of their day. */
	public static List<Planned> plan(List<Setting> schedule, LocalDate start, boolean startedByDecline) {
		var sorted = new ArrayList<>(schedule);
		sorted.sort(java.util.Comparator.comparing(Setting::after));
		var planned = new ArrayList<Planned>();
		int position = 0;
		for (var setting : sorted) {
			var day = start.plusDays(setting.after().toDays());
			var done = startedByDecline && setting.action() == Action.RETRY && day.equals(start);
			planned.add(new Planned(position++, setting.action(), day, done));
		}
		return planned;
	}
}
