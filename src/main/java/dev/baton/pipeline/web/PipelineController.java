package dev.baton.pipeline.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.baton.organisation.PersonId;
import dev.baton.organisation.Segment;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.BookedFigures;
import dev.baton.pipeline.CommandPlan;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.OpportunityCsvImport;
import dev.baton.pipeline.OpportunityField;
import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.OpportunityInput;
import dev.baton.pipeline.OpportunitySync;
import dev.baton.pipeline.Pipeline;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;
import dev.baton.platform.Page;
import dev.baton.platform.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Accounts and opportunities, readable by the vendor's own staff; the CRM sync (an administrator
 * or deal-desk user's token) upserts opportunities and imports CSV exports.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Pipeline")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','DEAL_DESK','FINANCE','ADMIN')")
class PipelineController {

	private final Pipeline pipeline;
	private final OpportunitySync sync;
	private final OpportunityCsvImport csvImport;
	private final BookedFigures booked;
	private final java.time.Clock clock;

	PipelineController(Pipeline pipeline, OpportunitySync sync, OpportunityCsvImport csvImport, BookedFigures booked,
			java.time.Clock clock) {
		this.pipeline = pipeline;
		this.sync = sync;
		this.csvImport = csvImport;
		this.booked = booked;
		this.clock = clock;
	}

	/** An opportunity as the CRM sends it; labels or names for stage, segment and subscription type. */
	record UpsertOpportunity(String name, AccountFields account, String ownerId, String ownerEmail, String segment,
			String businessUnit, String regionKey, String stage, Amount netArr, String closeDate,
			String subscriptionType, String forecastCategory, CommandPlan commandPlan) {
	}

	/** The account by its CRM id; the other fields create or update it. */
	record AccountFields(String externalId, String name, String industry, String regionKey, Boolean named) {
	}

	record Amount(BigDecimal amount, String currency) {
	}

	@GetMapping("/accounts")
	@Operation(summary = "List accounts")
	List<Account> accounts() {
		return pipeline.accounts();
	}

	@GetMapping("/accounts/{id}")
	@Operation(summary = "Read one account")
	Account account(@PathVariable AccountId id) {
		return pipeline.account(id);
	}

	@GetMapping("/accounts/{id}/booked-figures")
	@Operation(summary = "What the account has bought as finance counts it: subscription ARR per currency, the active "
			+ "subscriptions and the next renewal, in total and per opportunity; the CRM receives the same (crm.account-summary)")
	BookedFigures.Summary bookedFigures(@PathVariable AccountId id) {
		pipeline.account(id);
		return booked.ofAccount(id)
				.orElseGet(() -> new BookedFigures.Summary(id.value(), 0, java.time.LocalDate.now(clock), 0, null, List.of()));
	}

	@GetMapping("/opportunities")
	@Operation(summary = "List opportunities by close date, filtered by owner, stage or segment, or find one by CRM id")
	Page<Opportunity> opportunities(@RequestParam(required = false) PersonId ownerId,
			@RequestParam(required = false) Stage stage, @RequestParam(required = false) Segment segment,
			@RequestParam(required = false) String externalId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		var request = new Page.Request(page, size);
		if (externalId != null) {
			var found = pipeline.opportunityByExternalId(externalId.strip())
					.filter(o -> ownerId == null || ownerId.value().equals(o.ownerId()))
					.filter(o -> stage == null || stage == o.stage())
					.filter(o -> segment == null || segment == o.segment()).stream().toList();
			return new Page<>(request.page() == 0 ? found : List.of(), request.page(), request.size(), found.size());
		}
		return pipeline.opportunities(ownerId, stage, segment, request);
	}

	@GetMapping("/opportunities/{id}")
	@Operation(summary = "Read one opportunity with its command plan; the ETag is its version")
	ResponseEntity<Opportunity> opportunity(@PathVariable OpportunityId id) {
		var opportunity = pipeline.opportunity(id);
		return ResponseEntity.ok().eTag(Versions.etag(opportunity.version())).body(opportunity);
	}

	@PutMapping("/opportunities/{externalId}")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Create or update an opportunity by the CRM's id (201 or 200); If-Match optional")
	ResponseEntity<Opportunity> upsert(@PathVariable String externalId,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@RequestBody UpsertOpportunity request) {
		var expected = ifMatch == null || ifMatch.isBlank() ? null : Versions.expectedVersion(ifMatch);
		var account = request.account();
		var input = new OpportunityInput(externalId, request.name(), account == null ? null : account.externalId(),
				account == null ? null : account.name(), account == null ? null : account.industry(),
				account == null ? null : account.regionKey(),
				account == null || account.named() == null ? null : account.named().toString(), request.ownerId(),
				request.ownerEmail(), request.segment(), request.businessUnit(), request.regionKey(), request.stage(),
				request.netArr() == null || request.netArr().amount() == null ? null
						: request.netArr().amount().toPlainString(),
				request.netArr() == null ? null : request.netArr().currency(), request.closeDate(),
				request.subscriptionType(), request.forecastCategory(), request.commandPlan());
		var result = sync.upsert(input, expected, OpportunityField::jsonPath, Map.of("source", "api"));
		var opportunity = result.opportunity();
		var response = result.outcome() == OpportunitySync.Outcome.CREATED
				? ResponseEntity.created(URI.create("/api/v1/opportunities/" + opportunity.id()))
				: ResponseEntity.status(HttpStatus.OK);
		return response.eTag(Versions.etag(opportunity.version())).body(opportunity);
	}

	@PostMapping(path = "/opportunities/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Import a CRM report exported as CSV, uploaded as the form part 'file'; one transaction per row")
	OpportunityCsvImport.Report importFile(@RequestPart(name = "file", required = false) MultipartFile file)
			throws java.io.IOException {
		if (file == null || file.isEmpty()) {
			// the Idempotency-Key filter reads the body before the multipart parser can: send text/csv then
			throw BatonException.invalid("file", "is required: the CSV export as the form part 'file'"
					+ " (with an Idempotency-Key, send the file as a text/csv body instead)");
		}
		return csvImport.run(file.getBytes(), file.getOriginalFilename());
	}

	@PostMapping(path = "/opportunities/import", consumes = { "text/csv", "application/csv" })
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Import a CRM report exported as CSV, sent as the text/csv body; one transaction per row")
	OpportunityCsvImport.Report importBody(@RequestBody(required = false) byte[] body) {
		return csvImport.run(body == null ? new byte[0] : body, null);
	}
}
