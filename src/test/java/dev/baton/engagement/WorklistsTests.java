package dev.baton.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.BatonIntegrationTest;
import dev.baton.engagement.domain.AssignmentPolicy;
import dev.baton.organisation.Circle;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Organisation;

/**
 * The home pages' queues and a manager's circle health over two circles: the first lines of all
 * the circles' New requests by due time, each circle's load counted on its own requests, and
 * "waits on reviews" saying what the second review rule says. Each test writes its requests in a
 * transaction it rolls back, so no other test sees them.
 */
@BatonIntegrationTest
class WorklistsTests {

	@Autowired
	Worklists worklists;

	@Autowired
	Engagement engagement;

	@Autowired
	Organisation organisation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private Circle circle(String name) {
		return organisation.circles().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private UUID person(String name) {
		return jdbc.sql("SELECT id FROM person WHERE name = :name").param("name", name).query(UUID.class).single();
	}

	/** Runs {@code work} in a transaction that is rolled back. */
	private void rolledBack(Runnable work) {
		transactions.executeWithoutResult(status -> {
			status.setRollbackOnly();
			work.run();
		});
	}

	/** A copy of a demo request in {@code circle}, with its own number. */
	private UUID request(Circle circle, RequestStatus status, Instant triageDue, UUID assignee) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO sa_request
				SELECT (jsonb_populate_record(NULL::sa_request, to_jsonb(r) || jsonb_build_object('id', CAST(:id AS text),
				  'number', NULL, 'reference', NULL, 'circle_id', CAST(:circle AS text), 'status', CAST(:status AS text),
				  'fast_track', false, 'triage_due_at', CAST(:due AS text), 'assignee_id', CAST(:assignee AS text),
				  'assist_id', NULL, 'closed_at', NULL))).*
				FROM (SELECT * FROM sa_request ORDER BY created_at, id LIMIT 1) r
				""").param("id", id.toString()).param("circle", circle.id().toString()).param("status", status.name())
				.param("due", triageDue.toString()).param("assignee", assignee == null ? null : assignee.toString())
				.update();
		return id;
	}

	private void approve(UUID request, UUID reviewer) {
		jdbc.sql("INSERT INTO sa_request_review (request_id, reviewer_id, verdict, created_at) VALUES (:r, :p, 'APPROVE', now())")
				.param("r", request).param("p", reviewer).update();
	}

	private Worklists.CircleHealth health(List<Worklists.CircleHealth> all, Circle circle) {
		return all.stream().filter(h -> h.circleId().equals(circle.id())).findFirst().orElseThrow();
	}

	@Test
	void needsTriageShowsTheFirstTenNewRequestsOfAllTheCirclesByDueTime() {
		var cascade = circle("Circle Cascade");
		var thames = circle("Circle Thames");
		rolledBack(() -> {
			var earliest = new ArrayList<UUID>();
			for (int i = 0; i < 12; i++) {
				request(cascade, RequestStatus.NEW, Instant.parse("2001-01-01T00:00:00Z").plusSeconds(i), null);
			}
			for (int i = 0; i < 3; i++) {
				earliest.add(request(thames, RequestStatus.NEW, Instant.parse("2000-01-01T00:00:00Z").plusSeconds(i), null));
			}

			var lines = worklists.needsTriage(CircleId.ofAll(List.of(cascade.id(), thames.id())), ZoneId.of("UTC"));

			assertThat(lines).hasSize(Worklists.LIMIT);
			assertThat(lines.subList(0, 3)).extracting(WorkCard::id).containsExactlyElementsOf(earliest);
			var due = lines.stream().map(line -> jdbc.sql("SELECT triage_due_at FROM sa_request WHERE id = :id")
					.param("id", line.id()).query(java.sql.Timestamp.class).single()).toList();
			assertThat(due).isSorted();
		});
	}

	@Test
	void aCirclesLoadCountsOnlyItsOwnRequests() {
		var cascade = circle("Circle Cascade");
		var thames = circle("Circle Thames");
		var sam = person("Sam Rivera");
		rolledBack(() -> {
			var before = worklists.health(List.of(cascade, thames));

			// Thames hands a request to Sam of Cascade
			request(thames, RequestStatus.SA_TRIAGED, Instant.parse("2030-01-01T00:00:00Z"), sam);

			var after = worklists.health(List.of(cascade, thames));
			assertThat(health(after, cascade).openPerPerson().getOrDefault(sam, 0L))
					.isEqualTo(health(before, cascade).openPerPerson().getOrDefault(sam, 0L));
			assertThat(health(after, thames).openPerPerson().getOrDefault(sam, 0L))
					.isEqualTo(health(before, thames).openPerPerson().getOrDefault(sam, 0L) + 1);
		});
	}

	@Test
	void waitsOnReviewsExactlyWhenTheSecondReviewRuleRefuses() {
		var cascade = circle("Circle Cascade");
		var priya = person("Priya Natarajan");
		var outsider = circle("Circle Thames").memberIds().get(0);
		rolledBack(() -> {
			var before = health(worklists.health(List.of(cascade)), cascade).waitingOnReviews();
			// one approval of the circle and one of an SA of another circle: the rule counts one
			var outside = request(cascade, RequestStatus.NEW, Instant.parse("2030-01-01T00:00:00Z"), null);
			approve(outside, priya);
			approve(outside, outsider);
			// the circle's member and its manager: two
			var inside = request(cascade, RequestStatus.NEW, Instant.parse("2030-01-01T00:00:00Z"), null);
			approve(inside, priya);
			approve(inside, cascade.managerId());

			assertThat(refusesForReviews(outside, cascade)).isTrue();
			assertThat(refusesForReviews(inside, cascade)).isFalse();
			assertThat(health(worklists.health(List.of(cascade)), cascade).waitingOnReviews()).isEqualTo(before + 1);
		});
	}

	private boolean refusesForReviews(UUID id, Circle circle) {
		var page = engagement.page(new SaRequestId(id));
		return AssignmentPolicy.approvingReviewers(page.request(), circle, page.thread().reviews()) < 2;
	}
}
