package dev.baton.engagement.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import dev.baton.audit.AuditHistory;
import dev.baton.engagement.ApprovalDecision;
import dev.baton.engagement.Engagement;
import dev.baton.engagement.Hosting;
import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.ReviewVerdict;
import dev.baton.engagement.SaAsk;
import dev.baton.engagement.SaRequestId;
import dev.baton.engagement.domain.AssignmentPolicy;
import dev.baton.engagement.domain.CommandPlanCheck;
import dev.baton.engagement.domain.RequestPermissions;
import dev.baton.engagement.domain.TemplateRequirements;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.identity.UserDirectory;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.FieldError;
import dev.baton.platform.Page;
import dev.baton.platform.Words;
import dev.baton.sizing.SavedSizings;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The AE's and the circle's pages for one request: filing a new one, the request with its
 * thread and every triage step as a form, and an AE's own requests. Forms post normally and
 * redirect after success and after a refusal alike, whose messages the page then shows next to
 * the fields (a refused filing renders the form again, with 400).
 */
@Controller
@PreAuthorize(RequestPages.READERS)
class RequestPages {

	static final String READERS = "hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')";

	private static final List<String> ZONES = List.of("America/Chicago", "America/New_York", "America/Denver",
			"America/Los_Angeles", "America/Sao_Paulo", "Europe/London", "Europe/Paris", "Europe/Berlin", "Asia/Tokyo",
			"Asia/Singapore", "Australia/Sydney", "UTC");

	private static final Set<RequestLabel> CHOSEN_LABELS = EnumSet.complementOf(EnumSet.of(RequestLabel.FAST_TRACK));

	private final PageActions actions;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final AuditHistory history;
	private final SavedSizings sizings;
	private final BoardQuery query;
	private final RequestCards cards;
	private final java.time.Clock clock;
	private final Words words;
	private final UserDirectory users;

	RequestPages(PageActions actions, Organisation organisation, Pipeline pipeline, AuditHistory history,
			SavedSizings sizings, BoardQuery query, RequestCards cards, java.time.Clock clock, Words words,
			UserDirectory users) {
		this.clock = clock;
		this.words = words;
		this.users = users;
		this.actions = actions;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.history = history;
		this.sizings = sizings;
		this.query = query;
		this.cards = cards;
	}

	/** Builds element ids from field names for labels and error messages. */
	static final class Ids {

		static final Ids INSTANCE = new Ids();

		public String of(String field) {
			return "f-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
		}

		public String error(String field) {
			return "e-" + field.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
		}
	}

	/** Formats instants in the viewer's time zone, in their language. */
	record Times(ZoneId zone, Words words) {

		public String of(java.time.Instant instant) {
			return words.dayTime(instant, zone);
		}
	}

	/** One of the 4 questions, by its answer field. */
	record Question(String field, String text) {
	}

	static final List<Question> QUESTIONS = List.of(
			new Question("commandPlanComplete", "1. Is the command plan complete?"),
			new Question("understandsContext",
					"2. Do you understand the DevOps stack, competitors, attendees, use cases and why now?"),
			new Question("leadTime", "3. Is there lead time (no meeting within 12 to 24 hours)?"),
			new Question("relatableExperience",
					"4. Do you have relatable experience? (No is also a yes: name a main-assist.)"));

	/** An opportunity to choose from. */
	record OpportunityOption(UUID id, String label) {
	}

	// new request ---------------------------------------------------------------------------------

	@GetMapping("/requests/new")
	@PreAuthorize("hasRole('AE')")
	String newRequest(@RequestParam MultiValueMap<String, String> form, Model model) {
		if (form.getFirst("template") == null) {
			form = new LinkedMultiValueMap<>(form);
			form.add("template", RequestTemplate.SA_ACTIVITY.name());
		}
		return renderNew(form, Map.of(), model);
	}

	@GetMapping("/requests/new/fields")
	@PreAuthorize("hasRole('AE')")
	String templateFields(@RequestParam MultiValueMap<String, String> form, Model model) {
		newRequestModel(form, Map.of(), model);
		return "requests/new :: fields";
	}

	@GetMapping("/requests/new/opportunities")
	@PreAuthorize("hasRole('AE')")
	String opportunityOptions(@RequestParam MultiValueMap<String, String> form, Model model) {
		newRequestModel(form, Map.of(), model);
		return "requests/new :: opportunities";
	}

