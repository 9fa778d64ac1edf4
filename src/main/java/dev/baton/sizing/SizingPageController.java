package dev.baton.sizing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.Page;

/**
 * The sizing page: an SA enters or imports the prospect's metrics, reads the recommendation with
 * every reason, and saves it against an opportunity.
 */
@Controller
@PreAuthorize(SizingRoles.STAFF)
class SizingPageController {

	private static final String VIEW = "sizing/page";

	private final SizingService sizing;
	private final SavedSizings saved;
	private final Pipeline pipeline;

	SizingPageController(SizingService sizing, SavedSizings saved, Pipeline pipeline) {
		this.sizing = sizing;
		this.saved = saved;
		this.pipeline = pipeline;
	}

	/** An opportunity to choose from. */
	record OpportunityOption(UUID id, String label) {
	}

	@GetMapping("/sizing")
	String page(@RequestParam(name = "opportunityId", required = false) UUID opportunityId,
			@RequestParam(name = "saved", required = false) UUID savedId, Model model) {
		SizingForm form = SizingForm.empty().with(SizingForm.OPPORTUNITY, opportunityId);
		if (savedId != null) {
			StoredSizing stored = saved.find(savedId);
			form = SizingForm.of(stored.metrics()).with(SizingForm.EDITION, stored.edition())
					.with(SizingForm.OPPORTUNITY, stored.opportunityId());
			model.addAttribute("result", stored.recommendation());
			model.addAttribute("saved", stored.brief());
			model.addAttribute("pdfLink", SavedSizing.pdfLink(stored.id()));
		}
		return render(form, Map.of(), model);
	}

	@PostMapping("/sizing")
	String recommend(@RequestParam Map<String, String> parameters, Model model) {
		SizingForm form = SizingForm.of(parameters);
		try {
			model.addAttribute("result", recommend(form));
		}
		catch (BatonException refused) {
			return render(form, errors(refused), model);
		}
		return render(form, Map.of(), model);
	}

	@PostMapping("/sizing/import")
	String importMeasurements(@RequestParam Map<String, String> parameters,
			@RequestParam(name = "measurementsFile", required = false) MultipartFile file, Model model) {
		SizingForm form = SizingForm.of(parameters);
		String content = parameters.getOrDefault("measurementsText", "");
		if (file != null && !file.isEmpty()) {
			try {
				content = SizingController.decode(file.getBytes(), file.getContentType());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		try {
			MeasurementImport.Imported imported = MeasurementImport.read(content);
			form = form.withRates(imported.metrics().rps());
			model.addAttribute("imported", imported);
		}
		catch (BatonException refused) {
			model.addAttribute("importErrors", refused.fieldErrors());
			model.addAttribute("measurementsText", content);
		}
		return render(form, Map.of(), model);
	}

	@PostMapping("/sizing/save")
	@PreAuthorize(SizingRoles.SAVERS)
	String save(@RequestParam Map<String, String> parameters, Authentication authentication, Model model) {
		SizingForm form = SizingForm.of(parameters);
		// what is wrong with the metrics and with the opportunity is shown at once
		var errors = new LinkedHashMap<String, String>();
		MetricsInput input = null;
		ProspectMetrics metrics = null;
		try {
			input = form.toInput();
			metrics = input.toMetrics();
		}
		catch (BatonException refused) {
			errors.putAll(errors(refused));
		}
		UUID opportunityId = null;
		try {
			opportunityId = opportunity(form);
		}
		catch (BatonException refused) {
			errors.putAll(errors(refused));
		}
		if (errors.isEmpty()) {
			try {
				StoredSizing stored = saved.save(OpportunityId.of(opportunityId), input, metrics, form.get(SizingForm.EDITION),
						form.get(SizingForm.NOTE), authentication.getName());
				return "redirect:/sizing?saved=" + stored.id();
			}
			catch (BatonException refused) {
				errors.putAll(errors(refused));
			}
		}
		if (metrics != null) {
			try {
				model.addAttribute("result", recommend(form));
			}
			catch (BatonException unknownEdition) {
				// already among the errors
			}
		}
		return render(form, errors, model);
	}

	private Recommendation recommend(SizingForm form) {
		ProspectMetrics metrics = form.toInput().toMetrics();
		String edition = form.get(SizingForm.EDITION);
		return edition.isEmpty() ? sizing.recommend(metrics) : sizing.recommend(metrics, edition);
	}

	private static UUID opportunity(SizingForm form) {
		String id = form.get(SizingForm.OPPORTUNITY);
		if (id.isEmpty()) {
			throw BatonException.invalid(SizingForm.OPPORTUNITY, "choose the opportunity to save it against");
		}
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw BatonException.invalid(SizingForm.OPPORTUNITY, "is not an opportunity id: " + id);
		}
	}

	private static Map<String, String> errors(BatonException refused) {
		if (refused.fieldErrors().isEmpty()) {
			// not about one field, such as an unknown edition or opportunity
			String field = refused.type() == SizingProblems.EDITION_NOT_FOUND ? SizingForm.EDITION
					: refused.type().status().value() == 404 ? SizingForm.OPPORTUNITY : "form";
			return Map.of(field, refused.getMessage());
		}
		return refused.fieldErrors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message,
				(first, second) -> first + "; " + second, LinkedHashMap::new));
	}

	private String render(SizingForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("labels", SizingLabels.INSTANCE);
		model.addAttribute("editions", sizing.editions());
		model.addAttribute("defaultEdition", sizing.edition().id());
		String edition = form.get(SizingForm.EDITION);
		model.addAttribute("guide", sizing.editions().stream().anyMatch(e -> e.id().equals(edition))
				? sizing.measurementGuide(edition) : sizing.measurementGuide());
		model.addAttribute("importExample", MeasurementInstructions.IMPORT_EXAMPLE);
		model.addAttribute("opportunities", opportunities(form.get(SizingForm.OPPORTUNITY)));
		if (!model.containsAttribute("measurementsText")) {
			model.addAttribute("measurementsText", "");
		}
		return VIEW;
	}

	// CRM names often start with the account already
	private static String label(String opportunity, Account account) {
		return account == null || opportunity.startsWith(account.name()) ? opportunity
				: account.name() + ": " + opportunity;
	}

	/** The first page of the pipeline, plus the chosen opportunity if it is beyond that page. */
	private List<OpportunityOption> opportunities(String chosen) {
		var first = pipeline.opportunities(null, null, null, new Page.Request(0, Page.MAX_SIZE)).items();
		// the accounts of this page only, in one statement
		Map<UUID, Account> accounts = pipeline.accounts(first.stream().map(Opportunity::accountId).map(AccountId::of).collect(Collectors.toSet()))
				.stream().collect(Collectors.toMap(Account::id, Function.identity()));
		var options = new java.util.ArrayList<OpportunityOption>();
		first.forEach(o -> options.add(new OpportunityOption(o.id(), label(o.name(), accounts.get(o.accountId())))));
		if (!chosen.isEmpty() && options.stream().noneMatch(o -> o.id().toString().equals(chosen))) {
			try {
				Opportunity opportunity = pipeline.opportunity(OpportunityId.of(chosen));
				options.add(new OpportunityOption(opportunity.id(),
						label(opportunity.name(), accounts.containsKey(opportunity.accountId())
								? accounts.get(opportunity.accountId()) : pipeline.account(AccountId.of(opportunity.accountId())))));
			}
			catch (IllegalArgumentException | BatonException unknown) {
				// not an opportunity; the select then shows none chosen
			}
		}
		options.sort(Comparator.comparing(OpportunityOption::label));
		return options;
	}
}
