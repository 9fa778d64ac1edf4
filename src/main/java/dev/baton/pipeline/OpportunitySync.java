package dev.baton.pipeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Region;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.jdbc.AccountRepository;
import dev.baton.pipeline.jdbc.OpportunityRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.platform.Money;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;

/**
 * Brings one opportunity from the CRM into Baton: creates it or updates every CRM field, keyed by
 * the CRM's id, with its account. The whole input is checked first and every wrong field named;
 * then the account and the opportunity are written, audited, in the caller's transaction.
 */
@Service
public class OpportunitySync {

	static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
	private static final Pattern AMOUNT = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
	private static final BigDecimal MAX_AMOUNT = new BigDecimal("1e17");
	private static final int MAX_TEXT = 4000;
	private static final int MAX_ENTRY = 500;
	private static final int MAX_ENTRIES = 100;
	private static final java.util.Set<String> TRUE = java.util.Set.of("true", "yes", "y", "1");
	private static final java.util.Set<String> FALSE = java.util.Set.of("false", "no", "n", "0");

	/** What an upsert did. */
	public enum Outcome {
		CREATED, UPDATED, UNCHANGED
	}

	/** The opportunity as stored after an upsert, and what the upsert did. */
	public record Result(Opportunity opportunity, Outcome outcome) {
	}

	private final OpportunityRepository repository;
	private final AccountRepository accounts;
	private final Organisation organisation;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	OpportunitySync(OpportunityRepository repository, AccountRepository accounts, Organisation organisation,
			AuditLog audit, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.accounts = accounts;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
		this.events = events;
	}

	private void stageReached(Opportunity opportunity, Stage previous) {
		events.publishEvent(new OpportunityStageChanged(opportunity.id(), opportunity.externalId(),
				opportunity.accountId(), opportunity.ownerId(), opportunity.segment(), previous, opportunity.stage(),
				opportunity.updatedAt()));
	}

	/**
	 * Creates or updates an opportunity.
	 *
	 * @param expectedVersion the version the caller read, or null to write whatever is stored
	 * @param naming how to name a field in refusals: JSON path or CSV header
	 * @param auditContext added to the audit entries: where the data came from
	 */
	@Transactional
	public Result upsert(OpportunityInput input, Integer expectedVersion, Function<OpportunityField, String> naming,
			Map<String, ?> auditContext) {
		var checked = check(input, naming);
		var account = upsertAccount(checked.account(), auditContext);
		var now = clock.instant();
		var existing = repository.opportunityByExternalId(checked.externalId(), true);
		if (existing.isEmpty()) {
			if (expectedVersion != null) {
				throw new BatonException(ProblemType.STALE_VERSION, "Opportunity " + checked.externalId()
						+ " does not exist, so If-Match \"" + expectedVersion
						+ "\" cannot match; send the upsert without If-Match to create it",
						List.of(), Map.of("expectedVersion", expectedVersion));
			}
			var created = checked.toOpportunity(UUID.randomUUID(), account.id(),
					checked.plan() == null ? CommandPlan.empty() : checked.plan(), 0, now, now);
			if (repository.insertIfAbsent(created)) {
				var details = new LinkedHashMap<String, Object>(auditContext);
				details.put("externalId", created.externalId());
				details.put("name", created.name());
				details.put("stage", created.stage().name());
				details.put("account", account.externalId());
				audit.record("opportunity.created", "opportunity", created.id(), null, details);
				stageReached(created, null);
				return new Result(created, Outcome.CREATED);
			}
			// another writer created it since we looked: update theirs
			existing = repository.opportunityByExternalId(checked.externalId(), true);
		}
		var current = existing.orElseThrow();
		if (expectedVersion != null && expectedVersion != current.version()) {
			throw Versions.stale("Opportunity", checked.externalId(), expectedVersion);
		}
		var plan = normalize(checked.plan() == null ? current.commandPlan() : checked.plan());
		var updated = checked.toOpportunity(current.id(), account.id(), plan, current.version() + 1,
				current.createdAt(), now);
		var changes = changes(current, updated);
		if (changes.isEmpty()) {
			return new Result(current, Outcome.UNCHANGED);
		}
		if (!repository.update(updated, current.version())) {
			throw Versions.stale("Opportunity", checked.externalId(), current.version());
		}
		var details = new LinkedHashMap<String, Object>(auditContext);
		details.put("externalId", updated.externalId());
		details.put("changes", changes);
		audit.record("opportunity.updated", "opportunity", updated.id(), null, details);
		if (updated.stage() != current.stage()) {
			stageReached(updated, current.stage());
		}
		return new Result(updated, Outcome.UPDATED);
	}

