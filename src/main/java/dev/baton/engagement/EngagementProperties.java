package dev.baton.engagement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Engagement settings.
 *
 * @param board how the triage board shows requests
 */
@ConfigurationProperties("baton.engagement")
public record EngagementProperties(@DefaultValue Board board) {

	/**
	 * @param closedWindow how far back the Done and Declined columns reach on the whole board, as
	 * helpdesk boards do: the newest closed work, never the whole history (the column alone has a
	 * link to everything older)
	 */
	public record Board(@DefaultValue("14d") Duration closedWindow) {

		public Board {
			if (closedWindow == null || closedWindow.isNegative() || closedWindow.isZero()) {
				throw new IllegalArgumentException(
						"baton.engagement.board.closed-window must be positive but was " + closedWindow);
			}
		}
	}
}
