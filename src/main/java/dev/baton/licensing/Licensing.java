package dev.baton.licensing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.Deployment;
import dev.baton.identity.Role;
import dev.baton.licensing.domain.LicenseTerms;
import dev.baton.licensing.domain.ReconciliationMath;
import dev.baton.licensing.domain.SeatReportChecks;
import dev.baton.licensing.domain.UpsellPolicy;
import dev.baton.licensing.jdbc.LicensingRepository;
import dev.baton.licensing.verifier.Ed25519;
import dev.baton.licensing.verifier.Fields;
import dev.baton.licensing.verifier.License;
import dev.baton.licensing.verifier.SeatReports;
import dev.baton.licensing.verifier.SignedDocument;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.pipeline.SubscriptionType;
import dev.baton.platform.BatonException;
import dev.baton.platform.Decision;
import dev.baton.platform.Money;
import dev.baton.platform.ProblemType;
import dev.baton.subscription.Subscription;
import dev.baton.subscription.SubscriptionId;
import dev.baton.subscription.SubscriptionStatus;
import dev.baton.subscription.Subscriptions;

/**
 * Licensing's service: issues license files for self-managed subscription versions, activates
 * instances, receives their signed seat reports, and raises and follows up the up-sell signals
 * they show. Reconciliation is {@link SeatReconciliations}.
 */
@Service
public class Licensing {

	private static final Logger log = LoggerFactory.getLogger(Licensing.class);
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
	private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
	private static final int REPORT_KEPT = 64 * 1024;

	private final LicensingRepository repository;
	private final SigningKeys keys;
	private final Subscriptions subscriptions;
	private final Catalog catalog;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final LicensingProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	Licensing(LicensingRepository repository, SigningKeys keys, Subscriptions subscriptions, Catalog catalog,
			Pipeline pipeline, AuditLog audit, ApplicationEventPublisher events, TransactionTemplate transactions,
			LicensingProperties properties, Clock clock) {
		this.repository = repository;
		this.keys = keys;
		this.subscriptions = subscriptions;
		this.catalog = catalog;
		this.pipeline = pipeline;
		this.audit = audit;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** A published public key: verifiers trust every key listed, old ones included. */
	public record PublicSigningKey(String keyId, String algorithm, String publicKey, Instant createdAt, boolean signing) {
	}

	/** An instance activated with an activation code, and its online license. */
	public record Activation(InstanceId instanceId, SubscriptionId subscriptionId, LicenseId licenseId, String license) {
	}

	/**
	 * A seat report received: the report as kept, whether it had been received before, and for an
	 * instance the newest online license (so an online instance refreshes its license by reporting).
	 */
	public record Receipt(SeatReport report, boolean repeated, String license) {
	}

	/** Who an account's licenses are made out to. */
	public record Licensee(UUID accountId, String name, String email) {
	}

	// keys ----------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public List<PublicSigningKey> publicKeys() {
		var signing = keys.active().keyId();
		return repository.keys().stream().map(key -> new PublicSigningKey(key.keyId(), Ed25519.ALGORITHM, key.publicKey(),
				key.createdAt(), key.keyId().equals(signing))).toList();
	}

	// issuing -------------------------------------------------------------------------------------

	/** Whether a plan is deployed self-managed, and so licensed. */
	public boolean selfManaged(String planCode) {
		var plan = catalog.plan(planCode);
		return catalog.product(plan.productCode()).deployment() == Deployment.SELF_MANAGED;
	}

