package dev.baton.engagement.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.baton.engagement.Engagement;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.domain.TimeBasis;
import dev.baton.organisation.Organisation;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Words;

/**
 * The administrators' page for a board's SLA policy: the triage and activity targets, the
 * expedite time, the preparation buffer and the reminder lead, on business or calendar time.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SlaPolicyPageController {

	private final Engagement engagement;
	private final Organisation organisation;
	private final Words words;

	SlaPolicyPageController(Engagement engagement, Organisation organisation, Words words) {
		this.words = words;
		this.engagement = engagement;
		this.organisation = organisation;
	}

	@GetMapping("/admin/boards/{key}/sla")
	String policy(@PathVariable String key, Model model) {
		// an unknown board is 404, not the defaults of a board that does not exist
		organisation.board(key);
		return render(engagement.slaPolicy(key), Map.of(), Map.of(), model);
	}

	@PostMapping("/admin/boards/{key}/sla")
	String update(@PathVariable String key, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		var current = engagement.slaPolicy(key);
		try {
			var errors = new ArrayList<FieldError>();
			var triageDays = number(form, "triageDays", errors);
			var activityDays = number(form, "activityDays", errors);
			var expedite = duration(form, "expediteTime", errors);
			var buffer = duration(form, "preparationBuffer", errors);
			var dueSoon = duration(form, "dueSoonWithin", errors);
			TimeBasis basis = null;
			try {
				basis = TimeBasis.valueOf(form.getOrDefault("basis", ""));
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldError("basis", "choose business or calendar time"));
			}
			int version;
			try {
				version = Integer.parseInt(form.getOrDefault("version", ""));
			}
			catch (NumberFormatException e) {
				errors.add(new FieldError("version", "is missing; reload the page"));
				version = -1;
			}
			if (!errors.isEmpty()) {
				throw new BatonException(ProblemType.VALIDATION_FAILED, "Some values cannot be read", errors, Map.of());
			}
			// the policy checks its own ranges
			var policy = new SlaPolicy(key, triageDays, activityDays, expedite, buffer, dueSoon, basis, version);
			engagement.updateSlaPolicy(policy, version);
			redirect.addFlashAttribute("notice", words.get("admin.sla-saved"));
			return "redirect:/admin/boards/" + key + "/sla";
		}
		catch (BatonException refused) {
			var errors = new LinkedHashMap<String, String>();
			if (refused.fieldErrors().isEmpty()) {
				errors.put("form", refused.getMessage());
			}
			refused.fieldErrors().forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
			return render(current, form, errors, model);
		}
	}

	private static int number(Map<String, String> form, String field, List<FieldError> errors) {
		var value = form.getOrDefault(field, "").strip();
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "must be a whole number of days but was '" + value + "'"));
			return 0;
		}
	}

	private static Duration duration(Map<String, String> form, String field, List<FieldError> errors) {
		var value = form.getOrDefault(field, "").strip();
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT4H but was '" + value + "'"));
			return null;
		}
	}

	private String render(SlaPolicy policy, Map<String, String> form, Map<String, String> errors, Model model) {
		var values = new LinkedHashMap<String, String>();
		values.put("basis", policy.basis().name());
		values.put("triageDays", String.valueOf(policy.triageDays()));
		values.put("activityDays", String.valueOf(policy.activityDays()));
		values.put("expediteTime", policy.expediteTime().toString());
		values.put("preparationBuffer", policy.preparationBuffer().toString());
		values.put("dueSoonWithin", policy.dueSoonWithin().toString());
		values.putAll(form);
		model.addAttribute("policy", policy);
		model.addAttribute("form", values);
		model.addAttribute("errors", errors);
		model.addAttribute("bases", TimeBasis.values());
		return "admin/sla-policy";
	}
}
