package dev.baton.licensing.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.licensing.IssuedLicense;
import dev.baton.licensing.LicenseId;
import dev.baton.licensing.Licensing;
import dev.baton.licensing.Reconciliation;
import dev.baton.licensing.SeatReconciliations;
import dev.baton.licensing.SeatReport;
import dev.baton.licensing.UpsellSignal;
import dev.baton.licensing.UpsellSignalId;
import dev.baton.organisation.CallContexts;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Opportunity;
import dev.baton.platform.BatonException;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Licensing's API: the published keys, activation and seat reports for self-managed instances
 * (which have no Baton login: the activation code and the instance's signature stand for one),
 * and licenses, reports, reconciliations and up-sell signals for the vendor's staff.
 */
@RestController
@RequestMapping("/api/v1/licensing")
@Tag(name = "Licensing")
class LicensingController {

	static final String STAFF = "hasAnyRole('ADMIN','DEAL_DESK','FINANCE','AE','ASM','CSM')";

	private final Licensing licensing;
	private final SeatReconciliations reconciliations;
	private final CallContexts callers;

	LicensingController(Licensing licensing, SeatReconciliations reconciliations, CallContexts callers) {
		this.licensing = licensing;
		this.reconciliations = reconciliations;
		this.callers = callers;
	}

	record ActivationRequest(String activationCode, String instanceName, String publicKey) {
	}

	record ReportUpload(String report) {
	}

	record LicenseeRequest(String name, String email) {
	}

	@GetMapping("/keys")
	@Operation(summary = "The public keys licenses are signed with, every one ever used (anyone may read them)")
	List<Licensing.PublicSigningKey> keys() {
		return licensing.publicKeys();
	}

	@PostMapping("/activations")
	@Operation(summary = "An instance exchanges its activation code for an online license, registering its Ed25519 public key")
	ResponseEntity<Licensing.Activation> activate(@RequestBody ActivationRequest request) {
		var activation = licensing.activate(request.activationCode(), request.instanceName(), request.publicKey(), null);
		return ResponseEntity.created(URI.create("/api/v1/licensing/licenses/" + activation.licenseId())).body(activation);
	}

	@PostMapping("/seat-reports")
	@Operation(summary = "An instance sends its signed seat report; the same report again answers 200 and counts once")
	ResponseEntity<Licensing.Receipt> report(@RequestBody ReportUpload upload) {
		return receipt(licensing.receive(upload.report(), "ONLINE", null));
	}

	static ResponseEntity<Licensing.Receipt> receipt(Licensing.Receipt receipt) {
		if (receipt.repeated()) {
			return ResponseEntity.ok(receipt);
		}
		return ResponseEntity.created(URI.create("/api/v1/licensing/seat-reports/" + receipt.report().id())).body(receipt);
	}

	@GetMapping("/seat-reports")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK','FINANCE')")
	@Operation(summary = "Seat reports of a subscription, or (status=REFUSED) those kept for review")
	List<SeatReport> reports(@RequestParam(required = false) SubscriptionId subscriptionId,
			@RequestParam(required = false) SeatReport.Status status) {
		return licensing.reports(subscriptionId, status);
	}

	@GetMapping("/subscriptions/{id}/licenses")
	@PreAuthorize(STAFF)
	@Operation(summary = "Every license file issued for a subscription, newest first")
	List<IssuedLicense> licenses(@PathVariable SubscriptionId id) {
		return licensing.licenses(id);
	}

	@GetMapping("/subscriptions/{id}/activation-code")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "The code the subscription's instances activate with")
	ActivationCode activationCode(@PathVariable SubscriptionId id) {
		return new ActivationCode(id, licensing.activationCode(id));
	}

	record ActivationCode(SubscriptionId subscriptionId, String activationCode) {
	}

	@GetMapping("/subscriptions/{id}/reconciliations")
	@PreAuthorize(STAFF)
	@Operation(summary = "The subscription's seat reconciliations and true-ups, with their inputs and orders")
	List<Reconciliation> reconciliations(@PathVariable SubscriptionId id) {
		return reconciliations.of(id);
	}

	@GetMapping("/licenses/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "What a license grants, when it was issued and mailed")
	IssuedLicense license(@PathVariable LicenseId id) {
		return licensing.license(id);
	}

	@GetMapping("/licenses/{id}/file")
	@PreAuthorize(STAFF)
	@Operation(summary = "Download the license file, as signed")
	ResponseEntity<String> file(@PathVariable LicenseId id) {
		return download(licensing.license(id), licensing.file(id));
	}

	static ResponseEntity<String> download(IssuedLicense license, String file) {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename("baton-" + license.subscriptionId().toString().substring(0, 8) + "-v"
								+ license.subscriptionVersion() + "-" + license.mode().toLowerCase() + ".license")
						.build().toString())
				.body(file);
	}

	@PutMapping("/accounts/{accountId}/licensee")
	@PreAuthorize("hasAnyRole('ADMIN','DEAL_DESK')")
	@Operation(summary = "Name who the account's licenses are made out to and mailed to (from the next license on)")
	Licensing.Licensee licensee(@PathVariable AccountId accountId, @RequestBody LicenseeRequest request, Authentication caller) {
		return licensing.name(accountId, request.name(), request.email(), caller.getName());
	}

	@GetMapping("/signals")
	@PreAuthorize(STAFF)
	@Operation(summary = "Up-sell signals: the caller's own (mine=true, the default), or an account's")
	List<UpsellSignal> signals(@RequestParam(required = false) AccountId accountId,
			@RequestParam(defaultValue = "true") boolean mine) {
		if (accountId != null) {
			return licensing.signals(null, accountId, null);
		}
		if (!mine) {
			throw BatonException.invalid("accountId", "names the account, unless mine=true");
		}
		var caller = callers.current();
		return caller.person() == null ? List.of() : licensing.signals(PersonId.of(caller.personId()), null, null);
	}

	@GetMapping("/signals/{id}")
	@PreAuthorize(STAFF)
	@Operation(summary = "One up-sell signal with its evidence")
	UpsellSignal signal(@PathVariable UpsellSignalId id) {
		return licensing.signal(id);
	}

	@GetMapping("/signals/{id}/expansion")
	@PreAuthorize(STAFF)
	@Operation(summary = "The expansion opportunity the signal pre-fills")
	Licensing.ExpansionDraft expansionDraft(@PathVariable UpsellSignalId id) {
		return licensing.expansionDraft(id);
	}

	@PostMapping("/signals/{id}/expansion")
	@PreAuthorize("hasAnyRole('ADMIN','AE','ASM')")
	@Operation(summary = "Open the pre-filled expansion opportunity in the pipeline, once; a repeat answers 200 with it")
	ResponseEntity<Opportunity> openExpansion(@PathVariable UpsellSignalId id) {
		var expansion = licensing.openExpansion(id, callers.current());
		if (!expansion.created()) {
			return ResponseEntity.ok(expansion.opportunity());
		}
		return ResponseEntity.created(URI.create("/api/v1/opportunities/" + expansion.opportunity().id()))
				.body(expansion.opportunity());
	}
}