	/**
	 * Issues the license files of a subscription version: the offline one, and an online one per
	 * activated instance. Once per version (and instance), whatever the number of calls.
	 */
	@Transactional
	public List<IssuedLicense> issue(Subscription subscription) {
		var decision = Decision.check().refuseIf(!selfManaged(subscription.planCode()), LicensingRule.SELF_MANAGED,
				() -> subscription.planCode() + " is not a self-managed plan: it has no license file").decide();
		if (decision.isRefused() || subscription.status() != SubscriptionStatus.ACTIVE) {
			return List.of();
		}
		repository.licensed(subscription.id(), subscription.parties().ownerAccountId(), activationCode(), clock.instant());
		var licensee = licensee(subscription.parties().ownerAccountId());
		var settings = new LicenseTerms.Settings(properties.graceDays(), properties.notifyAdminsDays(),
				properties.quarterly(subscription.planCode()), changesBlocked(subscription));
		var issued = new ArrayList<IssuedLicense>();
		var offline = write(subscription, licensee, License.Mode.OFFLINE, null, settings);
		if (offline != null) {
			issued.add(offline);
			events.publishEvent(new LicenseIssued(offline.id(), subscription.id(), subscription.version(),
					subscription.parties().ownerAccountId(), offline.mode(), licensee.email().isEmpty() ? null : licensee.email()));
		}
		for (var instance : repository.instancesOf(subscription.id())) {
			var online = write(subscription, licensee, License.Mode.ONLINE, instance.id(), settings);
			if (online != null) {
				issued.add(online);
			}
		}
		return issued;
	}

	private IssuedLicense write(Subscription subscription, LicenseTerms.Licensee licensee, License.Mode mode,
			InstanceId instance, LicenseTerms.Settings settings) {
		var signer = keys.active();
		var id = LicenseId.random();
		var now = clock.instant();
		var license = LicenseTerms.of(id.toString(), signer.keyId(), now, subscription, licensee, mode,
				instance == null ? null : instance.toString(), settings);
		var payload = license.fields().bytes();
		var file = SignedDocument.of(License.KIND, signer.keyId(), payload, Ed25519.sign(signer.privateKey(), payload)).write();
		var row = new IssuedLicense(id, subscription.id(), subscription.version(), mode.name(), instance, signer.keyId(),
				subscription.planCode(), subscription.seats(), license.startsOn(), license.expiresOn(),
				license.changesBlocked(), now, null, null);
		if (!repository.insertLicense(row, file)) {
			return null;
		}
		var details = new LinkedHashMap<String, Object>();
		details.put("subscription", subscription.number());
		details.put("version", subscription.version());
		details.put("mode", mode.name());
		details.put("seats", subscription.seats());
		details.put("keyId", signer.keyId());
		audit.recordBySystem("license.issued", "license", id.value(), "Subscription " + subscription.number()
				+ " version " + subscription.version(), details);
		return row;
	}

	/** Whether the users reported this term are beyond the plan's tolerance above the seats paid. */
	private boolean changesBlocked(Subscription subscription) {
		var counted = repository.counted(subscription.id(), subscription.termStart(), subscription.termEnd());
		return !counted.isEmpty() && ReconciliationMath.beyondTolerance(counted.get(0).maxBillableUsers(),
				subscription.seats(), properties.tolerance(subscription.planCode()));
	}

	private LicenseTerms.Licensee licensee(UUID accountId) {
		var company = pipeline.account(AccountId.of(accountId)).name();
		return repository.licensee(accountId).map(l -> new LicenseTerms.Licensee(l.name(), company, l.email()))
				.orElseGet(() -> new LicenseTerms.Licensee(company, company, ""));
	}

