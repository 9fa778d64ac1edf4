package dev.baton.identity;

import java.util.ArrayList;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page: username and password, plus a button per configured single sign-on provider.
 */
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	LoginController(ObjectProvider<ClientRegistrationRepository> registrations) {
		this.registrations = registrations;
	}

	record Provider(String id, String name) {
	}

	@GetMapping("/login")
	String login(Model model) {
		var providers = new ArrayList<Provider>();
		var repository = registrations.getIfAvailable();
		if (repository instanceof Iterable<?> iterable) {
			for (var registration : iterable) {
				var client = (ClientRegistration) registration;
				providers.add(new Provider(client.getRegistrationId(), client.getClientName()));
			}
		}
		model.addAttribute("providers", providers);
		return "login";
	}
}
