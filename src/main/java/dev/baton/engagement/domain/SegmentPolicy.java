package dev.baton.engagement.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.baton.engagement.EngagementRule;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.Stage;

/**
 * The segment rules of the engagement model: when an SA engages, when the technical evaluation
 * must be done, and which segments need approval first. The engagement model is a
 * recommendation (the SA decides), so all but the two approval gates come back as advisories.
 */
public final class SegmentPolicy {

	/** Less than this many days before the technical-evaluation target puts it at risk. */
	public static final int AT_RISK_DAYS = 7;

	private SegmentPolicy() {
	}

	/** What the segment rules say about a request at intake. */
	public record Assessment(ApprovalGate gate, LocalDate techEvalTarget, boolean techEvalAtRisk, List<Advisory> advisories) {
	}

	public static Assessment assess(Segment segment, Stage stage, LocalDate closeDate, List<String> missingPlanParts,
			boolean customPitchDeck, LocalDate today, LocalDate firstMeeting) {
		var advisories = new ArrayList<Advisory>();
		var gate = ApprovalGate.NONE;
		Integer daysBeforeClose = null;
		var planComplete = missingPlanParts.isEmpty();
		switch (segment) {
			case MM_FIRST_ORDER -> {
				stageAdvice(advisories, segment, stage, Stage.SCOPING, Stage.PROPOSAL, "stages 2 to 4");
				if (!planComplete || !customPitchDeck) {
					advisories.add(Advisory.warning(EngagementRule.SEGMENT_PREREQUISITES, segment.label()
							+ " engages with a command plan and a custom pitch deck" + lacking(missingPlanParts, customPitchDeck)));
				}
				daysBeforeClose = 15;
			}
			case MM_NAMED -> {
				advisories.add(Advisory.info(EngagementRule.SEGMENT_ENGAGEMENT_STAGE, segment.label() + " engages at any stage"));
				daysBeforeClose = 30;
			}
			case MM_TERRITORY -> {
				stageAdvice(advisories, segment, stage, Stage.TECHNICAL_EVALUATION, Stage.TECHNICAL_EVALUATION, "stage 3");
				if (!planComplete || !customPitchDeck) {
					advisories.add(Advisory.warning(EngagementRule.SEGMENT_PREREQUISITES, segment.label()
							+ " engages with a command plan and a pitch deck" + lacking(missingPlanParts, customPitchDeck)));
				}
				daysBeforeClose = 30;
			}
			case SMB_FIRST_ORDER, SMB_NAMED -> {
				stageAdvice(advisories, segment, stage, Stage.SCOPING, Stage.TECHNICAL_EVALUATION, "late stage 2 and stage 3");
				daysBeforeClose = 15;
			}
			case SMB_FIRST_YEAR_EXPAND -> {
				gate = ApprovalGate.ASM_REVIEW;
				advisories.add(Advisory.warning(EngagementRule.SEGMENT_APPROVAL, segment.label()
						+ " engages only after an ASM review; otherwise the customer goes to the CSM/CSE"));
			}
			case SMB_POOLED -> {
				gate = ApprovalGate.ASM_AND_SA_MANAGER;
				advisories.add(Advisory.warning(EngagementRule.SEGMENT_APPROVAL, segment.label()
						+ " engages only when the ASM and the SA Manager have approved the AE's request"));
			}
			case STRATEGIC -> advisories.add(Advisory.info(EngagementRule.SEGMENT_ENGAGEMENT_STAGE,
					"Strategic accounts engage at any stage; strategically important opportunities get senior SAs"));
		}
		LocalDate target = null;
		var atRisk = false;
		if (daysBeforeClose != null && closeDate != null) {
			target = closeDate.minusDays(daysBeforeClose);
			var left = ChronoUnit.DAYS.between(today, target);
			if (left < 0) {
				atRisk = true;
				advisories.add(Advisory.warning(EngagementRule.SEGMENT_TECH_EVAL_DATE, "The technical evaluation should have been done by "
						+ target + " (" + daysBeforeClose + " days before the " + closeDate + " close); it is " + (-left)
						+ " days late"));
			} else if (left < AT_RISK_DAYS) {
				atRisk = true;
				advisories.add(Advisory.warning(EngagementRule.SEGMENT_TECH_EVAL_DATE, "Only " + left
						+ " days left to finish the technical evaluation by " + target + " (" + daysBeforeClose
						+ " days before close)"));
			} else if (firstMeeting != null && firstMeeting.isAfter(target)) {
				atRisk = true;
				advisories.add(Advisory.warning(EngagementRule.SEGMENT_TECH_EVAL_DATE, "The first preferred meeting (" + firstMeeting
						+ ") is after the technical-evaluation target " + target));
			} else {
				advisories.add(Advisory.info(EngagementRule.SEGMENT_TECH_EVAL_DATE, "Technical evaluation to be done by " + target + " ("
						+ daysBeforeClose + " days before close)"));
			}
		}
		return new Assessment(gate, target, atRisk, List.copyOf(advisories));
	}

	private static void stageAdvice(List<Advisory> advisories, Segment segment, Stage stage, Stage from, Stage to,
			String words) {
		var fits = stage != null && !stage.isClosed() && stage.ordinal() >= from.ordinal() && stage.ordinal() <= to.ordinal();
		if (fits) {
			advisories.add(Advisory.info(EngagementRule.SEGMENT_ENGAGEMENT_STAGE, segment.label() + " engages at " + words
					+ "; the opportunity is at " + stage.label()));
		} else {
			advisories.add(Advisory.warning(EngagementRule.SEGMENT_ENGAGEMENT_STAGE, segment.label() + " usually engages at " + words
					+ ", but the opportunity is at " + (stage == null ? "no stage" : stage.label())));
		}
	}

	private static String lacking(List<String> missingPlanParts, boolean customPitchDeck) {
		var parts = new ArrayList<String>();
		if (!missingPlanParts.isEmpty()) {
			parts.add("the command plan lacks " + String.join(", ", missingPlanParts));
		}
		if (!customPitchDeck) {
			parts.add("no pitch deck is attached");
		}
		return "; " + String.join("; ", parts);
	}
}