	@GetMapping("/requests/new/due")
	@PreAuthorize("hasRole('AE')")
	String dueTimes(@RequestParam MultiValueMap<String, String> form, Model model) {
		due(form, model);
		return "requests/new :: due";
	}

	@PostMapping("/requests")
	@PreAuthorize("hasRole('AE')")
	String file(@RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		var parsed = RequestForm.parse(form);
		var errors = new LinkedHashMap<String, String>();
		if (!parsed.errors().isEmpty()) {
			// show what cannot be read together with what the template still needs, then stop
			parsed.errors().forEach(e -> errors.merge(e.field(), e.message(), RequestPages::join));
			if (parsed.filing().template() != null) {
				TemplateRequirements.missing(parsed.filing().template(), parsed.filing().details())
						.forEach(e -> errors.putIfAbsent(e.field(), e.message()));
			}
			response.setStatus(dev.baton.platform.ProblemType.VALIDATION_FAILED.status().value());
			return renderNew(form, errors, model);
		}
		try {
			var filed = actions.file(parsed.filing());
			redirect.addFlashAttribute("flash", words.get("new.filed", filed.reference() + " " + filed.title()));
			return "redirect:/requests/" + filed.id();
		}
		catch (BatonException refused) {
			response.setStatus(refused.type().status().value());
			errors.putAll(errors(refused, "opportunityId"));
			return renderNew(form, errors, model);
		}
	}

	private String renderNew(MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
		newRequestModel(form, errors, model);
		due(form, model);
		return "requests/new";
	}

	private void newRequestModel(MultiValueMap<String, String> form, Map<String, String> errors, Model model) {
		var caller = actions.caller();
		var template = RequestForm.template(form.getFirst("template"));
		model.addAttribute("form", form.toSingleValueMap());
		model.addAttribute("values", form);
		model.addAttribute("errors", errors);
		model.addAttribute("ids", Ids.INSTANCE);
		model.addAttribute("template", template);
		model.addAttribute("templates", RequestTemplate.values());
		model.addAttribute("required", RequestForm.required(template));
		model.addAttribute("rows", List.of(0, 1, 2));
		model.addAttribute("hostings", Hosting.values());
		model.addAttribute("asks", SaAsk.values());
		model.addAttribute("labels", CHOSEN_LABELS);
		var zone = caller.person().timeZone() == null ? "UTC" : caller.person().timeZone().getId();
		var zones = new ArrayList<String>();
		zones.add(zone);
		ZONES.stream().filter(z -> !z.equals(zone)).forEach(zones::add);
		model.addAttribute("zones", zones);
		model.addAttribute("defaultZone", zone);
		model.addAttribute("opportunities", opportunities(caller, form.getFirst("q"), form.getFirst("opportunityId")));
		model.addAttribute("q", form.getFirst("q") == null ? "" : form.getFirst("q"));
	}

	/** The AE's own open opportunities, by close date, narrowed by the search text. */
	private List<OpportunityOption> opportunities(CallContext caller, String search, String chosen) {
		var own = pipeline.opportunities(PersonId.of(caller.personId()), null, null, new Page.Request(0, Page.MAX_SIZE)).items()
				.stream().filter(o -> !o.stage().isClosed()).toList();
		var accounts = pipeline.accounts(own.stream().map(Opportunity::accountId).map(AccountId::of)
				.collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(dev.baton.pipeline.Account::id, Function.identity()));
		var needle = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
		var options = new ArrayList<OpportunityOption>();
		for (var o : own) {
			var account = accounts.get(o.accountId());
			var label = (account == null || o.name().startsWith(account.name()) ? o.name() : account.name() + ": " + o.name())
					+ " (" + o.externalId() + ", " + o.stage().label() + ")";
			if (needle.isEmpty() || label.toLowerCase(Locale.ROOT).contains(needle) || o.id().toString().equals(chosen)) {
				options.add(new OpportunityOption(o.id(), label));
			}
		}
		return options;
	}

	private void due(MultiValueMap<String, String> form, Model model) {
		var caller = actions.caller();
		var circle = organisation.circleServing(PersonId.of(caller.personId()));
		if (circle.isEmpty()) {
			model.addAttribute("dueProblem", words.get("new.due.no-circle"));
			return;
		}
		var board = organisation.board(circle.get().boardKey());
		var expedite = form.get("labels") != null && form.get("labels").contains(RequestLabel.EXPEDITE.name());
		var due = actions.preview(board.key(), expedite, RequestForm.firstMeeting(form));
		var zone = viewerZone(caller, board.calendar().zone());
		model.addAttribute("dueBoard", board.name());
		model.addAttribute("dueCircle", circle.get().name());
		model.addAttribute("triageDue", cards.due(due.triageDueAt(), board.calendar().zone(), zone));
		model.addAttribute("slaDue", cards.due(due.slaDueAt(), board.calendar().zone(), zone));
		model.addAttribute("dueFastTrack", due.fastTrack());
		model.addAttribute("dueReasons", due.reasons());
	}