	// checking ----------------------------------------------------------------------------------

	/** The account fields to set; null fields keep the stored values. */
	private record AccountPlan(String externalId, String name, String industry, String regionKey, Boolean named) {
	}

	private record Checked(String externalId, String name, AccountPlan account, Person owner, Segment segment,
			String businessUnit, String regionKey, Stage stage, Money netArr, LocalDate closeDate,
			SubscriptionType subscriptionType, String forecastCategory, CommandPlan plan) {

		Opportunity toOpportunity(UUID id, UUID accountId, CommandPlan commandPlan, int version,
				java.time.Instant createdAt, java.time.Instant updatedAt) {
			return new Opportunity(id, externalId, accountId, name, owner.id(), segment, businessUnit, regionKey, stage,
					netArr, closeDate, subscriptionType, forecastCategory, commandPlan, version, createdAt, updatedAt);
		}
	}

	/** Collects refusals under the sender's names for the fields. */
	private static final class Errors {

		private final Function<OpportunityField, String> naming;
		private final List<FieldError> list = new ArrayList<>();

		Errors(Function<OpportunityField, String> naming) {
			this.naming = naming;
		}

		void add(OpportunityField field, String message) {
			list.add(new FieldError(naming.apply(field), message));
		}

		void add(String path, String message) {
			list.add(new FieldError(path, message));
		}

		String name(OpportunityField field) {
			return naming.apply(field);
		}

		/** One entry of a list field: {@code commandPlan.pains[2]} in JSON, the whole cell in a CSV. */
		String entry(OpportunityField field, int index) {
			var name = naming.apply(field);
			return name.contains(".") ? name + "[" + index + "]" : name;
		}
	}

