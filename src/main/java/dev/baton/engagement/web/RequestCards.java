package dev.baton.engagement.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.baton.engagement.RequestLabel;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.domain.SlaPolicy;
import dev.baton.engagement.jdbc.BoardQuery;
import dev.baton.organisation.Board;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.Person;
import dev.baton.pipeline.Account;
import dev.baton.pipeline.Opportunity;
import dev.baton.pipeline.Pipeline;

/**
 * Turns board rows into cards: the account, segment and Net ARR of the opportunity, the age,
 * the clock badge and who has it. Reads opportunities and accounts for the shown rows only.
 */
@Component
class RequestCards {

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);

	private final Pipeline pipeline;
	private final Organisation organisation;
	private final PageActions actions;
	private final Clock clock;

	RequestCards(Pipeline pipeline, Organisation organisation, PageActions actions, Clock clock) {
		this.pipeline = pipeline;
		this.organisation = organisation;
		this.actions = actions;
		this.clock = clock;
	}

	/** One card. */
	record Card(UUID id, String title, String account, String segment, String netArr, String age, SlaBadge badge,
			boolean fastTrack, boolean expedite, Set<RequestLabel> labels, RequestStatus status, String assignee,
			String triageDue, String slaDue, String column) {
	}

	List<Card> cards(List<BoardQuery.Row> rows, ZoneId viewerZone) {
		var now = clock.instant();
		Map<UUID, Opportunity> opportunities = pipeline.opportunities(
				rows.stream().map(BoardQuery.Row::opportunityId).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Opportunity::id, Function.identity()));
		Map<UUID, Account> accounts = pipeline.accounts(opportunities.values().stream().map(Opportunity::accountId)
				.collect(Collectors.toSet())).stream().collect(Collectors.toMap(Account::id, Function.identity()));
		var boards = new HashMap<String, Board>();
		var policies = new HashMap<String, SlaPolicy>();
		var people = new HashMap<UUID, String>();
		return rows.stream().map(row -> {
			var opportunity = opportunities.get(row.opportunityId());
			var account = opportunity == null ? null : accounts.get(opportunity.accountId());
			var board = boards.computeIfAbsent(row.boardKey(), organisation::board);
			var policy = policies.computeIfAbsent(row.boardKey(), actions::slaPolicy);
			var badge = SlaBadge.assess(row.status(), row.receivedAt(), row.triageDueAt(), row.slaDueAt(),
					row.engagedAt(), board.calendar(), policy.basis(), now);
			var zone = viewerZone == null ? board.calendar().zone() : viewerZone;
			return new Card(row.id(), row.title(), account == null ? row.title() : account.name(),
					opportunity == null ? "" : opportunity.segment().label(),
					opportunity == null ? "" : opportunity.netArr().formatted(),
					SlaBadge.spoken(Duration.between(row.createdAt(), now)), badge, row.fastTrack(), row.expedite(),
					row.labels(), row.status(), name(people, row.assigneeId()), due(row.triageDueAt(), zone),
					due(row.slaDueAt(), zone), row.column());
		}).toList();
	}

	static String due(Instant instant, ZoneId zone) {
		return instant == null ? "" : DUE.format(instant.atZone(zone));
	}

	private String name(Map<UUID, String> people, UUID id) {
		if (id == null) {
			return null;
		}
		return people.computeIfAbsent(id, key -> organisation.findPerson(key).map(Person::name).orElse("someone"));
	}
}
