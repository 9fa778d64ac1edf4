package dev.baton.postsales.web;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.baton.organisation.CallContexts;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.postsales.CsmAlignment;
import dev.baton.postsales.CsmAlignments;
import dev.baton.postsales.SupportRedirect;
import dev.baton.postsales.SupportRedirects;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The CSM aligned to an account, and the after-close redirect an SA sends a customer who still
 * writes to them.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}")
@Tag(name = "Post-sales")
@PreAuthorize("hasAnyRole('AE','SA','SA_MANAGER','ASM','CSM','ADMIN')")
class AccountCareController {

	private final CsmAlignments csms;
	private final SupportRedirects redirects;
	private final CallContexts callers;

	AccountCareController(CsmAlignments csms, SupportRedirects redirects, CallContexts callers) {
		this.csms = csms;
		this.redirects = redirects;
		this.callers = callers;
	}

	/** csmId is required although it may be null: a body that forgets it must not remove the alignment. */
	record AlignCsm(@JsonProperty(required = true) UUID csmId) {
	}

	@GetMapping("/csm")
	@Operation(summary = "The CSM aligned to the account (404 when none)")
	ResponseEntity<CsmAlignment> csm(@PathVariable AccountId accountId) {
		return ResponseEntity.ok(csms.of(accountId).orElseThrow(() -> new BatonException(ProblemType.NOT_FOUND,
				"Account " + accountId + " has no CSM aligned, or does not exist")));
	}

	@PutMapping("/csm")
	@PreAuthorize("hasAnyRole('ADMIN','ASM','CSM')")
	@Operation(summary = "Align a CSM to the account (csmId is required; null removes the alignment)")
	ResponseEntity<CsmAlignment> align(@PathVariable AccountId accountId, @RequestBody AlignCsm body) {
		var alignment = csms.align(accountId, body.csmId() == null ? null : PersonId.of(body.csmId()), callers.current());
		return alignment.map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/support-redirect")
	@Operation(summary = "The after-close reply that redirects a customer to support, for the account (with or without its CSM)")
	SupportRedirect supportRedirect(@PathVariable AccountId accountId) {
		return redirects.forAccount(accountId, callers.current());
	}
}