	// the request --------------------------------------------------------------------------------

	@GetMapping("/requests/{id}")
	String request(@PathVariable SaRequestId id, Model model) {
		// a refused form redirected here with its messages and values (post, redirect, get)
		var attributes = model.asMap();
		@SuppressWarnings("unchecked")
		var errors = (Map<String, String>) attributes.getOrDefault("formErrors", Map.of());
		@SuppressWarnings("unchecked")
		var violations = (List<RuleViolation>) attributes.getOrDefault("violations", List.of());
		@SuppressWarnings("unchecked")
		var values = (Map<String, String>) attributes.getOrDefault("values", Map.of());
		return renderRequest(id, (String) attributes.get("errorForm"), errors, violations, values, model);
	}

	/** The clock line of a request, which the page refreshes every minute. */
	@GetMapping("/requests/{id}/clock")
	String clock(@PathVariable SaRequestId id, Model model) {
		var page = actions.page(id);
		var request = page.request();
		var board = organisation.board(request.boardKey());
		var caller = actions.callerIfAny().orElse(null);
		model.addAttribute("r", SaRequestController.SaRequestView.of(request, null));
		model.addAttribute("badge", cards.badge(request.status(), request.receivedAt(), request.triageDueAt(),
				request.slaDueAt(), request.engagedAt(), board, page.policy().basis(), viewerZone(caller, null)));
		return "requests/request :: clock";
	}

