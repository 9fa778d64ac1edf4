package dev.baton.organisation.jdbc;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.PersonId;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Circle;

/**
 * Circles with their members and served AEs in PostgreSQL. A circle read by id, by member, by
 * served AE or by manager is one statement that reads that circle only. Updates name the
 * version they read; a stale one changes nothing and reports false.
 */
@Repository
public class CircleRepository {

	private static final String SELECT = "SELECT " + CircleRowMapper.COLUMNS + " FROM circle c ";

	private final JdbcClient jdbc;

	CircleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Circle circle) {
		jdbc.sql("""
				INSERT INTO circle (id, name, board_key, manager_id, chat_channel, chat_webhook_url, version)
				VALUES (:id, :name, :board, :manager, :channel, :webhook, 0)
				""")
				.param("id", circle.id()).param("name", circle.name()).param("board", circle.boardKey())
				.param("manager", circle.managerId()).param("channel", circle.chatChannel())
				.param("webhook", circle.chatWebhookUrl()).update();
		insertLinks("circle_member", circle.id(), circle.memberIds());
		insertLinks("circle_served_ae", circle.id(), circle.servedAeIds());
	}

	public List<Circle> circles() {
		return jdbc.sql(SELECT + "ORDER BY c.name").query(CircleRowMapper.INSTANCE).list();
	}

	public Optional<Circle> circle(CircleId id) {
		return jdbc.sql(SELECT + "WHERE c.id = :id").param("id", id.value()).query(CircleRowMapper.INSTANCE).optional();
	}

	/** The circles on one board, by name. */
	public List<Circle> circlesOnBoard(String boardKey) {
		return jdbc.sql(SELECT + "WHERE c.board_key = :board ORDER BY c.name").param("board", boardKey)
				.query(CircleRowMapper.INSTANCE).list();
	}

	/** The circle an SA is a member of (an SA is in one circle at most). */
	public Optional<Circle> circleOfMember(PersonId personId) {
		return jdbc.sql(SELECT + "WHERE c.id = (SELECT circle_id FROM circle_member WHERE person_id = :person)")
				.param("person", personId.value()).query(CircleRowMapper.INSTANCE).optional();
	}

	/** The circle that serves an AE (an AE is served by one circle at most). */
	public Optional<Circle> circleServing(PersonId aeId) {
		return jdbc.sql(SELECT + "WHERE c.id = (SELECT circle_id FROM circle_served_ae WHERE person_id = :person)")
				.param("person", aeId.value()).query(CircleRowMapper.INSTANCE).optional();
	}

	/** The circles a person is tied to: as a member, as a served AE or as their manager, by name. */
	public List<Circle> circlesOf(PersonId personId) {
		return jdbc.sql(SELECT + """
				WHERE c.manager_id = :person
				   OR c.id IN (SELECT circle_id FROM circle_member WHERE person_id = :person
				               UNION SELECT circle_id FROM circle_served_ae WHERE person_id = :person)
				ORDER BY c.name
				""").param("person", personId.value()).query(CircleRowMapper.INSTANCE).list();
	}

	/**
	 * The circles other than {@code circleId} that have one of {@code memberIds} as a member or
	 * serve one of {@code aeIds}, by name.
	 */
	public List<Circle> circlesHoldingAny(UUID circleId, Collection<UUID> memberIds, Collection<UUID> aeIds) {
		if (memberIds.isEmpty() && aeIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				WHERE c.id <> :circle
				  AND c.id IN (SELECT circle_id FROM circle_member WHERE person_id IN (:members)
				               UNION SELECT circle_id FROM circle_served_ae WHERE person_id IN (:aes))
				ORDER BY c.name
				""").param("circle", circleId).param("members", orNone(memberIds)).param("aes", orNone(aeIds))
				.query(CircleRowMapper.INSTANCE).list();
	}

	/** The circles with these ids and those the given people are members of, by name, in one statement. */
	public List<Circle> circlesByIdOrMember(Collection<UUID> circleIds, Collection<UUID> memberIds) {
		if (circleIds.isEmpty() && memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				WHERE c.id IN (:ids) OR c.id IN (SELECT circle_id FROM circle_member WHERE person_id IN (:members))
				ORDER BY c.name
				""").param("ids", orNone(circleIds)).param("members", orNone(memberIds))
				.query(CircleRowMapper.INSTANCE).list();
	}

	/** An {@code IN (...)} list that matches nothing when empty (SQL has no empty list). */
	private static List<UUID> orNone(Collection<UUID> ids) {
		return ids.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(ids);
	}

	/** Changes a circle's own fields (not members or served AEs) if the stored version is {@code expected}. */
	public boolean update(Circle circle, int expected) {
		return jdbc.sql("""
				UPDATE circle SET name = :name, board_key = :board, manager_id = :manager, chat_channel = :channel,
				       chat_webhook_url = :webhook, version = version + 1
				WHERE id = :id AND version = :expected
				""")
				.param("name", circle.name()).param("board", circle.boardKey()).param("manager", circle.managerId())
				.param("channel", circle.chatChannel()).param("webhook", circle.chatWebhookUrl())
				.param("id", circle.id()).param("expected", expected).update() == 1;
	}

	/** Replaces the members if the circle's stored version is {@code expected}. */
	public boolean replaceMembers(UUID circleId, List<UUID> memberIds, int expected) {
		return replaceLinks("circle_member", circleId, memberIds, expected);
	}

	/** Replaces the served AEs if the circle's stored version is {@code expected}. */
	public boolean replaceServedAes(UUID circleId, List<UUID> aeIds, int expected) {
		return replaceLinks("circle_served_ae", circleId, aeIds, expected);
	}

	private boolean replaceLinks(String table, UUID circleId, List<UUID> personIds, int expected) {
		var bumped = jdbc.sql("UPDATE circle SET version = version + 1 WHERE id = :id AND version = :expected")
				.param("id", circleId).param("expected", expected).update() == 1;
		if (bumped) {
			jdbc.sql("DELETE FROM " + table + " WHERE circle_id = :circle").param("circle", circleId).update();
			insertLinks(table, circleId, personIds);
		}
		return bumped;
	}

	private void insertLinks(String table, UUID circleId, List<UUID> personIds) {
		personIds.forEach(person -> jdbc.sql("INSERT INTO " + table + " (circle_id, person_id) VALUES (:circle, :person)")
				.param("circle", circleId).param("person", person).update());
	}
}
