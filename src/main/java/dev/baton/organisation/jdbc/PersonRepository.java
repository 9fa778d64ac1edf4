package dev.baton.organisation.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.identity.Role;
import dev.baton.organisation.PersonId;
import dev.baton.organisation.Person;
import dev.baton.organisation.SkillLevel;
import tools.jackson.databind.json.JsonMapper;

/**
 * People and their skills in PostgreSQL. Every read is one statement that reads only the people
 * asked for, with their skills. Updates name the version they read; a stale one changes nothing
 * and reports false.
 */
@Repository
public class PersonRepository {

	private static final String SELECT = "SELECT " + PersonRowMapper.COLUMNS + " FROM person p ";

	private final JdbcClient jdbc;
	private final PersonRowMapper rows = new PersonRowMapper(JsonMapper.builder().build());

	PersonRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Person person) {
		jdbc.sql("""
				INSERT INTO person (id, user_id, name, email, title, role, seniority, segment, region_key, time_zone,
				                    manager_id, version)
				VALUES (:id, :userId, :name, :email, :title, :role, :seniority, :segment, :region, :zone, :manager, 0)
				""")
				.param("id", person.id()).param("userId", person.userId()).param("name", person.name())
				.param("email", person.email()).param("title", person.title()).param("role", person.role().name())
				.param("seniority", person.seniority() == null ? null : person.seniority().name())
				.param("segment", person.segment() == null ? null : person.segment().name())
				.param("region", person.regionKey()).param("zone", person.timeZone().getId())
				.param("manager", person.managerId()).update();
		insertSkills(person.id(), person.skills());
	}

	private void insertSkills(UUID personId, Map<String, SkillLevel> skills) {
		new TreeMap<>(skills).forEach((skill, level) -> jdbc
				.sql("INSERT INTO person_skill (person_id, skill, level) VALUES (:person, :skill, :level)")
				.param("person", personId).param("skill", skill).param("level", level.name()).update());
	}

	/** Everyone, or everyone of one role, by name. */
	public List<Person> people(Role role) {
		return jdbc.sql(SELECT + "WHERE (CAST(:role AS text) IS NULL OR p.role = :role) ORDER BY p.name")
				.param("role", role == null ? null : role.name()).query(rows).list();
	}

	/** A person as a list shows them: with their manager's name. */
	public record Listed(Person person, String managerName) {
	}

	/**
	 * One page of everyone, or of everyone of one role, by name regardless of case, with each one's
	 * manager and the total: two statements that read the page's people only.
	 */
	public dev.baton.platform.Page<Listed> page(Role role, dev.baton.platform.Page.Request request) {
		var roleName = role == null ? null : role.name();
		var total = jdbc.sql("SELECT count(*) FROM person p WHERE (CAST(:role AS text) IS NULL OR p.role = :role)")
				.param("role", roleName).query(Long.class).single();
		var items = jdbc.sql(SELECT.replace(" FROM person p ", ", m.name AS manager_name FROM person p ") + """
				LEFT JOIN person m ON m.id = p.manager_id
				WHERE (CAST(:role AS text) IS NULL OR p.role = :role)
				ORDER BY lower(p.name) COLLATE "C", p.name COLLATE "C", p.id LIMIT :size OFFSET :offset
				""").param("role", roleName).param("size", request.size()).param("offset", request.offset())
				.query((rs, n) -> new Listed(rows.mapRow(rs, n), rs.getString("manager_name"))).list();
		return new dev.baton.platform.Page<>(items, request.page(), request.size(), total);
	}

	/** The people with the given ids (unknown ids are left out), by name. */
	public List<Person> people(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + "WHERE p.id IN (:ids) ORDER BY p.name").param("ids", List.copyOf(ids)).query(rows)
				.list();
	}

	public Optional<Person> person(PersonId id) {
		return jdbc.sql(SELECT + "WHERE p.id = :id").param("id", id.value()).query(rows).optional();
	}

	public Optional<Person> personByUser(UUID userId) {
		return jdbc.sql(SELECT + "WHERE p.user_id = :user").param("user", userId).query(rows).optional();
	}

	/** The person with an e-mail address, compared ignoring case (as the unique index does). */
	/** A login's person with the circles they are a member of and those they manage. */
	public record PersonWithTies(Person person, java.util.Set<UUID> memberOf, java.util.Set<UUID> manages) {
	}

	/** The person behind a login and their circle ties, in one statement: what a call context needs. */
	public Optional<PersonWithTies> personWithTiesByUser(UUID userId) {
		return jdbc.sql("SELECT " + PersonRowMapper.COLUMNS + """
				, ARRAY(SELECT m.circle_id FROM circle_member m WHERE m.person_id = p.id) AS member_of,
				  ARRAY(SELECT c.id FROM circle c WHERE c.manager_id = p.id) AS manages
				FROM person p WHERE p.user_id = :user""").param("user", userId)
				.query((rs, n) -> new PersonWithTies(rows.mapRow(rs, n),
						java.util.Set.of((UUID[]) rs.getArray("member_of").getArray()),
						java.util.Set.of((UUID[]) rs.getArray("manages").getArray())))
				.optional();
	}

	public Optional<Person> personByEmail(String email) {
		return jdbc.sql(SELECT + "WHERE lower(p.email) = lower(:email)").param("email", email).query(rows).optional();
	}

	/** Whether {@code person} reports to {@code manager} through the chain of managers (cycles end the walk). */
	public boolean reportsTo(PersonId person, PersonId manager) {
		return jdbc.sql("""
				WITH RECURSIVE up(id) AS (
				    SELECT manager_id FROM person WHERE id = :person
				    UNION SELECT p.manager_id FROM person p JOIN up ON p.id = up.id
				)
				SELECT EXISTS (SELECT 1 FROM up WHERE id = :manager)
				""").param("person", person.value()).param("manager", manager.value()).query(Boolean.class).single();
	}

	/** Changes a person's details (not skills) if the stored version is {@code expected}. */
	public boolean update(Person person, int expected) {
		return jdbc.sql("""
				UPDATE person SET user_id = :userId, name = :name, email = :email, title = :title, role = :role,
				       seniority = :seniority, segment = :segment, region_key = :region, time_zone = :zone,
				       manager_id = :manager, version = version + 1
				WHERE id = :id AND version = :expected
				""")
				.param("userId", person.userId()).param("name", person.name()).param("email", person.email())
				.param("title", person.title()).param("role", person.role().name())
				.param("seniority", person.seniority() == null ? null : person.seniority().name())
				.param("segment", person.segment() == null ? null : person.segment().name())
				.param("region", person.regionKey()).param("zone", person.timeZone().getId())
				.param("manager", person.managerId()).param("id", person.id()).param("expected", expected)
				.update() == 1;
	}

	/** Replaces every skill of a person if the stored version is {@code expected}. */
	public boolean replaceSkills(UUID personId, Map<String, SkillLevel> skills, int expected) {
		var bumped = jdbc.sql("UPDATE person SET version = version + 1 WHERE id = :id AND version = :expected")
				.param("id", personId).param("expected", expected).update() == 1;
		if (bumped) {
			jdbc.sql("DELETE FROM person_skill WHERE person_id = :id").param("id", personId).update();
			insertSkills(personId, skills);
		}
		return bumped;
	}
}
