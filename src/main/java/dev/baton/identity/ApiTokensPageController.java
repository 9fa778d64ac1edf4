package dev.baton.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.baton.platform.BatonException;

/**
 * The page where a user issues and revokes their own API tokens.
 */
@Controller
class ApiTokensPageController {

	private final ApiTokenService tokens;

	ApiTokensPageController(ApiTokenService tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/account/tokens")
	String tokens(Authentication authentication, Model model) {
		model.addAttribute("tokens", tokens.list(authentication.getName()));
		return "tokens";
	}

	@PostMapping("/account/tokens")
	String issue(Authentication authentication, @RequestParam String name,
			@RequestParam(required = false) LocalDate expiresOn, Model model) {
		try {
			Instant expiresAt = expiresOn == null ? null : expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant();
			var issued = tokens.issue(authentication, name, expiresAt);
			model.addAttribute("issued", issued);
		} catch (BatonException e) {
			model.addAttribute("error", e.getMessage());
		}
		return tokens(authentication, model);
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(Authentication authentication, @PathVariable UUID id) {
		tokens.revoke(authentication.getName(), id);
		return "redirect:/account/tokens";
	}
}
