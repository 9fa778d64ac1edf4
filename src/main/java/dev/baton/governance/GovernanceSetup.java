package dev.baton.governance;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.pipeline.Pipeline;

/**
 * Trusted set-up of governance data without a signed-in caller, for the demo organisation:
 * SA Judgments. Audited like any other write.
 */
@Service
public class GovernanceSetup {

	private final Judgments judgments;
	private final Pipeline pipeline;

	GovernanceSetup(Judgments judgments, Pipeline pipeline) {
		this.judgments = judgments;
		this.pipeline = pipeline;
	}

	/** Records a judgment; {@code color} is RED, YELLOW or GREEN, {@code checklistMet} how many points hold (in order). */
	@Transactional
	public void recordJudgment(UUID opportunityId, UUID saId, String color, String comment, int checklistMet) {
		var met = new boolean[6];
		for (int i = 0; i < Math.min(checklistMet, 6); i++) {
			met[i] = true;
		}
		judgments.store(pipeline.opportunity(opportunityId), saId, JudgmentColor.valueOf(color), comment,
				new SaJudgment.Checklist(met[0], met[1], met[2], met[3], met[4], met[5]));
	}
}
