package dev.baton.usage;

import java.time.Instant;

/**
 * A meter's billing periods closed: the revisions of every subject's usage taken by this close are
 * those closed in the periods from {@code firstClosedIn} to {@code lastClosedIn} (the periods that
 * closed, and the late revisions of earlier ones, which belong on the last one's invoice).
 */
public record UsagePeriodClosed(String meterCode, Instant firstClosedIn, Instant lastClosedIn, int revisions) {
}