	private Checked check(OpportunityInput input, Function<OpportunityField, String> naming) {
		var errors = new Errors(naming);
		var externalId = strip(input.externalId());
		if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
			errors.add(OpportunityField.EXTERNAL_ID,
					"must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
		}
		var name = text(input.name(), OpportunityField.NAME, 300, true, errors);
		var regions = organisation.regions().stream().map(Region::key).collect(Collectors.toSet());
		var account = checkAccount(input, regions, errors);
		var owner = checkOwner(input, errors);
		Segment segment = null;
		if (blank(input.segment())) {
			if (owner != null) {
				segment = owner.segment();
				if (segment == null) {
					errors.add(OpportunityField.SEGMENT, "is required: the owner " + owner.name() + " has no segment");
				}
			}
		} else {
			segment = Segment.parse(input.segment()).orElse(null);
			if (segment == null) {
				errors.add(OpportunityField.SEGMENT, "must be a segment: one of " + Segment.labels()
						+ " (or its name, such as MM_FIRST_ORDER) but was '" + input.segment().strip() + "'");
			}
		}
		var businessUnit = text(input.businessUnit(), OpportunityField.BUSINESS_UNIT, 100, false, errors);
		var regionKey = strip(input.regionKey());
		if (regionKey != null && !regions.contains(regionKey)) {
			errors.add(OpportunityField.REGION, "is not a known region: " + regionKey + "; known: " + sorted(regions));
		}
		Stage stage = null;
		if (blank(input.stage())) {
			errors.add(OpportunityField.STAGE, "is required, such as 3-Technical Evaluation");
		} else {
			stage = Stage.parse(input.stage()).orElse(null);
			if (stage == null) {
				errors.add(OpportunityField.STAGE, "must be a stage: one of " + Stage.labels()
						+ " (or its name, such as TECHNICAL_EVALUATION) but was '" + input.stage().strip() + "'");
			}
		}
		var netArr = checkMoney(input, errors);
		LocalDate closeDate = null;
		if (blank(input.closeDate())) {
			errors.add(OpportunityField.CLOSE_DATE, "is required, as a date such as 2026-09-30");
		} else {
			try {
				closeDate = LocalDate.parse(input.closeDate().strip());
			} catch (DateTimeParseException e) {
				errors.add(OpportunityField.CLOSE_DATE,
						"must be a date such as 2026-09-30 but was '" + input.closeDate().strip() + "'");
			}
		}
		SubscriptionType subscriptionType = null;
		if (blank(input.subscriptionType())) {
			errors.add(OpportunityField.SUBSCRIPTION_TYPE, "is required: one of " + SubscriptionType.labels());
		} else {
			subscriptionType = SubscriptionType.parse(input.subscriptionType()).orElse(null);
			if (subscriptionType == null) {
				errors.add(OpportunityField.SUBSCRIPTION_TYPE, "must be one of " + SubscriptionType.labels()
						+ " but was '" + input.subscriptionType().strip() + "'");
			}
		}
		var forecast = text(input.forecastCategory(), OpportunityField.FORECAST_CATEGORY, 100, false, errors);
		var plan = input.commandPlan() == null ? null : checkPlan(input.commandPlan(), errors);
		if (!errors.list.isEmpty()) {
			var detail = errors.list.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
			throw new BatonException(ProblemType.VALIDATION_FAILED, detail, errors.list, Map.of());
		}
		return new Checked(externalId, name, account, owner, segment, businessUnit, regionKey, stage, netArr,
				closeDate, subscriptionType, forecast, plan);
	}

	private AccountPlan checkAccount(OpportunityInput input, java.util.Set<String> regions, Errors errors) {
		var externalId = strip(input.accountExternalId());
		if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
			errors.add(OpportunityField.ACCOUNT_ID, externalId == null ? "is required: the CRM's id of the account"
					: "must be 1 to 100 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
			externalId = null;
		}
		var name = text(input.accountName(), OpportunityField.ACCOUNT_NAME, 300, false, errors);
		if (externalId != null && name == null && accounts.accountByExternalId(externalId, false).isEmpty()) {
			errors.add(OpportunityField.ACCOUNT_NAME, "is required to create account " + externalId
					+ ", which Baton does not know yet");
		}
		var industry = text(input.accountIndustry(), OpportunityField.ACCOUNT_INDUSTRY, 200, false, errors);
		var regionKey = strip(input.accountRegionKey());
		if (regionKey != null && !regions.contains(regionKey)) {
			errors.add(OpportunityField.ACCOUNT_REGION,
					"is not a known region: " + regionKey + "; known: " + sorted(regions));
		}
		Boolean named = null;
		if (!blank(input.accountNamed())) {
			var text = input.accountNamed().strip().toLowerCase(Locale.ROOT);
			if (TRUE.contains(text)) {
				named = true;
			} else if (FALSE.contains(text)) {
				named = false;
			} else {
				errors.add(OpportunityField.ACCOUNT_NAMED,
						"must be true or false (or yes or no) but was '" + input.accountNamed().strip() + "'");
			}
		}
		return new AccountPlan(externalId, name, industry, regionKey, named);
	}

