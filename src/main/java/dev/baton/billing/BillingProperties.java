package dev.baton.billing;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.baton.billing.domain.DunningPlan;
import dev.baton.billing.domain.TaxTable;

/**
 * Billing settings.
 *
 * @param runInterval how often the billing run looks for subscriptions due
 * @param paymentTerms how long after its issue day an invoice is due
 * @param autoFinalizeAfter how long a draft collects lines before the billing run finalizes it; empty
 *        means finance finalizes every draft by hand
 * @param dunning the retries, reminders, suspension and cancellation after a failed or missing payment
 * @param gateway the payment gateway: sandbox (built in, by test card number) or stripe
 * @param stripe the Stripe gateway's settings, when it is the gateway
 * @param mailFrom the sender of invoice, receipt and reminder e-mails
 * @param runBatchSize how many subscriptions the billing run claims and bills in one transaction
 * @param tax the tax rates by the invoice owner's bill-to country (and region)
 */
@ConfigurationProperties("baton.billing")
public record BillingProperties(@DefaultValue("1h") Duration runInterval, @DefaultValue("30d") Duration paymentTerms,
		Duration autoFinalizeAfter, @DefaultValue Dunning dunning, @DefaultValue("sandbox") String gateway,
		@DefaultValue Stripe stripe, @DefaultValue("billing@baton.example") String mailFrom,
		@DefaultValue("500") int runBatchSize, @DefaultValue Tax tax) {

	/**
	 * Tax.
	 *
	 * @param rates each a country, optionally a region of it, a name and a percent; an owner whose
	 *        country has none is not taxed
	 */
	public record Tax(List<TaxTable.Entry> rates) {

		public Tax {
			rates = rates == null ? List.of() : List.copyOf(rates);
		}

		public TaxTable table() {
			return new TaxTable(rates);
		}
	}

	/**
	 * Dunning settings.
	 *
	 * @param interval how often the dunning job looks for steps due
	 * @param steps the schedule: each an action some days after dunning starts; empty means the default
	 *        (retries on days 0, 3 and 7, suspension on day 14, cancellation on day 30)
	 */
	public record Dunning(@DefaultValue("15m") Duration interval, List<DunningPlan.Setting> steps) {

		static final List<DunningPlan.Setting> DEFAULT = List.of(
				new DunningPlan.Setting(Duration.ofDays(0), DunningStepTaken.Action.RETRY),
				new DunningPlan.Setting(Duration.ofDays(3), DunningStepTaken.Action.RETRY),
				new DunningPlan.Setting(Duration.ofDays(7), DunningStepTaken.Action.RETRY),
				new DunningPlan.Setting(Duration.ofDays(10), DunningStepTaken.Action.NOTICE),
				new DunningPlan.Setting(Duration.ofDays(14), DunningStepTaken.Action.SUSPEND),
				new DunningPlan.Setting(Duration.ofDays(30), DunningStepTaken.Action.CANCEL));

		public Dunning {
			steps = steps == null || steps.isEmpty() ? DEFAULT : List.copyOf(steps);
		}
	}

	/**
	 * The Stripe gateway.
	 *
	 * @param apiKey the secret API key (never in the repository: BATON_BILLING_STRIPE_API_KEY)
	 * @param apiBase the API's base address; changed only to test against a local server
	 */
	public record Stripe(String apiKey, @DefaultValue("https://api.stripe.com") String apiBase) {
	}
}
