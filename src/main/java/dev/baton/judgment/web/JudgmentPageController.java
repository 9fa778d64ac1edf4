package dev.baton.judgment.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.judgment.JudgmentColor;
import dev.baton.judgment.Judgments;
import dev.baton.judgment.SaJudgment;
import dev.baton.judgment.domain.JudgmentPolicies;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Words;

/**
 * The SA Judgment page: the recording form (offered as the recording policy decides) for the deals
 * the caller works on, missing and misaligned judgments, coverage and calibration.
 */
@Controller
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class JudgmentPageController {

	private final Words words;
	private final Judgments judgments;
	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CallContexts callers;

	JudgmentPageController(Judgments judgments, Pipeline pipeline, Organisation organisation, CallContexts callers,
			Words words) {
		this.judgments = judgments;
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.callers = callers;
		this.words = words;
	}

	@GetMapping("/governance/judgments")
	String judgments(Model model) {
		// the deals the caller works on (their own, their circles' AEs'), not the whole pipeline
		model.addAttribute("opportunities", pipeline.openOpportunitiesOwnedBy(
				PersonId.ofAll(organisation.dealOwnersWorkedBy(callers.current())), Stage.PENDING_ACCEPTANCE, 500));
		var overview = judgments.overview();
		model.addAttribute("missing", overview.missing());
		model.addAttribute("misaligned", overview.misaligned());
		model.addAttribute("calibration", judgments.calibration());
		model.addAttribute("coverage", overview.coverage());
		model.addAttribute("mayRecord", JudgmentPolicies.mayRecord(callers.current()));
		return "judgment/judgments";
	}

	@PostMapping("/governance/judgments")
	@PreAuthorize("hasAnyRole('SA','SA_MANAGER')")
	String recordJudgment(@RequestParam OpportunityId opportunityId, @RequestParam(required = false) JudgmentColor color,
			@RequestParam(defaultValue = "") String comment,
			@RequestParam(defaultValue = "false") boolean customerKnowledge,
			@RequestParam(defaultValue = "false") boolean clearUseCases,
			@RequestParam(defaultValue = "false") boolean productMatch,
			@RequestParam(defaultValue = "false") boolean accessToTeams,
			@RequestParam(defaultValue = "false") boolean technicalBuyer,
			@RequestParam(defaultValue = "false") boolean responsiveness, RedirectAttributes redirect) {
		try {
			var judgment = judgments.record(opportunityId, color, comment, new SaJudgment.Checklist(customerKnowledge,
					clearUseCases, productMatch, accessToTeams, technicalBuyer, responsiveness),
					callers.person(ProblemType.NOT_PERMITTED));
			redirect.addFlashAttribute("notice", words.get("judgments.recorded", judgment.line()));
		} catch (BatonException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return "redirect:/governance/judgments";
	}
}
