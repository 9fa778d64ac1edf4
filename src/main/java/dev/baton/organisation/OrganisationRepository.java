package dev.baton.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.identity.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Regions, boards, people, circles and absences in PostgreSQL. Updates name the version they read; a
 * stale one changes nothing and reports false.
 */
@Repository
class OrganisationRepository {

	private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json = JsonMapper.builder().build();

	OrganisationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Region region) {
		jdbc.sql("INSERT INTO region (key, name) VALUES (:key, :name)").param("key", region.key())
				.param("name", region.name()).update();
	}

	List<Region> regions() {
		return jdbc.sql("SELECT key, name FROM region ORDER BY key")
				.query((rs, n) -> new Region(rs.getString("key"), rs.getString("name"))).list();
	}

	void insert(Board board) {
		jdbc.sql("""
				INSERT INTO board (key, name, region_key, engagement_model, time_zone, working_hours, version)
				VALUES (:key, :name, :region, :model, :zone, CAST(:hours AS jsonb), 0)
				""")
				.param("key", board.key()).param("name", board.name()).param("region", board.regionKey())
				.param("model", board.engagementModel()).param("zone", board.calendar().zone().getId())
				.param("hours", hoursJson(board.calendar())).update();
		insertHolidays(board.key(), board.calendar());
	}

	private void insertHolidays(String key, BusinessCalendar calendar) {
		calendar.holidays().forEach((day, name) -> jdbc
				.sql("INSERT INTO board_holiday (board_key, day, name) VALUES (:board, :day, :name)")
				.param("board", key).param("day", day).param("name", name).update());
	}

	List<Board> boards() {
		var holidays = new LinkedHashMap<String, TreeMap<java.time.LocalDate, String>>();
		jdbc.sql("SELECT board_key, day, name FROM board_holiday ORDER BY day").query(rs -> {
			holidays.computeIfAbsent(rs.getString("board_key"), k -> new TreeMap<>())
					.put(rs.getObject("day", java.time.LocalDate.class), rs.getString("name"));
		});
		return jdbc.sql("SELECT * FROM board ORDER BY key")
				.query((rs, n) -> mapBoard(rs, holidays.getOrDefault(rs.getString("key"), new TreeMap<>()))).list();
	}

	/** One board with its holidays, in one statement. */
	Optional<Board> board(String key) {
		return jdbc.sql("""
				SELECT b.*, ARRAY(SELECT h.day::text FROM board_holiday h WHERE h.board_key = b.key ORDER BY h.day) AS holiday_days,
				       ARRAY(SELECT h.name FROM board_holiday h WHERE h.board_key = b.key ORDER BY h.day) AS holiday_names
				FROM board b WHERE b.key = :key
				""").param("key", key).query((rs, n) -> {
			var holidays = new TreeMap<java.time.LocalDate, String>();
			var days = (String[]) rs.getArray("holiday_days").getArray();
			var names = (String[]) rs.getArray("holiday_names").getArray();
			for (int i = 0; i < days.length; i++) {
				holidays.put(java.time.LocalDate.parse(days[i]), names[i]);
			}
			return mapBoard(rs, holidays);
		}).optional();
	}

	void insert(Person person) {
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

	List<Person> people(Role role) {
		var skills = new LinkedHashMap<UUID, Map<String, SkillLevel>>();
		jdbc.sql("SELECT person_id, skill, level FROM person_skill ORDER BY skill").query(rs -> {
			skills.computeIfAbsent(rs.getObject("person_id", UUID.class), k -> new LinkedHashMap<>())
					.put(rs.getString("skill"), SkillLevel.valueOf(rs.getString("level")));
		});
		return jdbc.sql("SELECT * FROM person WHERE (CAST(:role AS text) IS NULL OR role = :role) ORDER BY name")
				.param("role", role == null ? null : role.name())
				.query((rs, n) -> mapPerson(rs, skills.getOrDefault(rs.getObject("id", UUID.class), Map.of()))).list();
	}

	Optional<Person> person(UUID id) {
		return onePerson("id", id);
	}

	Optional<Person> personByUser(UUID userId) {
		return onePerson("user_id", userId);
	}

	/** One person by a unique column, with their skills: one statement, whatever the organisation's size. */
	private Optional<Person> onePerson(String column, UUID value) {
		return jdbc.sql("SELECT p.*, " + SKILLS + " FROM person p WHERE p." + column + " = :value").param("value", value)
				.query((rs, n) -> mapPerson(rs, skills(rs))).optional();
	}

	/** The circles a person is a member of, and those they manage, in one statement. */
	CircleTies circleTies(UUID personId) {
		var memberOf = new java.util.LinkedHashSet<UUID>();
		var manages = new java.util.LinkedHashSet<UUID>();
		jdbc.sql("""
				SELECT circle_id, 'member' AS tie FROM circle_member WHERE person_id = :person
				UNION ALL SELECT id, 'manager' FROM circle WHERE manager_id = :person
				""").param("person", personId).query(rs -> {
			(rs.getString("tie").equals("member") ? memberOf : manages).add(rs.getObject("circle_id", UUID.class));
		});
		return new CircleTies(memberOf, manages);
	}

	record CircleTies(java.util.Set<UUID> memberOf, java.util.Set<UUID> manages) {
	}

	void insert(Circle circle) {
		jdbc.sql("""
				INSERT INTO circle (id, name, board_key, manager_id, chat_channel, chat_webhook_url, version)
				VALUES (:id, :name, :board, :manager, :channel, :webhook, 0)
				""")
				.param("id", circle.id()).param("name", circle.name()).param("board", circle.boardKey())
				.param("manager", circle.managerId()).param("channel", circle.chatChannel())
				.param("webhook", circle.chatWebhookUrl()).update();
		circle.memberIds().forEach(member -> jdbc
				.sql("INSERT INTO circle_member (circle_id, person_id) VALUES (:circle, :person)")
				.param("circle", circle.id()).param("person", member).update());
		circle.servedAeIds().forEach(ae -> jdbc
				.sql("INSERT INTO circle_served_ae (circle_id, person_id) VALUES (:circle, :person)")
				.param("circle", circle.id()).param("person", ae).update());
	}

	List<Circle> circles() {
		var members = links("circle_member");
		var served = links("circle_served_ae");
		return jdbc.sql("SELECT * FROM circle ORDER BY name").query((rs, n) -> {
			var id = rs.getObject("id", UUID.class);
			return new Circle(id, rs.getString("name"), rs.getString("board_key"), rs.getObject("manager_id", UUID.class),
					rs.getString("chat_channel"), rs.getString("chat_webhook_url"), members.getOrDefault(id, List.of()),
					served.getOrDefault(id, List.of()),
					rs.getInt("version"));
		}).list();
	}

	Optional<Region> region(String key) {
		return jdbc.sql("SELECT key, name FROM region WHERE key = :key").param("key", key)
				.query((rs, n) -> new Region(rs.getString("key"), rs.getString("name"))).optional();
	}

	/** Changes name and engagement model if the stored version is {@code expected}; false if it is not. */
	boolean updateBoard(String key, String name, String engagementModel, int expected) {
		return jdbc.sql("""
				UPDATE board SET name = :name, engagement_model = :model, version = version + 1
				WHERE key = :key AND version = :expected
				""")
				.param("name", name).param("model", engagementModel).param("key", key).param("expected", expected)
				.update() == 1;
	}

	/** Replaces the calendar (zone, hours, every holiday) if the stored version is {@code expected}. */
	boolean updateCalendar(String key, BusinessCalendar calendar, int expected) {
		var updated = jdbc.sql("""
				UPDATE board SET time_zone = :zone, working_hours = CAST(:hours AS jsonb), version = version + 1
				WHERE key = :key AND version = :expected
				""")
				.param("zone", calendar.zone().getId()).param("hours", hoursJson(calendar)).param("key", key)
				.param("expected", expected).update() == 1;
		if (updated) {
			jdbc.sql("DELETE FROM board_holiday WHERE board_key = :key").param("key", key).update();
			insertHolidays(key, calendar);
		}
		return updated;
	}

	/** Sets one holiday (adding or renaming it) if the board's stored version is {@code expected}. */
	boolean putHoliday(String key, java.time.LocalDate day, String name, int expected) {
		if (!bumpBoard(key, expected)) {
			return false;
		}
		jdbc.sql("""
				INSERT INTO board_holiday (board_key, day, name) VALUES (:board, :day, :name)
				ON CONFLICT (board_key, day) DO UPDATE SET name = EXCLUDED.name
				""")
				.param("board", key).param("day", day).param("name", name).update();
		return true;
	}

	/** Removes one holiday if the board's stored version is {@code expected}. */
	boolean removeHoliday(String key, java.time.LocalDate day, int expected) {
		if (!bumpBoard(key, expected)) {
			return false;
		}
		jdbc.sql("DELETE FROM board_holiday WHERE board_key = :board AND day = :day").param("board", key)
				.param("day", day).update();
		return true;
	}

	private boolean bumpBoard(String key, int expected) {
		return jdbc.sql("UPDATE board SET version = version + 1 WHERE key = :key AND version = :expected")
				.param("key", key).param("expected", expected).update() == 1;
	}

	/** Changes a person's details (not skills) if the stored version is {@code expected}. */
	boolean update(Person person, int expected) {
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
	boolean replaceSkills(UUID personId, Map<String, SkillLevel> skills, int expected) {
		var bumped = jdbc.sql("UPDATE person SET version = version + 1 WHERE id = :id AND version = :expected")
				.param("id", personId).param("expected", expected).update() == 1;
		if (bumped) {
			jdbc.sql("DELETE FROM person_skill WHERE person_id = :id").param("id", personId).update();
			insertSkills(personId, skills);
		}
		return bumped;
	}

	/** Changes a circle's own fields (not members or served AEs) if the stored version is {@code expected}. */
	boolean update(Circle circle, int expected) {
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
	boolean replaceMembers(UUID circleId, List<UUID> memberIds, int expected) {
		return replaceLinks("circle_member", circleId, memberIds, expected);
	}

	/** Replaces the served AEs if the circle's stored version is {@code expected}. */
	boolean replaceServedAes(UUID circleId, List<UUID> aeIds, int expected) {
		return replaceLinks("circle_served_ae", circleId, aeIds, expected);
	}

	private boolean replaceLinks(String table, UUID circleId, List<UUID> personIds, int expected) {
		var bumped = jdbc.sql("UPDATE circle SET version = version + 1 WHERE id = :id AND version = :expected")
				.param("id", circleId).param("expected", expected).update() == 1;
		if (bumped) {
			jdbc.sql("DELETE FROM " + table + " WHERE circle_id = :circle").param("circle", circleId).update();
			personIds.forEach(person -> jdbc
					.sql("INSERT INTO " + table + " (circle_id, person_id) VALUES (:circle, :person)")
					.param("circle", circleId).param("person", person).update());
		}
		return bumped;
	}

	void insert(Absence absence) {
		jdbc.sql("""
				INSERT INTO absence (id, person_id, kind, start_date, end_date, note, created_by, created_at)
				VALUES (:id, :person, :kind, :start, :end, :note, :createdBy, :createdAt)
				""")
				.param("id", absence.id()).param("person", absence.personId()).param("kind", absence.kind().name())
				.param("start", absence.startDate()).param("end", absence.endDate()).param("note", absence.note())
				.param("createdBy", absence.createdBy())
				.param("createdAt", java.sql.Timestamp.from(absence.createdAt())).update();
	}

	boolean deleteAbsence(UUID personId, UUID absenceId) {
		return jdbc.sql("DELETE FROM absence WHERE id = :id AND person_id = :person").param("id", absenceId)
				.param("person", personId).update() == 1;
	}

	Optional<Absence> absence(UUID personId, UUID absenceId) {
		return jdbc.sql("SELECT * FROM absence WHERE id = :id AND person_id = :person").param("id", absenceId)
				.param("person", personId).query(OrganisationRepository::mapAbsence).optional();
	}

	/** A person's absences that touch the inclusive range (either end may be open: null), earliest first. */
	List<Absence> absences(UUID personId, java.time.LocalDate from, java.time.LocalDate to) {
		return jdbc.sql("""
				SELECT * FROM absence
				WHERE person_id = :person
				  AND (CAST(:to AS date) IS NULL OR start_date <= :to)
				  AND (CAST(:from AS date) IS NULL OR end_date >= :from)
				ORDER BY start_date, end_date
				""")
				.param("person", personId).param("from", from).param("to", to)
				.query(OrganisationRepository::mapAbsence).list();
	}

	/** The absences of a circle's members that touch the inclusive range, earliest first. */
	List<Absence> circleAbsences(UUID circleId, java.time.LocalDate from, java.time.LocalDate to) {
		return jdbc.sql("""
				SELECT a.* FROM absence a JOIN circle_member m ON m.person_id = a.person_id
				WHERE m.circle_id = :circle AND a.start_date <= :to AND a.end_date >= :from
				ORDER BY a.start_date, a.end_date, a.person_id
				""")
				.param("circle", circleId).param("from", from).param("to", to)
				.query(OrganisationRepository::mapAbsence).list();
	}

	long countRegions() {
		return jdbc.sql("SELECT count(*) FROM region").query(Long.class).single();
	}

	private Map<UUID, List<UUID>> links(String table) {
		var links = new LinkedHashMap<UUID, List<UUID>>();
		jdbc.sql("SELECT l.circle_id, l.person_id FROM " + table + " l JOIN person p ON p.id = l.person_id ORDER BY p.name")
				.query(rs -> {
					links.computeIfAbsent(rs.getObject("circle_id", UUID.class), k -> new java.util.ArrayList<>())
							.add(rs.getObject("person_id", UUID.class));
				});
		return links;
	}

	/** A person's skills as two arrays in skill order, so that a read of people needs no second statement. */
	private static final String SKILLS = """
			ARRAY(SELECT s.skill FROM person_skill s WHERE s.person_id = p.id ORDER BY s.skill) AS skill_names,
			ARRAY(SELECT s.level FROM person_skill s WHERE s.person_id = p.id ORDER BY s.skill) AS skill_levels""";

	private static Map<String, SkillLevel> skills(ResultSet rs) throws SQLException {
		var names = (String[]) rs.getArray("skill_names").getArray();
		var levels = (String[]) rs.getArray("skill_levels").getArray();
		if (names.length == 0) {
			return Map.of();
		}
		var skills = new LinkedHashMap<String, SkillLevel>();
		for (int i = 0; i < names.length; i++) {
			skills.put(names[i], SkillLevel.valueOf(levels[i]));
		}
		return skills;
	}

	/** The people with these ids, with their skills, in one statement; unknown ids are left out. */
	List<Person> peopleById(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT p.*, " + SKILLS + " FROM person p WHERE p.id = ANY(:ids) ORDER BY p.name")
				.param("ids", ids.toArray(UUID[]::new)).query((rs, n) -> mapPerson(rs, skills(rs))).list();
	}

	/**
	 * The circles with these ids and those the given people are members of, with their members and
	 * served AEs (by name, like {@link #circles()}), in one statement.
	 */
	List<Circle> circlesByIdOrMember(java.util.Collection<UUID> circleIds, java.util.Collection<UUID> memberIds) {
		if (circleIds.isEmpty() && memberIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT c.*,
				       ARRAY(SELECT l.person_id FROM circle_member l JOIN person p ON p.id = l.person_id
				             WHERE l.circle_id = c.id ORDER BY p.name) AS member_ids,
				       ARRAY(SELECT l.person_id FROM circle_served_ae l JOIN person p ON p.id = l.person_id
				             WHERE l.circle_id = c.id ORDER BY p.name) AS served_ae_ids
				FROM circle c
				WHERE c.id = ANY(:ids) OR c.id IN (SELECT m.circle_id FROM circle_member m WHERE m.person_id = ANY(:members))
				ORDER BY c.name
				""").param("ids", circleIds.toArray(UUID[]::new)).param("members", memberIds.toArray(UUID[]::new))
				.query((rs, n) -> new Circle(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("board_key"),
						rs.getObject("manager_id", UUID.class), rs.getString("chat_channel"),
						rs.getString("chat_webhook_url"), List.of((UUID[]) rs.getArray("member_ids").getArray()),
						List.of((UUID[]) rs.getArray("served_ae_ids").getArray()), rs.getInt("version")))
				.list();
	}

	private String hoursJson(BusinessCalendar calendar) {
		var hours = new TreeMap<String, List<String>>();
		calendar.hours().forEach((day, h) -> hours.put(String.valueOf(day.getValue()),
				List.of(h.start().toString(), h.end().toString())));
		return json.writeValueAsString(hours);
	}

	private Board mapBoard(ResultSet rs, TreeMap<java.time.LocalDate, String> holidays) throws SQLException {
		Map<String, List<String>> stored = json.readValue(rs.getString("working_hours"), HOURS);
		var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
		stored.forEach((day, range) -> hours.put(DayOfWeek.of(Integer.parseInt(day)),
				new BusinessCalendar.WorkingHours(LocalTime.parse(range.get(0)), LocalTime.parse(range.get(1)))));
		var calendar = new BusinessCalendar(ZoneId.of(rs.getString("time_zone")), hours, holidays);
		return new Board(rs.getString("key"), rs.getString("name"), rs.getString("region_key"),
				rs.getString("engagement_model"), calendar, rs.getInt("version"));
	}

	private static Absence mapAbsence(ResultSet rs, int row) throws SQLException {
		return new Absence(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				AbsenceKind.valueOf(rs.getString("kind")), rs.getObject("start_date", java.time.LocalDate.class),
				rs.getObject("end_date", java.time.LocalDate.class), rs.getString("note"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant());
	}

	private static Person mapPerson(ResultSet rs, Map<String, SkillLevel> skills) throws SQLException {
		var seniority = rs.getString("seniority");
		var segment = rs.getString("segment");
		return new Person(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("name"),
				rs.getString("email"), rs.getString("title"), Role.valueOf(rs.getString("role")),
				seniority == null ? null : Seniority.valueOf(seniority), segment == null ? null : Segment.valueOf(segment),
				rs.getString("region_key"), ZoneId.of(rs.getString("time_zone")), rs.getObject("manager_id", UUID.class),
				skills, rs.getInt("version"));
	}
}