	private Person checkOwner(OpportunityInput input, Errors errors) {
		Person byId = null;
		var ownerId = strip(input.ownerId());
		if (ownerId != null) {
			try {
				byId = organisation.findPerson(PersonId.of(UUID.fromString(ownerId))).orElse(null);
				if (byId == null) {
					errors.add(OpportunityField.OWNER_ID, "is not a known person: " + ownerId);
				}
			} catch (IllegalArgumentException e) {
				errors.add(OpportunityField.OWNER_ID, "must be a person id (a UUID) but was '" + ownerId + "'");
			}
		}
		Person byEmail = null;
		var email = strip(input.ownerEmail());
		if (email != null) {
			byEmail = organisation.personByEmail(email).orElse(null);
			if (byEmail == null) {
				errors.add(OpportunityField.OWNER_EMAIL, "is not the e-mail address of a known person: " + email);
			}
		}
		if (ownerId == null && email == null) {
			errors.add(OpportunityField.OWNER_EMAIL, "is required: the owner AE's e-mail address (or "
					+ errors.name(OpportunityField.OWNER_ID) + ")");
		}
		if (byId != null && byEmail != null && !byId.id().equals(byEmail.id())) {
			errors.add(OpportunityField.OWNER_EMAIL, "names " + byEmail.name() + " but "
					+ errors.name(OpportunityField.OWNER_ID) + " names " + byId.name());
			return null;
		}
		var owner = byId != null ? byId : byEmail;
		if (owner != null && owner.role() != Role.AE) {
			errors.add(email != null ? OpportunityField.OWNER_EMAIL : OpportunityField.OWNER_ID,
					"must name an AE, but " + owner.name() + " is " + owner.role());
			return null;
		}
		return owner;
	}

	private static Money checkMoney(OpportunityInput input, Errors errors) {
		BigDecimal amount = null;
		var amountText = strip(input.netArrAmount());
		if (amountText == null) {
			errors.add(OpportunityField.NET_ARR, "is required, as a number such as 85000 or 85,000.00");
		} else if (!AMOUNT.matcher(amountText).matches()) {
			errors.add(OpportunityField.NET_ARR,
					"must be a number such as 85000 or 85,000.00 (no currency sign) but was '" + amountText + "'");
		} else {
			amount = new BigDecimal(amountText.replace(",", ""));
			if (amount.abs().compareTo(MAX_AMOUNT) >= 0) {
				errors.add(OpportunityField.NET_ARR, "must be less than 10^17 in size");
				amount = null;
			}
		}
		Currency currency = null;
		var code = strip(input.netArrCurrency());
		if (code == null) {
			errors.add(OpportunityField.CURRENCY, "is required, as an ISO 4217 code such as USD");
		} else {
			try {
				currency = code.length() == 3 ? Currency.getInstance(code.toUpperCase(Locale.ROOT)) : null;
			} catch (IllegalArgumentException e) {
				currency = null;
			}
			if (currency == null) {
				errors.add(OpportunityField.CURRENCY, "must be an ISO 4217 code such as USD or EUR but was '" + code + "'");
			}
		}
		return amount == null || currency == null ? null : new Money(amount, currency);
	}

