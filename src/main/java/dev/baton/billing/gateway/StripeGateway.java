package dev.baton.billing.gateway;

import java.util.Locale;

import com.stripe.StripeClient;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;

import dev.baton.platform.Money;

/**
 * The Stripe gateway, through Stripe's official Java client. A card is a Stripe PaymentMethod id
 * (pm_...) that the payer's browser got from Stripe itself, so no card number reaches Baton; a
 * charge is a PaymentIntent created and confirmed at once with Baton's idempotency key, which
 * Stripe answers with the same PaymentIntent when the request is repeated.
 */
public class StripeGateway implements PaymentGateway {

	public static final String NAME = "stripe";

	private final StripeClient client;

	public StripeGateway(String apiKey, String apiBase) {
		if (apiKey == null || apiKey.isBlank()) {
			throw new IllegalStateException("baton.billing.stripe.api-key is empty: the Stripe gateway needs a secret key");
		}
		this.client = StripeClient.builder().setApiKey(apiKey).setApiBase(apiBase).setMaxNetworkRetries(2).build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Card store(String card) {
		if (card == null || !card.strip().startsWith("pm_")) {
			throw new CardRefused("A card is a Stripe payment method id (pm_...), not a card number");
		}
		try {
			var method = client.v1().paymentMethods().retrieve(card.strip());
			var label = method.getCard() == null ? method.getType()
					: capitalized(method.getCard().getBrand()) + " ending " + method.getCard().getLast4();
			return new Card(method.getId(), label);
		}
		catch (InvalidRequestException e) {
			throw new CardRefused("Stripe does not know payment method " + card.strip() + ": " + e.getUserMessage());
		}
		catch (StripeException e) {
			throw new Unavailable("Stripe could not be asked for payment method " + card.strip(), e);
		}
	}

	@Override
	public Outcome charge(String token, Money amount, String idempotencyKey, String description) {
		var params = PaymentIntentCreateParams.builder().setAmount(minorUnits(amount))
				.setCurrency(amount.currency().getCurrencyCode().toLowerCase(Locale.ROOT)).setPaymentMethod(token)
				.setConfirm(true).setDescription(description)
				.setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder().setEnabled(true)
						.setAllowRedirects(PaymentIntentCreateParams.AutomaticPaymentMethods.AllowRedirects.NEVER).build())
				.build();
		try {
			return outcome(client.v1().paymentIntents().create(params, options(idempotencyKey)));
		}
		catch (CardException declined) {
			var intent = declined.getStripeError() == null ? null : declined.getStripeError().getPaymentIntent();
			return Outcome.declined(intent == null ? null : intent.getId(), declined.getUserMessage());
		}
		catch (StripeException e) {
			throw new Unavailable("Stripe did not answer the charge " + idempotencyKey, e);
		}
	}

	@Override
	public Outcome confirm(String reference) {
		try {
			return outcome(client.v1().paymentIntents().retrieve(reference));
		}
		catch (StripeException e) {
			throw new Unavailable("Stripe did not answer for " + reference, e);
		}
	}

	@Override
	public Outcome refund(String reference, Money amount, String idempotencyKey) {
		var params = RefundCreateParams.builder().setPaymentIntent(reference).setAmount(minorUnits(amount)).build();
		try {
			var refund = client.v1().refunds().create(params, options(idempotencyKey));
			return "failed".equals(refund.getStatus()) || "canceled".equals(refund.getStatus())
					? Outcome.declined(refund.getId(), "Stripe refused the refund: " + refund.getFailureReason())
					: Outcome.succeeded(refund.getId());
		}
		catch (StripeException e) {
			throw new Unavailable("Stripe did not answer the refund " + idempotencyKey, e);
		}
	}

	private static Outcome outcome(PaymentIntent intent) {
		switch (intent.getStatus()) {
			case "succeeded":
			case "processing":
				return Outcome.succeeded(intent.getId());
			case "requires_action":
			case "requires_confirmation":
				return new Outcome(State.REQUIRES_CONFIRMATION, intent.getId(), null);
			default:
				var error = intent.getLastPaymentError();
				return Outcome.declined(intent.getId(),
						error == null ? "The payment was not completed (" + intent.getStatus() + ")" : error.getMessage());
		}
	}

	private static RequestOptions options(String idempotencyKey) {
		return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
	}

	private static long minorUnits(Money amount) {
		return amount.amount().movePointRight(Math.max(amount.currency().getDefaultFractionDigits(), 0))
				.longValueExact();
	}

	private static String capitalized(String brand) {
		return brand == null || brand.isEmpty() ? "Card" : Character.toUpperCase(brand.charAt(0)) + brand.substring(1);
	}
}
