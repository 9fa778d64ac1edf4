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
 * Regions, boards, people and circles in PostgreSQL.
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
		board.calendar().holidays().forEach((day, name) -> jdbc
				.sql("INSERT INTO board_holiday (board_key, day, name) VALUES (:board, :day, :name)")
				.param("board", board.key()).param("day", day).param("name", name).update());
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

	Optional<Board> board(String key) {
		return boards().stream().filter(b -> b.key().equals(key)).findFirst();
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
		person.skills().forEach((skill, level) -> jdbc
				.sql("INSERT INTO person_skill (person_id, skill, level) VALUES (:person, :skill, :level)")
				.param("person", person.id()).param("skill", skill).param("level", level.name()).update());
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
		return people(null).stream().filter(p -> p.id().equals(id)).findFirst();
	}

	Optional<Person> personByUser(UUID userId) {
		return people(null).stream().filter(p -> userId.equals(p.userId())).findFirst();
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
