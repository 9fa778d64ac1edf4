package dev.baton.engagement.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import dev.baton.engagement.Engagement;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.domain.AssignmentPolicy;
import dev.baton.engagement.domain.SaRequest;
import dev.baton.engagement.domain.ThreadItems;
import dev.baton.organisation.Circle;
import dev.baton.platform.Decision;
import dev.baton.platform.Words;

/**
 * The request page's guided triage: the triage rules in the order the circle takes them
 * (discussed, the 4 questions, reviews or waiver, assign), each done, next or not yet, with the
 * rule's reason from the same {@link AssignmentPolicy#readiness} decision the API's assignment
 * refuses by.
 */
final class TriageChecklist {

	private TriageChecklist() {
	}

	/** Where a step stands. */
	enum State {
		DONE, NEXT, NOT_YET;

		public String css() {
			return name().toLowerCase().replace('_', '-');
		}
	}

	/**
	 * One step.
	 *
	 * @param key the step's anchor and the key of its words
	 * @param rule the rule's identifier
	 * @param state done, next or not yet
	 * @param title the step in words
	 * @param detail what was done, or the rule's reason while it is not
	 */
	record Step(String key, String rule, State state, String title, String stateWords, String detail) {

		public boolean done() {
			return state == State.DONE;
		}

		public boolean next() {
			return state == State.NEXT;
		}
	}

	static List<Step> of(SaRequest request, Circle circle, Engagement.RequestThread thread, Decision readiness,
			Function<UUID, String> names, Words words) {
		var steps = new ArrayList<Step>();
		var open = request.status() == RequestStatus.NEW || request.status() == RequestStatus.SA_WAITING;
		var assigned = request.assigneeId() != null;
		var nextTaken = false;
		for (var step : AssignmentPolicy.Step.values()) {
			boolean done;
			String detail;
			if (step == AssignmentPolicy.Step.ASSIGNED) {
				done = assigned;
				detail = assigned ? assignedTo(request, names, words) : assignDetail(request, readiness, words);
			} else {
				done = assigned || !readiness.refuses(step.rule());
				detail = done ? doneDetail(step, request, circle, thread, names, words) : reason(readiness, step);
			}
			State state;
			if (done) {
				state = State.DONE;
			} else if (!nextTaken && open) {
				state = State.NEXT;
				nextTaken = true;
			} else {
				state = State.NOT_YET;
			}
			var key = step.name().toLowerCase().replace('_', '-');
			steps.add(new Step(key, step.rule().id(), state, words.get("step." + key), words.get("step.state." + state.css()),
					detail));
		}
		return steps;
	}

	private static String reason(Decision readiness, AssignmentPolicy.Step step) {
		return readiness.refusals().stream().filter(r -> r.rule() == step.rule()).map(Decision.Refusal::reason)
				.findFirst().orElse("");
	}

	private static String assignDetail(SaRequest request, Decision readiness, Words words) {
		return switch (request.status()) {
			case AWAITING_APPROVAL -> words.get("step.assigned.awaiting-approval");
			case SA_WAITING -> words.get("step.assigned.waiting");
			case DECLINED -> words.get("step.assigned.declined");
			case NEW -> readiness.isAllowed() ? words.get("step.assigned.ready") : words.get("step.assigned.not-yet");
			default -> "";
		};
	}

	private static String assignedTo(SaRequest request, Function<UUID, String> names, Words words) {
		var assignee = names.apply(request.assigneeId());
		return request.assistId() == null ? words.get("step.assigned.done", assignee)
				: words.get("step.assigned.done-with-assist", assignee, names.apply(request.assistId()));
	}

	private static String doneDetail(AssignmentPolicy.Step step, SaRequest request, Circle circle,
			Engagement.RequestThread thread, Function<UUID, String> names, Words words) {
		switch (step) {
			case DISCUSSED: {
				var voices = new LinkedHashSet<String>();
				thread.comments().stream()
						.filter(c -> c.kind() == ThreadItems.Comment.Kind.DISCUSSION
								&& AssignmentPolicy.isCircle(circle, c.authorId()))
						.forEach(c -> voices.add(names.apply(c.authorId())));
				return voices.isEmpty() ? words.get("step.discussed.fast-track")
						: words.get("step.discussed.done", String.join(", ", voices));
			}
			case FOUR_QUESTIONS: {
				var answers = thread.answers();
				return answers == null ? "" : words.get("step.four-questions.done", names.apply(answers.answeredById()));
			}
			case SECOND_REVIEW: {
				if (thread.waiver() != null) {
					return words.get("step.second-review.waived", names.apply(thread.waiver().waivedById()),
							thread.waiver().reason());
				}
				var approvers = new LinkedHashSet<String>();
				thread.reviews().stream().filter(r -> r.verdict() == ReviewVerdict.APPROVE)
						.forEach(r -> approvers.add(names.apply(r.reviewerId())));
				return approvers.isEmpty() ? words.get("step.second-review.fast-track")
						: words.get("step.second-review.done", String.join(", ", approvers));
			}
			default:
				return "";
		}
	}
}
