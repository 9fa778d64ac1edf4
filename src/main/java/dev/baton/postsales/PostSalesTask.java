package dev.baton.postsales;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One piece of post-sales work for one person on one opportunity, due between {@code dueDate} and
 * {@code latestDate} when they are set.
 */
public record PostSalesTask(UUID id, TaskKind kind, UUID opportunityId, UUID assigneeId, String title,
		LocalDate dueDate, LocalDate latestDate, Instant completedAt, String completedBy, Instant createdAt) {

	public boolean done() {
		return completedAt != null;
	}
}
