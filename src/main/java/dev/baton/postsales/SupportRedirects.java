package dev.baton.postsales;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.organisation.CallContext;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;

/**
 * The reply an SA sends a customer who asks for help after the deal closed: redirect to support,
 * copying the Account Executive, and the CSM when one is aligned to the account. The two wordings
 * are those of the engagement model, filled in for the account.
 */
@Service
public class SupportRedirects {

	static final String SUPPORT_URL = "https://support.gitlab.com/hc/en-us/requests/new";
	static final String FIRST_TIME_URL = "https://about.gitlab.com/support/#first-time-reaching-support";

	private final Pipeline pipeline;
	private final Organisation organisation;
	private final CsmAlignments csms;

	SupportRedirects(Pipeline pipeline, Organisation organisation, CsmAlignments csms) {
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.csms = csms;
	}

	@Transactional(readOnly = true)
	public SupportRedirect forAccount(AccountId accountId, CallContext caller) {
		var account = pipeline.account(accountId);
		// the AE of the account's most recently changed opportunity is the one the customer knows
		var ae = pipeline.opportunitiesOfAccount(accountId).stream().findFirst()
				.flatMap(o -> organisation.findPerson(PersonId.of(o.ownerId()))).orElse(null);
		var csm = csms.of(accountId).flatMap(a -> organisation.findPerson(PersonId.of(a.csmId()))).orElse(null);
		var sender = caller.person() == null ? caller.username() : caller.person().name();
		return new SupportRedirect(accountId.value(), account.name(), csm != null, csm == null ? null : csm.name(),
				csm == null ? null : csm.email(), ae == null ? null : ae.name(), ae == null ? null : ae.email(),
				"Your question to " + sender + ": how to reach " + account.name() + "'s support",
				text(ae, csm, sender));
	}

	static String text(Person ae, Person csm, String sender) {
		var copied = new StringBuilder();
		if (csm != null) {
			copied.append("I have copied your Customer Success Manager, ").append(who(csm))
					.append(", and Account Executive");
			copied.append(ae == null ? "" : ", " + who(ae)).append(", as well, as they can help escalate your request if necessary.");
		} else {
			copied.append("I have copied your Account Executive").append(ae == null ? "" : ", " + who(ae))
					.append(", as they can help escalate your request if necessary.");
		}
		return "Thanks for reaching out!\n\n"
				+ "In order to best direct your question and provide you a timely response, can you submit a support "
				+ "ticket with our support team? Additionally, " + copied
				+ " Below are some links to get started with GitLab support.\n\n"
				+ "I thoroughly enjoyed getting a chance to work with you and my role is primarily focused on our "
				+ "customers that are involved in pre-sales engagements; and being a person of one, I don't want to be "
				+ "a bottleneck to you getting a response.\n\n"
				+ "You can go to " + SUPPORT_URL + " and submit a new request. Please use your company email address "
				+ "and an account and password will be created for you. There are more details regarding reaching "
				+ "out to support at " + FIRST_TIME_URL + ".\n\n"
				+ sender + "\n";
	}

	private static String who(Person person) {
		return person.name() + " (" + person.email() + ")";
	}
}
