package dev.baton.licensing.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.baton.licensing.IssuedLicense;
import dev.baton.licensing.LicenseId;
import dev.baton.licensing.Licensing;
import dev.baton.licensing.Reconciliation;
import dev.baton.licensing.SeatReconciliations;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import dev.baton.portal.Portal;
import dev.baton.subscription.SubscriptionId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Licenses in the customer and partner portals: a customer downloads its subscriptions' license
 * files, a partner those of its end customers; another account's answers 404, as everywhere in
 * the portal.
 */
@RestController
@RequestMapping("/api/v1/portal/licensing")
@Tag(name = "Portals")
@PreAuthorize("hasAnyRole('CUSTOMER','PARTNER')")
class PortalLicensingController {

	private final Licensing licensing;
	private final SeatReconciliations reconciliations;
	private final Portal portal;

	PortalLicensingController(Licensing licensing, SeatReconciliations reconciliations, Portal portal) {
		this.licensing = licensing;
		this.reconciliations = reconciliations;
		this.portal = portal;
	}

	@GetMapping("/subscriptions/{id}/licenses")
	@Operation(summary = "The license files of one of the caller's subscriptions, newest first")
	List<IssuedLicense> licenses(@PathVariable SubscriptionId id, Authentication caller) {
		portal.subscription(caller.getName(), id);
		return licensing.licenses(id);
	}

	@GetMapping("/subscriptions/{id}/activation-code")
	@Operation(summary = "The code the caller's instances activate with, for an online license")
	LicensingController.ActivationCode activationCode(@PathVariable SubscriptionId id, Authentication caller) {
		portal.subscription(caller.getName(), id);
		return new LicensingController.ActivationCode(id, licensing.activationCode(id));
	}

	@GetMapping("/subscriptions/{id}/reconciliations")
	@Operation(summary = "The seat reconciliations of one of the caller's subscriptions (the notices before a charge)")
	List<Reconciliation> reconciliations(@PathVariable SubscriptionId id, Authentication caller) {
		portal.subscription(caller.getName(), id);
		return reconciliations.of(id);
	}

	@GetMapping("/licenses/{id}/file")
	@Operation(summary = "Download one of the caller's license files")
	ResponseEntity<String> file(@PathVariable LicenseId id, Authentication caller) {
		IssuedLicense license;
		try {
			license = licensing.license(id);
			portal.subscription(caller.getName(), license.subscriptionId());
		}
		catch (BatonException notVisible) {
			if (notVisible.type().status().value() != 404) {
				throw notVisible;
			}
			throw BatonException.notFound("License", id);
		}
		return LicensingController.download(license, licensing.file(id));
	}

	@PostMapping("/seat-reports")
	@Operation(summary = "Upload a signed seat report from an instance without network (offline); the same again answers 200")
	ResponseEntity<Licensing.Receipt> upload(@RequestBody LicensingController.ReportUpload upload, Authentication caller) {
		portal.membership(caller.getName());
		return LicensingController.receipt(licensing.receive(upload.report(), "UPLOAD", caller.getName()));
	}

	@PutMapping("/licensee")
	@Operation(summary = "A customer names who its licenses are made out to and mailed to")
	@PreAuthorize("hasRole('CUSTOMER')")
	Licensing.Licensee licensee(@RequestBody LicensingController.LicenseeRequest request, Authentication caller) {
		var member = portal.membership(caller.getName());
		return licensing.name(AccountId.of(member.accountId()), request.name(), request.email(), caller.getName());
	}
}