	private String activationCode() {
		var code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			if (i > 0 && i % 5 == 0) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	// reads ---------------------------------------------------------------------------------------

	/** Every license of a subscription, newest first. */
	@Transactional(readOnly = true)
	public List<IssuedLicense> licenses(SubscriptionId subscription) {
		subscriptions.subscription(subscription);
		return repository.licensesOf(subscription);
	}

	@Transactional(readOnly = true)
	public IssuedLicense license(LicenseId id) {
		return repository.license(id.value()).orElseThrow(() -> BatonException.notFound("License", id));
	}

	/** The license file, as signed. */
	@Transactional(readOnly = true)
	public String file(LicenseId id) {
		return repository.file(id).orElseThrow(() -> BatonException.notFound("License", id));
	}

	/** The code an instance of this subscription activates with; 404 when it has no license. */
	@Transactional(readOnly = true)
	public String activationCode(SubscriptionId subscription) {
		return repository.activationCode(subscription)
				.orElseThrow(() -> BatonException.notFound("Licensed subscription", subscription));
	}

	@Transactional(readOnly = true)
	public Optional<Licensee> licenseeOf(AccountId account) {
		var accountId = account.value();
		return repository.licensee(accountId).map(l -> new Licensee(l.accountId(), l.name(), l.email()));
	}

	/** Names who an account's licenses are made out to (the next license carries it). */
	@Transactional
	public Licensee name(AccountId account, String name, String email, String by) {
		var accountId = account.value();
		Decision.check()
				.refuseIf(name == null || name.isBlank() || name.length() > 200, LicensingRule.LICENSEE_NAME,
						() -> "A licensee has a name of 1 to 200 characters")
				.refuseIf(email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches(),
						LicensingRule.LICENSEE_EMAIL, () -> "A licensee has an e-mail address such as admin@example.com")
				.decide().orThrow(LicensingProblems.RULE);
		pipeline.account(AccountId.of(accountId));
		repository.putLicensee(new LicensingRepository.LicenseeRow(accountId, name.strip(), email.strip(), by,
				clock.instant()));
		audit.record("licensee.named", "account", accountId, null, Map.of("name", name.strip(), "email", email.strip()));
		return new Licensee(accountId, name.strip(), email.strip());
	}

	// activation ----------------------------------------------------------------------------------

	/**
	 * Exchanges an activation code for an online license: registers the instance's Ed25519 public
	 * key, which its seat reports are signed with. The same code and key again is the same
	 * instance.
	 */
	@Transactional
	public Activation activate(String code, String instanceName, String publicKey, String by) {
		var subscription = code == null ? Optional.<SubscriptionId>empty() : repository.byActivationCode(code.strip());
		var keyReadable = publicKey != null && readable(publicKey);
		Decision.check()
				.refuseIf(subscription.isEmpty(), LicensingRule.ACTIVATION_CODE,
						() -> "The activation code is not one Baton issued; find it with the license in the portal")
				.refuseIf(instanceName == null || instanceName.isBlank() || instanceName.length() > 200,
						LicensingRule.ACTIVATION_NAME, () -> "Name the instance (1 to 200 characters)")
				.refuseIf(!keyReadable, LicensingRule.ACTIVATION_KEY,
						() -> "The public key is the base64 of the instance's Ed25519 public key (X.509)")
				.decide().orThrow(LicensingProblems.RULE);
		var current = subscriptions.subscription(subscription.get());
		if (current.status() != SubscriptionStatus.ACTIVE) {
			throw Decision.refused(LicensingRule.ACTIVATION_CODE, "Subscription " + current.number() + " is "
					+ current.status() + "; only an active subscription activates instances")
					.toException(LicensingProblems.RULE);
		}
		var normalized = Ed25519.encode(Ed25519.publicKey(publicKey));
		var instance = repository.activate(new LicensingRepository.InstanceRow(InstanceId.random(), current.id(),
				instanceName.strip(), normalized, by == null ? "instance" : by, clock.instant()));
		issue(current);
		var license = repository.latestOnline(instance.id()).orElseThrow();
		audit.record("license.instance-activated", "license_instance", instance.id().value(), null,
				Map.of("subscription", current.number(), "instance", instance.name()));
		return new Activation(instance.id(), current.id(), license.id(), repository.file(license.id()).orElseThrow());
	}

	private static boolean readable(String publicKey) {
		try {
			Ed25519.publicKey(publicKey);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	// seat reports --------------------------------------------------------------------------------

	/**
	 * Receives a signed seat report, online from the instance or uploaded by its admin. A report
	 * received before is the same report (its digest is unique). One that does not verify is kept
	 * for review, never counted, and refused with the reason.
	 *
	 * @throws BatonException 422 {@code seat-report-refused} with {@code reportId} and the rule
	 */
	public Receipt receive(String text, String channel, String receivedBy) {
		if (text == null || text.isBlank()) {
			throw BatonException.invalid("report", "is the signed seat report, as the instance wrote it");
		}
		var digest = sha256(text);
		var earlier = transactions.execute(status -> repository.reportByDigest(digest));
		if (earlier.isPresent()) {
			return answer(earlier.get(), true);
		}
		var checked = check(text);
		try {
			var receipt = transactions.execute(status -> {
				var report = checked.report(channel, receivedBy, clock.instant());
				if (!repository.insertReport(report, digest, text.length() > REPORT_KEPT ? text.substring(0, REPORT_KEPT) : text)) {
					return null;
				}
				var details = new LinkedHashMap<String, Object>();
				details.put("status", report.status().name());
				details.put("channel", channel);
				if (report.rule() != null) {
					details.put("rule", report.rule());
				}
				audit.record("seat-report.received", "seat_report", report.id().value(), report.reason(), details);
				if (report.status() == SeatReport.Status.VERIFIED) {
					signals(report);
				}
				return new Receipt(report, false, null);
			});
			if (receipt == null) {
				return answer(repository.reportByDigest(digest).orElseThrow(), true);
			}
			return answer(receipt.report(), false);
		}
		catch (DuplicateKeyException sameReport) {
			return answer(transactions.execute(status -> repository.reportByDigest(digest)).orElseThrow(), true);
		}
	}

	private Receipt answer(SeatReport report, boolean repeated) {
		if (report.status() == SeatReport.Status.REFUSED) {
			var violation = new LinkedHashMap<String, String>();
			violation.put("rule", report.rule());
			violation.put("message", report.reason());
			throw new BatonException(LicensingProblems.REPORT_REFUSED, report.reason(),
					List.of(new dev.baton.platform.FieldError("report", report.reason())),
					Map.of("reportId", report.id().toString(), "violations", List.of(violation)));
		}
		var license = report.instanceId() == null ? null
				: transactions.execute(status -> repository.latestOnline(report.instanceId())
						.flatMap(l -> repository.file(l.id())).orElse(null));
		return new Receipt(report, repeated, license);
	}

	/** What checking a report found: the report read (when readable) and the first rule it breaks. */
	private record Checked(SeatReports.Report report, IssuedLicense license, LicensingRepository.InstanceRow instance,
			LicensingRule rule, String reason) {

		SeatReport report(String channel, String receivedBy, Instant at) {
			var verified = rule == null;
			return new SeatReport(SeatReportId.random(), verified ? SeatReport.Status.VERIFIED : SeatReport.Status.REFUSED,
					verified ? null : rule.id(), reason, channel, receivedBy,
					license == null ? null : license.subscriptionId(), license == null ? null : license.id(),
					instance == null ? null : instance.id(), report == null ? null : report.periodStart(),
					report == null ? null : report.periodEnd(), report == null ? null : report.activeUsers(),
					report == null ? null : report.maxBillableUsers(), at,
					report == null ? Map.of() : report.featuresDenied());
		}
	}

	private Checked check(String text) {
		SignedDocument document;
		SeatReports.Report report;
		try {
			document = SignedDocument.read(SeatReports.KIND, text);
			report = SeatReports.Report.of(Fields.parse(document.payload()));
		}
		catch (SignedDocument.MalformedDocumentException e) {
			return new Checked(null, null, null, LicensingRule.REPORT_FORMAT, "Not a seat report: " + e.getMessage());
		}
		var license = transactions.execute(status -> uuid(report.licenseId()).flatMap(repository::license));
		if (license.isEmpty()) {
			return new Checked(report, null, null, LicensingRule.REPORT_LICENSE,
					"The report names license " + report.licenseId() + ", which Baton did not issue");
		}
		var instance = transactions.execute(status -> uuid(report.instanceId()).flatMap(repository::instance));
		if (instance.isEmpty() || !instance.get().subscriptionId().equals(license.get().subscriptionId())) {
			return new Checked(report, license.get(), null, LicensingRule.REPORT_INSTANCE, "The report names instance "
					+ report.instanceId() + ", which is not activated for the license's subscription");
		}
		if (!document.keyId().equals(report.instanceId())) {
			return new Checked(report, license.get(), instance.get(), LicensingRule.REPORT_INSTANCE,
					"The report is signed for key " + document.keyId() + " but names instance " + report.instanceId());
		}
		if (!Ed25519.verify(Ed25519.publicKey(instance.get().publicKey()), document.payload(), document.signature())) {
			return new Checked(report, license.get(), instance.get(), LicensingRule.REPORT_SIGNATURE,
					"The signature is not the instance's: the report was changed, or signed with another key");
		}
		var decision = SeatReportChecks.check(report, license.get().startsOn(),
				license.get().expiresOn().plusDays(properties.graceDays()), LocalDate.now(clock));
		if (decision.isRefused()) {
			var refusal = decision.refusals().get(0);
			return new Checked(report, license.get(), instance.get(), (LicensingRule) refusal.rule(), decision.reasons());
		}
		return new Checked(report, license.get(), instance.get(), null, null);
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Transactional(readOnly = true)
	public List<SeatReport> reports(SubscriptionId subscription, SeatReport.Status status) {
		if (subscription != null) {
			subscriptions.subscription(subscription);
		}
		return repository.reports(subscription, status, 500);
	}

	// up-sell signals -----------------------------------------------------------------------------

	/** Raises the signals a verified report shows, each once per cause and period; in the report's transaction. */
	private void signals(SeatReport report) {
		var subscription = subscriptions.subscription(report.subscriptionId());
		var tolerance = properties.tolerance(subscription.planCode());
		var percentInUse = subscription.seats() == 0 ? 0 : report.maxBillableUsers() * 100 / subscription.seats();
		for (var cause : UpsellPolicy.causes(report.maxBillableUsers(), subscription.seats(),
				properties.seatUseThreshold(), tolerance)) {
			var evidence = evidence(report, subscription);
			evidence.put("percentInUse", percentInUse);
			evidence.put("tolerancePercent", tolerance);
			raise(subscription, cause, UpsellPolicy.period(report.periodEnd()), evidence,
					report.maxBillableUsers() + " users in use against " + subscription.seats() + " seats paid ("
							+ percentInUse + "%) on " + subscription.planCode() + ", reported for " + report.periodStart()
							+ " to " + report.periodEnd());
		}
		if (!report.featuresDenied().isEmpty()) {
			var demand = properties.featureDemand();
			var reports = repository.denyingFeatures(subscription.id(),
					report.periodEnd().minusDays(demand.window().toDays()), report.periodEnd());
			var inDemand = UpsellPolicy.featuresInDemand(
					reports.stream().map(r -> new UpsellPolicy.Denials(r.periodEnd(), r.featuresDenied())).toList(),
					demand.minDenials());
			if (!inDemand.isEmpty()) {
				var evidence = evidence(report, subscription);
				evidence.put("featuresDenied", inDemand);
				evidence.put("reportIds", reports.stream().map(r -> r.id().toString()).toList());
				var words = new StringBuilder();
				inDemand.forEach((feature, times) -> words.append(words.length() == 0 ? "" : ", ").append(feature)
						.append(" (").append(times).append(" times)"));
				raise(subscription, UpsellSignal.Cause.FEATURE_DEMAND, UpsellPolicy.period(report.periodEnd()), evidence,
						"Users keep reaching for features " + subscription.planCode() + " does not include: " + words
								+ ", in " + reports.size() + " reports up to " + report.periodEnd());
			}
		}
	}

	private static LinkedHashMap<String, Object> evidence(SeatReport report, Subscription subscription) {
		var evidence = new LinkedHashMap<String, Object>();
		evidence.put("reportId", report.id().toString());
		evidence.put("periodStart", report.periodStart().toString());
		evidence.put("periodEnd", report.periodEnd().toString());
		evidence.put("maxBillableUsers", report.maxBillableUsers());
		evidence.put("seatsPaid", subscription.seats());
		evidence.put("planCode", subscription.planCode());
		evidence.put("currency", subscription.currency());
		return evidence;
	}

	/** Raises the signal unless its cause fired for the subscription in the period already. */
	private void raise(Subscription subscription, UpsellSignal.Cause cause, String period, Map<String, Object> evidence,
			String words) {
		var account = subscription.parties().ownerAccountId();
		var source = sourceOpportunity(subscription);
		var signal = new UpsellSignal(UpsellSignalId.random(), account, subscription.id(), cause, period, evidence,
				source.map(Opportunity::ownerId).orElse(null), source.map(Opportunity::id).orElse(null), null,
				clock.instant());
		if (repository.insertSignal(signal)) {
			audit.recordBySystem("upsell-signal.raised", "upsell_signal", signal.id().value(), words,
					Map.of("cause", cause.name(), "period", period, "subscription", subscription.number()));
			events.publishEvent(new UpsellSignalRaised(signal.id(), account, pipeline.account(AccountId.of(account)).name(),
					subscription.id(), subscription.number(), cause, period, words, signal.ownerId(), signal.raisedAt()));
		}
	}

	/** The deal the subscription came from, or else the account's most recently changed one. */
	private Optional<Opportunity> sourceOpportunity(Subscription subscription) {
		if (subscription.opportunityId() != null) {
			var opportunity = pipeline.findOpportunity(OpportunityId.of(subscription.opportunityId()));
			if (opportunity.isPresent()) {
				return opportunity;
			}
		}
		return pipeline.opportunitiesOfAccount(AccountId.of(subscription.parties().ownerAccountId())).stream()
				.max(Comparator.comparing(Opportunity::updatedAt));
	}

	/** The signals of an owner AE, an account or a subscription (any may be null), newest first. */
	@Transactional(readOnly = true)
	public List<UpsellSignal> signals(PersonId owner, AccountId account, SubscriptionId subscription) {
		return repository.signals(owner == null ? null : owner.value(), account == null ? null : account.value(), subscription, 500);
	}

	@Transactional(readOnly = true)
	public UpsellSignal signal(UpsellSignalId id) {
		return repository.signal(id.value()).orElseThrow(() -> BatonException.notFound("Up-sell signal", id));
	}

	/** An expansion opportunity as the signal pre-fills it. */
	public record ExpansionDraft(UpsellSignalId signalId, String externalId, UUID accountId, String name, UUID ownerId,
			dev.baton.organisation.Segment segment, String businessUnit, String regionKey, Stage stage, Money netArr,
			LocalDate closeDate, SubscriptionType subscriptionType, String forecastCategory, int proposedSeats) {
	}

	/** The expansion opened from a signal, and whether this call opened it. */
	public record Expansion(Opportunity opportunity, boolean created) {
	}

	/** Whether the caller may open an expansion from the signal: its owner AE, an ASM or an admin. */
	public Decision mayOpenExpansion(UpsellSignal signal, CallContext caller) {
		var owner = caller.person() != null && signal.ownerId() != null && caller.is(signal.ownerId());
		return Decision.check().refuseIf(!(owner || caller.has(Role.ASM) || caller.has(Role.ADMIN)),
				LicensingRule.SIGNAL_OWNER, () -> "Only the account's owner AE, an ASM or an admin opens this expansion")
				.decide();
	}

	@Transactional(readOnly = true)
	public ExpansionDraft expansionDraft(UpsellSignalId id) {
		var signal = signal(id);
		var subscription = subscriptions.subscription(signal.subscriptionId());
		var source = sourceOpportunity(subscription).orElseThrow(() -> Decision.refused(LicensingRule.SIGNAL_SOURCE,
				"The account has no opportunity to take the segment, region and owner from; add the deal in the pipeline first")
				.toException(LicensingProblems.RULE));
		var today = LocalDate.now(clock);
		var account = pipeline.account(AccountId.of(signal.accountId()));
		var externalId = "BATON-EXP-" + id.value().toString().substring(0, 8).toUpperCase();
		var owner = signal.ownerId() == null ? source.ownerId() : signal.ownerId();
		if (signal.cause() == UpsellSignal.Cause.FEATURE_DEMAND) {
			// an upgrade of every seat to the next tier: its value is what the seats would cost more
			var seats = subscription.seats();
			var current = listAmount(subscription.planCode(), subscription.currency(), today, seats);
			var upgrade = nextTier(subscription, today);
			var value = upgrade.map(plan -> Money.of(listAmount(plan, subscription.currency(), today, seats).amount()
					.subtract(current.amount()), subscription.currency()))
					.orElse(Money.of(BigDecimal.ZERO, subscription.currency()));
			return new ExpansionDraft(id, externalId, account.id(), account.name() + ": " + seats + " seats from "
					+ subscription.planCode() + " to " + upgrade.orElse("the next tier") + " for "
					+ String.join(", ", featuresOf(signal)) + " (" + signal.cause() + ", " + signal.period() + ")", owner,
					source.segment(), source.businessUnit(), source.regionKey(), Stage.DISCOVERY, value, today.plusDays(90),
					SubscriptionType.SELF_MANAGED, "Pipeline", seats);
		}
		var max = ((Number) signal.evidence().getOrDefault("maxBillableUsers", subscription.seats())).intValue();
		var seats = UpsellPolicy.proposedSeats(max, subscription.seats());
		return new ExpansionDraft(id, externalId, account.id(),
				account.name() + ": " + seats + " more seats of " + subscription.planCode() + " (" + signal.cause() + ", "
						+ signal.period() + ")",
				owner, source.segment(), source.businessUnit(), source.regionKey(), Stage.DISCOVERY,
				listAmount(subscription.planCode(), subscription.currency(), today, seats), today.plusDays(90),
				SubscriptionType.SELF_MANAGED, "Pipeline", seats);
	}

	private static List<String> featuresOf(UpsellSignal signal) {
		return signal.evidence().get("featuresDenied") instanceof Map<?, ?> features
				? features.keySet().stream().map(String::valueOf).toList() : List.of();
	}

	/** The list amount of {@code seats} on the plan today; zero when the plan has no price in the currency. */
	private Money listAmount(String planCode, String currency, LocalDate day, int seats) {
		try {
			return catalog.price(planCode, currency, day, null).entry().amountFor(BigDecimal.valueOf(seats));
		}
		catch (BatonException noPrice) {
			return Money.of(BigDecimal.ZERO, currency);
		}
	}

	/**
	 * The plan to upgrade to: of the active tier plans for the same deployment, billing period and
	 * term, priced today in the subscription's currency, the cheapest a seat of which costs more than
	 * one of the current plan.
	 */
	private Optional<String> nextTier(Subscription subscription, LocalDate day) {
		var currentPlan = catalog.plan(subscription.planCode());
		var currentProduct = catalog.product(currentPlan.productCode());
		var perSeat = listAmount(currentPlan.code(), subscription.currency(), day, 1);
		String best = null;
		Money bestPrice = null;
		for (var product : catalog.products()) {
			if (product.kind() != currentProduct.kind() || product.deployment() != currentProduct.deployment()) {
				continue;
			}
			for (var plan : product.plans()) {
				if (!plan.active() || plan.billingPeriod() != currentPlan.billingPeriod()
						|| plan.termMonths() != currentPlan.termMonths()) {
					continue;
				}
				var price = listAmount(plan.code(), subscription.currency(), day, 1);
				if (price.isGreaterThan(perSeat) && (bestPrice == null || bestPrice.isGreaterThan(price))) {
					best = plan.code();
					bestPrice = price;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * Opens the pre-filled expansion opportunity in the pipeline, once per signal: a repeat (or a
	 * race) answers the one opened first.
	 */
	public Expansion openExpansion(UpsellSignalId id, CallContext caller) {
		var signal = transactions.execute(status -> signal(id));
		mayOpenExpansion(signal, caller).orThrow(ProblemType.NOT_PERMITTED);
		if (signal.expansionOpportunityId() != null) {
			return new Expansion(pipeline.opportunity(OpportunityId.of(signal.expansionOpportunityId())), false);
		}
		var draft = transactions.execute(status -> expansionDraft(id));
		try {
			return transactions.execute(status -> {
				var opportunity = pipeline.addOpportunity(new Pipeline.OpportunityData(draft.externalId(), draft.accountId(),
						draft.name(), draft.ownerId(), draft.segment(), draft.businessUnit(), draft.regionKey(), draft.stage(),
						draft.netArr(), draft.closeDate(), draft.subscriptionType(), draft.forecastCategory(), null));
				if (!repository.linkExpansion(id, opportunity.id())) {
					throw new DuplicateKeyException("expansion of " + id + " opened at the same moment");
				}
				audit.record("upsell-signal.expansion-opened", "upsell_signal", id.value(), null,
						Map.of("opportunity", draft.externalId()));
				return new Expansion(opportunity, true);
			});
		}
		catch (DuplicateKeyException openedMeanwhile) {
			var linked = transactions.execute(status -> signal(id)).expansionOpportunityId();
			if (linked == null) {
				log.warn("Expansion of signal {} collided but is not linked", id);
				throw new BatonException(ProblemType.CONFLICT, "The expansion is being opened; read the signal again");
			}
			return new Expansion(pipeline.opportunity(OpportunityId.of(linked)), false);
		}
	}
}
