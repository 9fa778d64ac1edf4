package dev.baton.billing;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.billing.domain.TaxRate;
import dev.baton.billing.jdbc.BillToRepository;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.Decision;

/**
 * What billing keeps about an invoice owner besides its invoices: where it is billed (its
 * country and region, which choose its tax rate) and its tax id.
 */
@Service
public class BillingAccounts {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private final BillToRepository billTo;
	private final BillingProperties properties;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final Clock clock;

	BillingAccounts(BillToRepository billTo, BillingProperties properties, Pipeline pipeline, AuditLog audit,
			Clock clock) {
		this.billTo = billTo;
		this.properties = properties;
		this.pipeline = pipeline;
		this.audit = audit;
		this.clock = clock;
	}

	/** Sets where an account is billed; its lines computed from now on are taxed at that country's (and region's) rate. */
	@Transactional
	public BillTo putBillTo(AccountId account, String country, String region, String taxId) {
		var accountId = account.value();
		pipeline.account(account);
		var c = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
		var r = region == null || region.isBlank() ? null : region.strip().toUpperCase(Locale.ROOT);
		Decision.check()
				.refuseIf(!COUNTRIES.contains(c), BillingRule.BILL_TO,
						() -> "A bill-to country is an ISO 3166-1 alpha-2 code such as DE or US, not '" + c + "'")
				.refuseIf(r != null && !r.matches("[A-Z0-9]{1,3}"), BillingRule.BILL_TO,
						() -> "A region is the code of a state or province such as CA, not '" + r + "'")
				.decide().orThrow(BillingProblems.RULE);
		var stored = new BillTo(accountId, c, r, taxId == null || taxId.isBlank() ? null : taxId.strip());
		billTo.put(stored, clock.instant(), Invoices.currentUser());
		audit.record("billing.bill-to-set", "account", accountId, null,
				Map.of("country", c, "region", r == null ? "" : r));
		return stored;
	}

	@Transactional(readOnly = true)
	public Optional<BillTo> billTo(AccountId account) {
		var accountId = account.value();
		return billTo.find(accountId);
	}

	/** The tax rates of several owners now, by their bill-to; owners without a rate are left out. */
	Map<UUID, TaxRate> taxRates(java.util.Collection<UUID> accountIds) {
		var table = properties.tax().table();
		var rates = new java.util.HashMap<UUID, TaxRate>();
		if (properties.tax().rates().isEmpty()) {
			return rates;
		}
		billTo.findAll(accountIds).forEach((id, b) -> table.rateFor(b.country(), b.region()).ifPresent(r -> rates.put(id, r)));
		return rates;
	}

	/** The tax rate an owner's lines are computed at now: by its bill-to, from the configured table. */
	@Transactional(readOnly = true)
	Optional<TaxRate> taxRate(UUID accountId) {
		return billTo.find(accountId).flatMap(b -> properties.tax().table().rateFor(b.country(), b.region()));
	}
}
