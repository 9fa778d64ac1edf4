package dev.baton.billing;

import java.time.LocalDate;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.platform.Money;
import dev.baton.subscription.SubscriptionId;

/**
 * Amounts another module has worked out and billing charges once: a seat reconciliation's overage
 * for the rest of the term (less what the seat change costs by days, which the billing run charges),
 * a true-up for the past one. The line goes onto
 * the invoice owner's draft with the subscription version holding on its day, taxed at the owner's
 * rate, and recomputes from its stored inputs like every line. The key makes it once: charged again
 * with the same key, nothing is written.
 */
@Service
public class OneTimeCharges {

	private final UsageBilling billing;

	OneTimeCharges(UsageBilling billing) {
		this.billing = billing;
	}

	/**
	 * A charge to make once.
	 *
	 * @param key what makes it unique for the subscription, such as {@code seat-reconciliation:<id>}
	 * @param description the line's words, as the invoice shows them
	 * @param on the day charged (the line's service day)
	 * @param lessVersion null, or a subscription version whose own cost in its billing period (what the
	 *        billing engine charges for it, by days) the line leaves out: the version's lines and the
	 *        one-time line then add up to {@code amount} (a credit when the version costs more)
	 * @param serviceFrom the first day the charge pays for (finance recognizes it over its days)
	 * @param serviceTo the day after the last it pays for
	 */
	public record OneTimeCharge(SubscriptionId subscriptionId, String key, String description, Money amount, LocalDate on,
			Integer lessVersion, LocalDate serviceFrom, LocalDate serviceTo) {

		public OneTimeCharge {
			Objects.requireNonNull(subscriptionId, "subscriptionId");
			Objects.requireNonNull(key, "key");
			Objects.requireNonNull(description, "description");
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(on, "on");
			serviceFrom = serviceFrom == null ? on : serviceFrom;
			serviceTo = serviceTo == null ? serviceFrom.plusDays(1) : serviceTo;
			if (!serviceTo.isAfter(serviceFrom)) {
				throw new IllegalArgumentException("A charge's days end after they start, not " + serviceFrom + ".." + serviceTo);
			}
		}

		/** A charge for the day it is made. */
		public OneTimeCharge(SubscriptionId subscriptionId, String key, String description, Money amount, LocalDate on,
				Integer lessVersion) {
			this(subscriptionId, key, description, amount, on, lessVersion, null, null);
		}
	}

	/** Charges it unless a charge with its key is on one of the subscription's invoices; answers whether this call did. */
	@Transactional
	public boolean charge(OneTimeCharge charge) {
		return billing.charge(charge);
	}
}