	private static CommandPlan checkPlan(CommandPlan plan, Errors errors) {
		var whyNow = planText(plan.whyNow(), OpportunityField.WHY_NOW, errors);
		var pains = planList(plan.pains(), OpportunityField.PAINS, errors);
		var useCases = planList(plan.useCases(), OpportunityField.USE_CASES, errors);
		var competitors = planList(plan.competitors(), OpportunityField.COMPETITORS, errors);
		var compellingEvent = planText(plan.compellingEvent(), OpportunityField.COMPELLING_EVENT, errors);
		CommandPlan.DevOpsStack stack = null;
		if (plan.devOpsStack() != null) {
			var s = plan.devOpsStack();
			stack = new CommandPlan.DevOpsStack(planText(s.scm(), OpportunityField.SCM, errors),
					planText(s.planning(), OpportunityField.PLANNING, errors),
					planText(s.ciCd(), OpportunityField.CI_CD, errors),
					planList(s.cloudVendors(), OpportunityField.CLOUD_VENDORS, errors),
					planText(s.deployment(), OpportunityField.DEPLOYMENT, errors));
		}
		var attendees = new ArrayList<CommandPlan.Attendee>();
		var given = plan.attendees();
		if (given.size() > MAX_ENTRIES) {
			errors.add(OpportunityField.ATTENDEES, "must list at most " + MAX_ENTRIES + " people");
		}
		for (int i = 0; i < given.size() && i < MAX_ENTRIES; i++) {
			var attendee = given.get(i);
			var where = errors.entry(OpportunityField.ATTENDEES, i);
			if (attendee == null || blank(attendee.name()) || attendee.name().strip().length() > 200) {
				errors.add(where, "needs a name of 1 to 200 characters");
			} else if (attendee.title() != null && attendee.title().strip().length() > 200) {
				errors.add(where, "title must be at most 200 characters");
			} else {
				attendees.add(new CommandPlan.Attendee(attendee.name().strip(), strip(attendee.title())));
			}
		}
		CommandPlan.Meddppicc meddppicc = null;
		if (plan.meddppicc() != null) {
			var m = plan.meddppicc();
			meddppicc = new CommandPlan.Meddppicc(planText(m.metrics(), OpportunityField.METRICS, errors),
					planText(m.economicBuyer(), OpportunityField.ECONOMIC_BUYER, errors),
					planText(m.decisionCriteria(), OpportunityField.DECISION_CRITERIA, errors),
					planText(m.decisionProcess(), OpportunityField.DECISION_PROCESS, errors),
					planText(m.paperProcess(), OpportunityField.PAPER_PROCESS, errors),
					planText(m.identifiedPain(), OpportunityField.IDENTIFIED_PAIN, errors),
					planText(m.champion(), OpportunityField.CHAMPION, errors),
					planText(m.competition(), OpportunityField.COMPETITION, errors));
		}
		return normalize(new CommandPlan(whyNow, pains, useCases, stack, competitors, attendees, compellingEvent,
				meddppicc));
	}

	private static String planText(String value, OpportunityField field, Errors errors) {
		return text(value, field, MAX_TEXT, false, errors);
	}

