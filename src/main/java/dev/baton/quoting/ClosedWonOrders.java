package dev.baton.quoting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.baton.pipeline.OpportunityId;
import dev.baton.pipeline.OpportunityStageChanged;
import dev.baton.pipeline.Stage;
import dev.baton.platform.BatonException;

/**
 * When an opportunity is closed won and has an accepted quote, the quote becomes an order without
 * anyone retyping it. Redelivered events order nothing twice: a quote is ordered once.
 */
@Component
class ClosedWonOrders {

	private static final Logger log = LoggerFactory.getLogger(ClosedWonOrders.class);

	private final Quotes quotes;

	ClosedWonOrders(Quotes quotes) {
		this.quotes = quotes;
	}

	@ApplicationModuleListener
	void on(OpportunityStageChanged changed) {
		if (changed.stage() != Stage.CLOSED_WON) {
			return;
		}
		quotes.acceptedOf(OpportunityId.of(changed.opportunityId())).ifPresent(quote -> {
			try {
				var ordered = quotes.order(quote.id(), "system");
				log.info("Opportunity {} closed won: quote {} became order {}", changed.externalId(), quote.number(),
						ordered.orderId());
			}
			catch (BatonException refused) {
				log.warn("Opportunity {} closed won, but quote {} could not be ordered: {}", changed.externalId(),
						quote.number(), refused.getMessage());
			}
		});
	}
}