	@PostMapping("/requests/{id}/comments")
	String comment(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "comment", "#thread", words.get("thread.added"), form, model, web, redirect,
				() -> actions.comment(id, form.getFirst("body")));
	}

	@PostMapping("/requests/{id}/answers")
	String answerQuestions(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "questions", "#questions", words.get("questions.saved"), form, model, web, redirect,
				() -> actions.answerQuestions(id, new Engagement.Answers(yesNo(form, "commandPlanComplete"),
						yesNo(form, "understandsContext"), yesNo(form, "leadTime"), yesNo(form, "relatableExperience"),
						form.getFirst("note"), form.getFirst("questionsForRequestor"))));
	}

	@PostMapping("/requests/{id}/requestor-answer")
	String answerAsRequestor(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "requestorAnswer", "#thread", words.get("thread.answer-sent"), form, model, web, redirect,
				() -> actions.answerAsRequestor(id, form.getFirst("answer")));
	}

	@PostMapping("/requests/{id}/reviews")
	String review(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "review", "#reviews", words.get("review.saved"), form, model, web, redirect,
				() -> actions.review(id, enumValue(ReviewVerdict.class, form, "verdict"), form.getFirst("note")));
	}

	@PostMapping("/requests/{id}/waiver")
	String waive(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "waiver", "#reviews", words.get("waiver.saved"), form, model, web, redirect,
				() -> actions.waive(id, form.getFirst("reason")));
	}

	@PostMapping("/requests/{id}/approvals")
	String approve(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "approval", "#approvals", words.get("approval.saved"), form, model, web, redirect,
				() -> actions.decideApproval(id, enumValue(ApprovalDecision.class, form, "decision"),
						form.getFirst("reason")));
	}

	@PostMapping("/requests/{id}/assignment")
	String assign(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "assign", "#assign", words.get("assign.saved"), form, model, web, redirect,
				() -> actions.assign(id, new Engagement.Assignment(uuid(form, "assigneeId"), uuid(form, "assistId"),
						integer(form, "recommendationRank"), form.getFirst("rankReason"), integer(form, "version"))));
	}

	@PostMapping("/requests/{id}/decline")
	String decline(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "decline", "#decline", words.get("decline.saved"), form, model, web, redirect,
				() -> actions.decline(id, form.getFirst("reason")));
	}

	@PostMapping("/requests/{id}/transitions")
	String move(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "move", "#board-state", words.get("board-state.moved"), form, model, web, redirect,
				() -> actions.moveTo(id, enumValue(RequestStatus.class, form, "to")));
	}

	@PostMapping("/requests/{id}/labels")
	String labels(@PathVariable SaRequestId id, @RequestParam MultiValueMap<String, String> form, Model model,
			ServletWebRequest web, RedirectAttributes redirect) {
		return act(id, "labels", "#labels", words.get("labels.saved"), form, model, web, redirect, () -> {
			var labels = EnumSet.noneOf(RequestLabel.class);
			var values = form.get("labels");
			if (values != null) {
				values.forEach(value -> labels.add(enumValue(RequestLabel.class, value, "labels")));
			}
			actions.relabel(id, labels);
		});
	}

	/**
	 * Runs a form's action. A browser gets post, redirect, get: the page shows the outcome (a
	 * refusal next to its form, or, for a conflict or a refused permission, at the top of the page),
	 * and a refresh posts nothing again. htmx gets the refusal as a fragment with its status (409,
	 * 403, 422, 400), and after success the page's address in {@code HX-Redirect}.
	 */
	private String act(SaRequestId id, String formName, String anchor, String done, MultiValueMap<String, String> form,
			Model model, ServletWebRequest web, RedirectAttributes redirect, Runnable action) {
		var page = "/requests/" + id;
		var htmx = "true".equals(web.getHeader("HX-Request"));
		try {
			action.run();
		}
		catch (BatonException refused) {
			if (refused.type().status().value() == 404 && refused.getMessage().startsWith("SA request")) {
				throw refused;
			}
			var status = refused.type().status();
			var errors = errors(refused, "form");
			if (refused.type() == dev.baton.platform.ProblemType.STALE_VERSION) {
				// the loser of a race: the service's message names the version, people need what happened
				errors.put("form", words.get("request.changed"));
			}
			var violations = RuleViolation.of(refused);
			if (htmx) {
				web.getResponse().setStatus(status.value());
				model.addAttribute("refusal", errors.getOrDefault("form", refused.getMessage()));
				model.addAttribute("fieldErrors", errors.entrySet().stream().filter(e -> !e.getKey().equals("form"))
						.map(e -> new FieldError(e.getKey(), e.getValue())).toList());
				model.addAttribute("violations", violations);
				return "requests/parts :: outcome";
			}
			redirect.addFlashAttribute("errorForm", formName);
			redirect.addFlashAttribute("formErrors", errors);
			redirect.addFlashAttribute("violations", violations);
			redirect.addFlashAttribute("values", new LinkedHashMap<>(form.toSingleValueMap()));
			// a conflict or a refused permission leaves no form to show it next to: the top of the page says it
			var general = status.value() == 409 || status.value() == 403;
			return "redirect:" + page + (general ? "#refusal" : anchor);
		}
		if (htmx) {
			var flash = RequestContextUtils.getOutputFlashMap(web.getRequest());
			flash.put("flash", done);
			RequestContextUtils.saveOutputFlashMap(page + anchor, web.getRequest(), web.getResponse());
			web.getResponse().setHeader("HX-Redirect", page + anchor);
			model.addAttribute("done", done);
			return "requests/parts :: outcome";
		}
		redirect.addFlashAttribute("flash", done);
		return "redirect:" + page + anchor;
	}

	/** What the request page shows, and which forms the viewer may use. */
	private String renderRequest(SaRequestId id, String errorForm, Map<String, String> errors,
			List<RuleViolation> violations, Map<String, String> values, Model model) {
		// a fixed number of statements whatever the size of the organisation: the request with its
		// thread and SLA policy, the circle, the board, the opportunity with its account, the people
		// named on the page (by id, at once), the sizing and the audit history
		var page = actions.page(id);
		var request = page.request();
		var caller = actions.callerIfAny().orElse(null);
		var circle = organisation.circlesById(List.of(CircleId.of(request.circleId()))).stream().findFirst()
				.orElseThrow(() -> BatonException.notFound("Circle", request.circleId()));
		var board = organisation.board(request.boardKey());
		var thread = page.thread();
		var sold = pipeline.opportunitiesWithAccounts(List.of(OpportunityId.of(request.opportunityId()))).stream().findFirst()
				.orElseThrow(() -> BatonException.notFound("Opportunity", request.opportunityId()));
		var opportunity = sold.opportunity();
		var zone = viewerZone(caller, board.calendar().zone());

		var named = new java.util.LinkedHashSet<UUID>(circle.memberIds());
		java.util.stream.Stream.of(request.requesterId(), request.assigneeId(), request.assistId())
				.filter(java.util.Objects::nonNull).forEach(named::add);
		thread.comments().forEach(c -> named.add(c.authorId()));
		thread.reviews().forEach(c -> named.add(c.reviewerId()));
		thread.approvals().forEach(c -> named.add(c.approverId()));
		if (thread.waiver() != null) {
			named.add(thread.waiver().waivedById());
		}
		if (thread.answers() != null) {
			named.add(thread.answers().answeredById());
		}
		var found = organisation.peopleById(PersonId.ofAll(named)).stream().collect(Collectors.toMap(Person::id, Person::name));
		var people = new HashMap<UUID, String>();
		Function<UUID, String> name = personId -> personId == null ? null
				: people.computeIfAbsent(personId, key -> found.getOrDefault(key, "someone"));
		var members = circle.memberIds().stream().map(m -> new OpportunityOption(m, name.apply(m)))
				.sorted(Comparator.comparing(OpportunityOption::label)).toList();

		model.addAttribute("r", SaRequestController.SaRequestView.of(request,
				sizings.latestFor(OpportunityId.of(request.opportunityId())).orElse(null)));
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("account", sold.account());
		model.addAttribute("plan", opportunity.commandPlan());
		model.addAttribute("planMissing", CommandPlanCheck.missingParts(opportunity.commandPlan()));
		model.addAttribute("circle", circle);
		model.addAttribute("board", board);
		model.addAttribute("thread", thread);
		model.addAttribute("members", members);
		model.addAttribute("requesterName", name.apply(request.requesterId()));
		model.addAttribute("assigneeName", name.apply(request.assigneeId()));
		model.addAttribute("assistName", name.apply(request.assistId()));
		thread.comments().forEach(c -> name.apply(c.authorId()));
		thread.reviews().forEach(c -> name.apply(c.reviewerId()));
		thread.approvals().forEach(c -> name.apply(c.approverId()));
		if (thread.waiver() != null) {
			name.apply(thread.waiver().waivedById());
		}
		if (thread.answers() != null) {
			name.apply(thread.answers().answeredById());
		}
		model.addAttribute("names", people);
		model.addAttribute("zone", zone);
		model.addAttribute("boardZone", words.zone(board.calendar().zone()));
		model.addAttribute("times", new Times(zone, words));
		model.addAttribute("triageDue", cards.due(request.triageDueAt(), board.calendar().zone(), zone));
		model.addAttribute("slaDue", cards.due(request.slaDueAt(), board.calendar().zone(), zone));
		model.addAttribute("filed", words.dayTime(request.createdAt(), zone));
		var policy = page.policy();
		model.addAttribute("badge", cards.badge(request.status(), request.receivedAt(), request.triageDueAt(),
				request.slaDueAt(), request.engagedAt(), board, policy.basis(), zone));
		// the same policies the service refuses by: a form shows only when the API would take it
		var may = new LinkedHashMap<String, Decision>();
		if (caller != null) {
			may.put("comment", RequestPermissions.mayComment(caller, request, circle));
			may.put("answerAsRequestor", RequestPermissions.mayAnswerAsRequestor(caller, request));
			may.put("answerQuestions", RequestPermissions.mayAnswerQuestions(caller, request, circle)
					.and(request.newForTriage("answer the 4 questions")));
			may.put("review", RequestPermissions.mayReview(caller, request, circle));
			may.put("waive", RequestPermissions.mayWaive(caller, request, circle));
			may.put("assign", RequestPermissions.mayAssign(caller, request, circle).and(request.newForTriage("assign it")));
			may.put("decline", RequestPermissions.mayDecline(caller, request, circle));
			may.put("move", RequestPermissions.mayMove(caller, request, circle, "move it on the board"));
			may.put("approve", RequestPermissions.mayApprove(caller, request, thread.approvals()));
		}
		for (var step : List.of("comment", "answerAsRequestor", "answerQuestions", "review", "waive", "assign", "decline",
				"move", "approve")) {
			model.addAttribute("may" + Character.toUpperCase(step.charAt(0)) + step.substring(1),
					may.containsKey(step) && may.get(step).isAllowed());
		}
		// the triage checklist: the rules of the assignment, in the order the circle takes them
		var readiness = AssignmentPolicy.readiness(request, circle, thread.comments(), thread.answers(), thread.reviews(),
				thread.waiver());
		var steps = TriageChecklist.of(request, circle, thread, readiness, name, words);
		model.addAttribute("steps", steps);
		model.addAttribute("ready", readiness.isAllowed() && request.status() == RequestStatus.NEW);
		model.addAttribute("reviewsOpen", request.assigneeId() == null && request.status().isOpen()
				&& !request.fastTrack() && thread.waiver() == null && readiness.refuses(dev.baton.engagement.EngagementRule.TRIAGE_SECOND_REVIEW));
		model.addAttribute("approvingReviews", AssignmentPolicy.approvingReviewers(request, circle, thread.reviews()));
		model.addAttribute("permissions", may);
		model.addAttribute("declinable", request.declinable());
		model.addAttribute("moves", request.nextMoves());
		model.addAttribute("questions", QUESTIONS);
		model.addAttribute("saved", savedAnswers(thread.answers()));
		model.addAttribute("labelChoices", CHOSEN_LABELS);
		var entries = history.of("sa-request", id, 100);
		var actors = users.displayNames(entries.stream().map(dev.baton.audit.AuditEntry::actor)
				.filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
		model.addAttribute("history", entries.stream().map(e -> HistorySentences.of(e, actors, people::get, words, zone))
				.toList());
		model.addAttribute("errorForm", errorForm);
		model.addAttribute("formErrors", errors);
		model.addAttribute("noErrors", Map.of());
		model.addAttribute("violations", violations);
		model.addAttribute("values", values);
		model.addAttribute("ids", Ids.INSTANCE);
		return "requests/request";
	}

	/** The saved answers as the radio buttons' values: "true", "false" or absent. */
	private static Map<String, String> savedAnswers(dev.baton.engagement.domain.ThreadItems.TriageAnswers answers) {
		var saved = new HashMap<String, String>();
		if (answers != null) {
			put(saved, "commandPlanComplete", answers.commandPlanComplete());
			put(saved, "understandsContext", answers.understandsContext());
			put(saved, "leadTime", answers.leadTime());
			put(saved, "relatableExperience", answers.relatableExperience());
		}
		return saved;
	}

	private static void put(Map<String, String> saved, String field, Boolean answer) {
		if (answer != null) {
			saved.put(field, answer.toString());
		}
	}

	// my requests --------------------------------------------------------------------------------

	@GetMapping("/my/requests")
	@PreAuthorize("hasRole('AE')")
	String myRequests(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
		var caller = actions.caller();
		var size = 50;
		var search = BoardPage.search(q);
		var rows = query.newest(new BoardQuery.Filter(null, null, null, null, null, caller.personId(), search),
				BoardPage.offset(page, size), size);
		model.addAttribute("q", search == null ? "" : search);
		var total = rows.isEmpty() ? 0 : rows.get(0).columnTotal();
		model.addAttribute("cards", cards.cards(rows, caller.person().timeZone()));
		model.addAttribute("page", page);
		model.addAttribute("total", total);
		model.addAttribute("hasNext", (long) (page + 1) * size < total);
		return "requests/mine";
	}

	// helpers ------------------------------------------------------------------------------------

	private static ZoneId viewerZone(CallContext caller, ZoneId fallback) {
		return caller == null || caller.person() == null || caller.person().timeZone() == null ? fallback
				: caller.person().timeZone();
	}

	/** The refusal's messages by field; one that names no field goes under {@code general}. */
	static Map<String, String> errors(BatonException refused, String general) {
		var errors = new LinkedHashMap<String, String>();
		for (FieldError error : refused.fieldErrors()) {
			errors.merge(error.field(), error.message(), RequestPages::join);
		}
		if (errors.isEmpty()) {
			errors.put(general, refused.getMessage());
		}
		return errors;
	}

	private static String join(String first, String second) {
		return first + "; " + second;
	}

	private static Boolean yesNo(MultiValueMap<String, String> form, String field) {
		var value = form.getFirst(field);
		return value == null || value.isBlank() ? null : Boolean.valueOf("true".equals(value));
	}

	private static UUID uuid(MultiValueMap<String, String> form, String field) {
		var value = form.getFirst(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException notAnId) {
			throw BatonException.invalid(field, "is not a person: " + value);
		}
	}

	private static Integer integer(MultiValueMap<String, String> form, String field) {
		var value = form.getFirst(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException notANumber) {
			throw BatonException.invalid(field, "is not a number: " + value);
		}
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, MultiValueMap<String, String> form, String field) {
		var value = form.getFirst(field);
		return value == null || value.isBlank() ? null : enumValue(type, value, field);
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw BatonException.invalid(field, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
		}
	}
}