	private static List<String> planList(List<String> values, OpportunityField field, Errors errors) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_ENTRIES) {
			errors.add(field, "must list at most " + MAX_ENTRIES + " entries");
			return List.of();
		}
		var kept = new ArrayList<String>();
		for (int i = 0; i < values.size(); i++) {
			var value = values.get(i);
			var where = errors.entry(field, i);
			if (blank(value)) {
				errors.add(where, "must not be blank");
			} else if (value.strip().length() > MAX_ENTRY) {
				errors.add(where, "must be at most " + MAX_ENTRY + " characters per entry");
			} else {
				kept.add(value.strip());
			}
		}
		return kept;
	}

	/** A plan with empty parts dropped, so that an export and the stored plan compare equal. */
	static CommandPlan normalize(CommandPlan plan) {
		var stack = plan.devOpsStack();
		if (stack != null && stack.scm() == null && stack.planning() == null && stack.ciCd() == null
				&& stack.cloudVendors().isEmpty() && stack.deployment() == null) {
			stack = null;
		}
		var m = plan.meddppicc();
		if (m != null && m.metrics() == null && m.economicBuyer() == null && m.decisionCriteria() == null
				&& m.decisionProcess() == null && m.paperProcess() == null && m.identifiedPain() == null
				&& m.champion() == null && m.competition() == null) {
			m = null;
		}
		return new CommandPlan(blankToNull(plan.whyNow()), plan.pains(), plan.useCases(), stack, plan.competitors(),
				plan.attendees(), blankToNull(plan.compellingEvent()), m);
	}

	private static String text(String value, OpportunityField field, int max, boolean required, Errors errors) {
		var stripped = strip(value);
		if (stripped == null) {
			if (required) {
				errors.add(field, "is required");
			}
			return null;
		}
		if (stripped.length() > max) {
			errors.add(field, "must be at most " + max + " characters");
			return null;
		}
		return stripped;
	}

	// writing ----------------------------------------------------------------------------------

	private Account upsertAccount(AccountPlan plan, Map<String, ?> auditContext) {
		var now = clock.instant();
		var existing = accounts.accountByExternalId(plan.externalId(), true);
		if (existing.isEmpty()) {
			var created = new Account(UUID.randomUUID(), plan.externalId(), plan.name(), plan.industry(),
					plan.regionKey(), Boolean.TRUE.equals(plan.named()), 0, now, now);
			if (accounts.insertIfAbsent(created)) {
				var details = new LinkedHashMap<String, Object>(auditContext);
				details.put("externalId", created.externalId());
				details.put("name", created.name());
				audit.record("account.created", "account", created.id(), null, details);
				return created;
			}
			existing = accounts.accountByExternalId(plan.externalId(), true);
		}
		var current = existing.orElseThrow();
		var updated = new Account(current.id(), current.externalId(), orElse(plan.name(), current.name()),
				orElse(plan.industry(), current.industry()), orElse(plan.regionKey(), current.regionKey()),
				plan.named() == null ? current.named() : plan.named(), current.version() + 1, current.createdAt(), now);
		var changes = new LinkedHashMap<String, Object>();
		change(changes, "name", current.name(), updated.name());
		change(changes, "industry", current.industry(), updated.industry());
		change(changes, "region", current.regionKey(), updated.regionKey());
		change(changes, "named", current.named(), updated.named());
		if (changes.isEmpty()) {
			return current;
		}
		if (!accounts.update(updated, current.version())) {
			throw Versions.stale("Account", current.externalId(), current.version());
		}
		var details = new LinkedHashMap<String, Object>(auditContext);
		details.put("externalId", updated.externalId());
		details.put("changes", changes);
		audit.record("account.updated", "account", updated.id(), null, details);
		return updated;
	}

	private static Map<String, Object> changes(Opportunity before, Opportunity after) {
		var changes = new LinkedHashMap<String, Object>();
		change(changes, "name", before.name(), after.name());
		change(changes, "account", before.accountId(), after.accountId());
		change(changes, "owner", before.ownerId(), after.ownerId());
		change(changes, "segment", before.segment(), after.segment());
		change(changes, "businessUnit", before.businessUnit(), after.businessUnit());
		change(changes, "region", before.regionKey(), after.regionKey());
		change(changes, "stage", before.stage(), after.stage());
		change(changes, "netArr", before.netArr(), after.netArr());
		change(changes, "closeDate", before.closeDate(), after.closeDate());
		change(changes, "subscriptionType", before.subscriptionType(), after.subscriptionType());
		change(changes, "forecastCategory", before.forecastCategory(), after.forecastCategory());
		if (!normalize(before.commandPlan()).equals(normalize(after.commandPlan()))) {
			changes.put("commandPlan", "changed");
		}
		return changes;
	}

	private static void change(Map<String, Object> changes, String field, Object before, Object after) {
		if (!Objects.equals(before, after)) {
			var change = new LinkedHashMap<String, Object>();
			change.put("from", before == null ? null : before.toString());
			change.put("to", after == null ? null : after.toString());
			changes.put(field, change);
		}
	}

	private static <T> T orElse(T value, T fallback) {
		return value != null ? value : fallback;
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String strip(String value) {
		return blank(value) ? null : value.strip();
	}

	private static String blankToNull(String value) {
		return strip(value);
	}

	private static String sorted(java.util.Set<String> keys) {
		return keys.stream().sorted().collect(Collectors.joining(", "));
	}
}
