package dev.baton.organisation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.platform.Versions;

/**
 * Reads and sets up the organisation: regions, boards and their calendars, people, circles and
 * absences. Every change is validated whole (one refusal names every wrong field) and audited in
 * its transaction.
 */
@Service
public class Organisation {

	static final Pattern REGION_KEY = Pattern.compile("[A-Z][A-Z0-9_-]{1,19}");
	static final Pattern BOARD_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
	static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,63}");

	/** The longest window a circle's absence calendar is read for at once. */
	static final int MAX_CALENDAR_DAYS = 366;

	private final OrganisationRepository repository;
	private final AuditLog audit;
	private final UserDirectory users;
	private final Clock clock;

	Organisation(OrganisationRepository repository, AuditLog audit, UserDirectory users, Clock clock) {
		this.repository = repository;
		this.audit = audit;
		this.users = users;
		this.clock = clock;
	}

	/** A new triage board; without {@code calendar.hours} it works Monday to Friday, 09:00 to 17:00. */
	public record NewBoard(String key, String name, String regionKey, String engagementModel, CalendarChange calendar) {
	}

	/** The changeable names of a board. */
	public record BoardChange(String name, String engagementModel) {
	}

	/**
	 * A whole business calendar, in the shape a board shows it: a time zone, working hours per
	 * weekday (days left out or null are closed) and holidays by date.
	 */
	public record CalendarChange(String zone, Map<DayOfWeek, Hours> hours, Map<LocalDate, String> holidays) {

		/** Opening and closing time of one weekday. */
		public record Hours(LocalTime start, LocalTime end) {
		}
	}

	/** Everything about a person but their skills; {@code userId} links a login and may be null. */
	public record PersonDetails(String name, String email, String title, Role role, Seniority seniority,
			Segment segment, String regionKey, String timeZone, UUID managerId, UUID userId) {
	}

	/** A circle's own fields: its members and served AEs change separately. */
	public record CircleDetails(String name, String boardKey, UUID managerId, String chatChannel,
			String chatWebhookUrl) {
	}

	/** Days away to record, both ends inclusive. */
	public record NewAbsence(AbsenceKind kind, LocalDate startDate, LocalDate endDate, String note) {
	}

	// regions ---------------------------------------------------------------------------------

	@Transactional
	public Region addRegion(Region region) {
		var violations = new Violations()
				.matches(region.key(), REGION_KEY, "key",
						"must be 2 to 20 upper-case letters, digits, '-' or '_', starting with a letter")
				.text(region.name(), "name", 200);
		violations.throwIfAny();
		var stored = new Region(region.key(), region.name().strip());
		try {
			repository.insert(stored);
		} catch (DuplicateKeyException e) {
			throw new BatonException(OrganisationProblems.REGION_EXISTS, "Region " + region.key() + " exists already");
		}
		audit.record("region.created", "region", stored.key(), null, Map.of("name", stored.name()));
		return stored;
	}

	@Transactional(readOnly = true)
	public Region region(String key) {
		return repository.region(key).orElseThrow(() -> BatonException.notFound("Region", key));
	}

	// boards ----------------------------------------------------------------------------------

	@Transactional
	public Board addBoard(Board board) {
		var violations = new Violations();
		checkBoardKey(board.key(), violations);
		checkBoardFields(board.name(), board.engagementModel(), violations);
		checkRegion(board.regionKey(), "regionKey", true, violations);
		violations.throwIfAny();
		var stored = new Board(board.key(), board.name().strip(), board.regionKey(), board.engagementModel().strip(),
				board.calendar(), 0);
		try {
			repository.insert(stored);
		} catch (DuplicateKeyException e) {
			throw new BatonException(OrganisationProblems.BOARD_EXISTS, "Board " + board.key() + " exists already");
		}
		audit.record("board.created", "board", stored.key(), null, details("name", stored.name(), "region",
				stored.regionKey(), "engagementModel", stored.engagementModel(), "timeZone",
				stored.calendar().zone().getId(), "holidays", stored.calendar().holidays().size()));
		return stored;
	}

	/** Creates a board from an API request, checking every field at once. */
	@Transactional
	public Board createBoard(NewBoard request) {
		var violations = new Violations();
		checkBoardKey(request.key(), violations);
		checkBoardFields(request.name(), request.engagementModel(), violations);
		checkRegion(request.regionKey(), "regionKey", true, violations);
		BusinessCalendar calendar = null;
		if (request.calendar() == null) {
			violations.add("calendar", "is required; give at least its zone, such as {\"zone\": \"Europe/Berlin\"}");
		} else {
			calendar = calendar(request.calendar(), "calendar.", false, violations);
		}
		violations.throwIfAny();
		return addBoard(new Board(request.key(), request.name(), request.regionKey(), request.engagementModel(),
				calendar, 0));
	}

	@Transactional(readOnly = true)
	public List<Board> boards() {
		return repository.boards();
	}

	@Transactional(readOnly = true)
	public Board board(String key) {
		return repository.board(key).orElseThrow(() -> BatonException.notFound("Board", key));
	}

	@Transactional
	public Board updateBoard(String key, BoardChange change, int expectedVersion) {
		var current = board(key);
		var violations = new Violations();
		checkBoardFields(change.name(), change.engagementModel(), violations);
		violations.throwIfAny();
		if (!repository.updateBoard(key, change.name().strip(), change.engagementModel().strip(), expectedVersion)) {
			throw Versions.stale("Board", key, expectedVersion);
		}
		audit.record("board.updated", "board", key, null, details("name", change.name().strip(), "engagementModel",
				change.engagementModel().strip(), "previousName", current.name(), "previousEngagementModel",
				current.engagementModel()));
		return board(key);
	}

	/** Replaces a board's whole calendar: zone, working hours and holidays. */
	@Transactional
	public Board changeCalendar(String key, CalendarChange change, int expectedVersion) {
		var current = board(key);
		var violations = new Violations();
		var calendar = calendar(change, "", true, violations);
		violations.throwIfAny();
		if (!repository.updateCalendar(key, calendar, expectedVersion)) {
			throw Versions.stale("Board", key, expectedVersion);
		}
		audit.record("board.calendar-changed", "board", key, null, details("timeZone", calendar.zone().getId(),
				"previousTimeZone", current.calendar().zone().getId(), "hours", hoursText(calendar),
				"previousHours", hoursText(current.calendar()), "holidays", holidaysText(calendar),
				"previousHolidays", holidaysText(current.calendar())));
		return board(key);
	}

	/** Adds a holiday to a board's calendar, or renames the one on that day. */
	@Transactional
	public Board putHoliday(String key, LocalDate day, String name, int expectedVersion) {
		var current = board(key);
		new Violations().text(name, "name", 200).throwIfAny();
		if (!repository.putHoliday(key, day, name.strip(), expectedVersion)) {
			throw Versions.stale("Board", key, expectedVersion);
		}
		audit.record("board.holiday-set", "board", key, null,
				details("day", day.toString(), "name", name.strip(), "previousName", current.calendar().holidays().get(day)));
		return board(key);
	}

	@Transactional
	public Board removeHoliday(String key, LocalDate day, int expectedVersion) {
		var current = board(key);
		var name = current.calendar().holidays().get(day);
		if (name == null) {
			throw BatonException.notFound("Holiday on board " + key + " on", day);
		}
		if (!repository.removeHoliday(key, day, expectedVersion)) {
			throw Versions.stale("Board", key, expectedVersion);
		}
		audit.record("board.holiday-removed", "board", key, null, details("day", day.toString(), "name", name));
		return board(key);
	}

	// people ----------------------------------------------------------------------------------

	@Transactional
	public Person addPerson(Person person) {
		var violations = new Violations();
		checkPerson(person.id(), new PersonDetails(person.name(), person.email(), person.title(), person.role(),
				person.seniority(), person.segment(), person.regionKey(),
				person.timeZone() == null ? null : person.timeZone().getId(), person.managerId(), person.userId()),
				violations);
		checkSkills(person.skills(), "skills", violations);
		violations.throwIfAny();
		var stored = new Person(person.id(), person.userId(), person.name().strip(), person.email().strip(),
				person.title().strip(), person.role(), person.seniority(), person.segment(), person.regionKey(),
				person.timeZone(), person.managerId(), person.skills(), 0);
		insertPerson(stored);
		audit.record("person.created", "person", stored.id(), null, personDetails(stored));
		return stored;
	}

	/** Creates a person from an API request, checking every field at once. */
	@Transactional
	public Person createPerson(PersonDetails details, Map<String, SkillLevel> skills) {
		var id = UUID.randomUUID();
		var violations = new Violations();
		checkPerson(id, details, violations);
		checkSkills(skills == null ? Map.of() : skills, "skills", violations);
		violations.throwIfAny();
		return addPerson(new Person(id, details.userId(), details.name(), details.email(), details.title(),
				details.role(), details.seniority(), details.segment(), details.regionKey(), ZoneId.of(details.timeZone()),
				details.managerId(), skills == null ? Map.of() : skills, 0));
	}

	@Transactional
	public Person updatePerson(UUID id, PersonDetails details, int expectedVersion) {
		var current = person(id);
		var violations = new Violations();
		checkPerson(id, details, violations);
		violations.throwIfAny();
		checkRoleFitsCircles(current, details.role());
		var updated = new Person(id, details.userId(), details.name().strip(), details.email().strip(),
				details.title().strip(), details.role(), details.seniority(), details.segment(), details.regionKey(),
				ZoneId.of(details.timeZone()), details.managerId(), current.skills(), expectedVersion + 1);
		boolean changed;
		try {
			changed = repository.update(updated, expectedVersion);
		} catch (DuplicateKeyException e) {
			throw personConflict(e, updated);
		}
		if (!changed) {
			throw Versions.stale("Person", id, expectedVersion);
		}
		var audited = personDetails(updated);
		audited.put("previous", personDetails(current));
		audit.record("person.updated", "person", id, null, audited);
		return person(id);
	}

	/** Replaces every skill of a person with the given ones. */
	@Transactional
	public Person replaceSkills(UUID id, Map<String, SkillLevel> skills, int expectedVersion) {
		var current = person(id);
		var violations = new Violations();
		if (skills == null) {
			violations.add("skills", "is required; send {} to remove every skill");
		} else {
			checkSkills(skills, "", violations);
		}
		violations.throwIfAny();
		if (!repository.replaceSkills(id, skills, expectedVersion)) {
			throw Versions.stale("Person", id, expectedVersion);
		}
		audit.record("person.skills-replaced", "person", id, null,
				details("skills", skillsText(skills), "previousSkills", skillsText(current.skills())));
		return person(id);
	}

	@Transactional(readOnly = true)
	public List<Person> people(Role role) {
		return repository.people(role);
	}

	@Transactional(readOnly = true)
	public Person person(UUID id) {
		return repository.person(id).orElseThrow(() -> BatonException.notFound("Person", id));
	}

	/** A person, if they exist; unlike {@link #person(UUID)} this does not refuse. */
	@Transactional(readOnly = true)
	public Optional<Person> findPerson(UUID id) {
		return repository.person(id);
	}

	/** The person with an e-mail address, compared ignoring case. */
	@Transactional(readOnly = true)
	public Optional<Person> personByEmail(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		var wanted = email.strip();
		return repository.people(null).stream().filter(p -> p.email().equalsIgnoreCase(wanted)).findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<Person> personForUser(UUID userId) {
		return repository.personByUser(userId);
	}

	/** The person behind a login, by its username (the signed-in caller's name), if one is linked. */
	@Transactional(readOnly = true)
	public Optional<Person> personForUsername(String username) {
		return users.findByUsername(username).flatMap(account -> repository.personByUser(account.id()));
	}

	// circles ---------------------------------------------------------------------------------

	@Transactional
	public Circle addCircle(Circle circle) {
		var violations = new Violations();
		checkCircle(new CircleDetails(circle.name(), circle.boardKey(), circle.managerId(), circle.chatChannel(),
				circle.chatWebhookUrl()), violations);
		checkPeople(circle.memberIds(), "memberIds", Role.SA, violations);
		checkPeople(circle.servedAeIds(), "servedAeIds", Role.AE, violations);
		violations.throwIfAny();
		checkNotElsewhere(circle.id(), circle.memberIds(), circle.servedAeIds());
		var stored = new Circle(circle.id(), circle.name().strip(), circle.boardKey(), circle.managerId(),
				blankToNull(circle.chatChannel()), blankToNull(circle.chatWebhookUrl()), circle.memberIds(),
				circle.servedAeIds(), 0);
		try {
			repository.insert(stored);
		} catch (DuplicateKeyException e) {
			throw circleConflict(e, stored);
		}
		audit.record("circle.created", "circle", stored.id(), null, details("name", stored.name(), "board",
				stored.boardKey(), "manager", stored.managerId(), "chatChannel", stored.chatChannel(), "chatWebhook",
				stored.chatWebhookUrl() != null, "members", stored.memberIds(), "servedAes", stored.servedAeIds()));
		return stored;
	}

	/** Creates a circle from an API request; members and served AEs may be empty. */
	@Transactional
	public Circle createCircle(CircleDetails details, List<UUID> memberIds, List<UUID> servedAeIds) {
		var violations = new Violations();
		checkCircle(details, violations);
		checkPeople(memberIds == null ? List.of() : memberIds, "memberIds", Role.SA, violations);
		checkPeople(servedAeIds == null ? List.of() : servedAeIds, "servedAeIds", Role.AE, violations);
		violations.throwIfAny();
		return addCircle(new Circle(UUID.randomUUID(), details.name(), details.boardKey(), details.managerId(),
				details.chatChannel(), details.chatWebhookUrl(), memberIds == null ? List.of() : memberIds,
				servedAeIds == null ? List.of() : servedAeIds, 0));
	}

	/** Renames a circle, moves it to a board, or sets its manager, chat channel and webhook. */
	@Transactional
	public Circle updateCircle(UUID id, CircleDetails details, int expectedVersion) {
		var current = circle(id);
		var violations = new Violations();
		checkCircle(details, violations);
		violations.throwIfAny();
		var updated = new Circle(id, details.name().strip(), details.boardKey(), details.managerId(),
				blankToNull(details.chatChannel()), blankToNull(details.chatWebhookUrl()), current.memberIds(),
				current.servedAeIds(), expectedVersion + 1);
		boolean changed;
		try {
			changed = repository.update(updated, expectedVersion);
		} catch (DuplicateKeyException e) {
			throw circleConflict(e, updated);
		}
		if (!changed) {
			throw Versions.stale("Circle", id, expectedVersion);
		}
		audit.record("circle.updated", "circle", id, null, details("name", updated.name(), "previousName",
				current.name(), "board", updated.boardKey(), "previousBoard", current.boardKey(), "manager",
				updated.managerId(), "previousManager", current.managerId(), "chatChannel", updated.chatChannel(),
				"chatWebhookChanged", !java.util.Objects.equals(updated.chatWebhookUrl(), current.chatWebhookUrl())));
		return circle(id);
	}

	/** Sets who is in a circle; an SA may be in one circle only. */
	@Transactional
	public Circle replaceMembers(UUID id, List<UUID> memberIds, int expectedVersion) {
		var current = circle(id);
		var violations = new Violations();
		if (memberIds == null) {
			violations.add("memberIds", "is required; send [] to empty the circle");
		} else {
			checkPeople(memberIds, "memberIds", Role.SA, violations);
		}
		violations.throwIfAny();
		checkNotElsewhere(id, memberIds, List.of());
		try {
			if (!repository.replaceMembers(id, memberIds, expectedVersion)) {
				throw Versions.stale("Circle", id, expectedVersion);
			}
		} catch (DuplicateKeyException e) {
			throw circleConflict(e, current);
		}
		audit.record("circle.members-replaced", "circle", id, null,
				details("members", memberIds, "previousMembers", current.memberIds()));
		return circle(id);
	}

	/** Sets which AEs a circle serves; an AE is served by one circle only. */
	@Transactional
	public Circle replaceServedAes(UUID id, List<UUID> aeIds, int expectedVersion) {
		var current = circle(id);
		var violations = new Violations();
		if (aeIds == null) {
			violations.add("servedAeIds", "is required; send [] to serve no one");
		} else {
			checkPeople(aeIds, "servedAeIds", Role.AE, violations);
		}
		violations.throwIfAny();
		checkNotElsewhere(id, List.of(), aeIds);
		try {
			if (!repository.replaceServedAes(id, aeIds, expectedVersion)) {
				throw Versions.stale("Circle", id, expectedVersion);
			}
		} catch (DuplicateKeyException e) {
			throw circleConflict(e, current);
		}
		audit.record("circle.served-aes-replaced", "circle", id, null,
				details("servedAes", aeIds, "previousServedAes", current.servedAeIds()));
		return circle(id);
	}

	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return repository.countRegions() == 0;
	}

	@Transactional(readOnly = true)
	public List<Region> regions() {
		return repository.regions();
	}

	@Transactional(readOnly = true)
	public List<Circle> circles() {
		return repository.circles();
	}

	@Transactional(readOnly = true)
	public Circle circle(UUID id) {
		return circles().stream().filter(c -> c.id().equals(id)).findFirst()
				.orElseThrow(() -> BatonException.notFound("Circle", id));
	}

	/** The circle that serves an AE, if any. */
	@Transactional(readOnly = true)
	public Optional<Circle> circleServing(UUID aeId) {
		return circles().stream().filter(c -> c.servedAeIds().contains(aeId)).findFirst();
	}

	/** The circle an SA is a member of, if any. */
	@Transactional(readOnly = true)
	public Optional<Circle> circleOfMember(UUID personId) {
		return circles().stream().filter(c -> c.memberIds().contains(personId)).findFirst();
	}

	// absences --------------------------------------------------------------------------------

	/**
	 * Records days a person is away. The person themselves, their SA manager (direct report or
	 * circle member) and administrators may do so; an absence may not overlap another of theirs.
	 */
	@Transactional
	public Absence recordAbsence(UUID personId, NewAbsence request, Actor actor) {
		var person = person(personId);
		requireMayManageAbsences(actor, person);
		var violations = new Violations()
				.require(request.kind() != null, "kind", "is required: PTO or SICK")
				.require(request.startDate() != null, "startDate", "is required")
				.require(request.endDate() != null, "endDate", "is required")
				.optionalText(request.note(), "note", 1000);
		if (request.startDate() != null && request.endDate() != null) {
			violations.require(!request.endDate().isBefore(request.startDate()), "endDate",
					"must be on or after startDate " + request.startDate() + " (the end date is inclusive)");
			violations.require(ChronoUnit.DAYS.between(request.startDate(), request.endDate()) < 3 * 366, "endDate",
					"must be within three years of startDate");
		}
		violations.throwIfAny();
		var overlapping = repository.absences(personId, request.startDate(), request.endDate());
		if (!overlapping.isEmpty()) {
			var other = overlapping.get(0);
			throw new BatonException(OrganisationProblems.ABSENCE_OVERLAPS, person.name() + " is already away from "
					+ other.startDate() + " to " + other.endDate() + " (" + other.kind()
					+ "); remove that absence or choose other days",
					List.of(), Map.of("overlappingAbsenceId", other.id()));
		}
		var absence = new Absence(UUID.randomUUID(), personId, request.kind(), request.startDate(), request.endDate(),
				blankToNull(request.note()), actor.username(), clock.instant());
		try {
			repository.insert(absence);
		} catch (DataIntegrityViolationException e) {
			if (isExclusionViolation(e)) {
				throw new BatonException(OrganisationProblems.ABSENCE_OVERLAPS, person.name()
						+ " already has an absence on some of the days " + request.startDate() + " to "
						+ request.endDate());
			}
			throw e;
		}
		audit.record("absence.recorded", "absence", absence.id(), null, details("person", personId, "kind",
				absence.kind().name(), "startDate", absence.startDate().toString(), "endDate",
				absence.endDate().toString()));
		return absence;
	}

	@Transactional
	public void removeAbsence(UUID personId, UUID absenceId, Actor actor) {
		var person = person(personId);
		requireMayManageAbsences(actor, person);
		var absence = repository.absence(personId, absenceId)
				.orElseThrow(() -> BatonException.notFound("Absence", absenceId));
		repository.deleteAbsence(personId, absenceId);
		audit.record("absence.removed", "absence", absenceId, null, details("person", personId, "kind",
				absence.kind().name(), "startDate", absence.startDate().toString(), "endDate",
				absence.endDate().toString()));
	}

	/**
	 * A person's absences that touch the days {@code from} to {@code to} (inclusive), earliest first,
	 * notes included.
	 *
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 */
	@Transactional(readOnly = true)
	public List<Absence> absencesOf(UUID personId, LocalDate from, LocalDate to) {
		java.util.Objects.requireNonNull(from, "from");
		java.util.Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to " + to + " is before from " + from);
		}
		return repository.absences(personId, from, to);
	}

	/** Whether a person is away (PTO or sick) on a day. */
	@Transactional(readOnly = true)
	public boolean isAbsent(UUID personId, LocalDate day) {
		return !repository.absences(personId, day, day).isEmpty();
	}

	/**
	 * A person's absences as a reader may see them, optionally within {@code from} to {@code to}:
	 * notes only for those who may manage them.
	 */
	@Transactional(readOnly = true)
	public List<Absence> absencesOf(UUID personId, LocalDate from, LocalDate to, Actor reader) {
		var person = person(personId);
		checkRange(from, to, false);
		var visible = AbsencePolicy.mayManage(reader, person, circles()).allowed();
		return repository.absences(personId, from, to).stream().map(a -> visible ? a : a.withoutNote()).toList();
	}

	@Transactional(readOnly = true)
	public Absence absence(UUID personId, UUID absenceId, Actor reader) {
		var person = person(personId);
		var absence = repository.absence(personId, absenceId)
				.orElseThrow(() -> BatonException.notFound("Absence", absenceId));
		return AbsencePolicy.mayManage(reader, person, circles()).allowed() ? absence : absence.withoutNote();
	}

	/** The absences of a circle's members within {@code from} to {@code to} (inclusive), for its calendar. */
	@Transactional(readOnly = true)
	public List<Absence> circleAbsences(UUID circleId, LocalDate from, LocalDate to, Actor reader) {
		circle(circleId);
		checkRange(from, to, true);
		var circles = circles();
		var people = new LinkedHashMap<UUID, Person>();
		repository.people(null).forEach(p -> people.put(p.id(), p));
		return repository.circleAbsences(circleId, from, to).stream()
				.map(a -> AbsencePolicy.mayManage(reader, people.get(a.personId()), circles).allowed() ? a
						: a.withoutNote())
				.toList();
	}

	private void requireMayManageAbsences(Actor actor, Person person) {
		var decision = AbsencePolicy.mayManage(actor, person, circles());
		if (!decision.allowed()) {
			throw new BatonException(ProblemType.FORBIDDEN, decision.reason());
		}
	}

	private static void checkRange(LocalDate from, LocalDate to, boolean required) {
		var violations = new Violations();
		if (required) {
			violations.require(from != null, "from", "is required, as a date such as 2026-12-01");
			violations.require(to != null, "to", "is required, as a date such as 2026-12-31");
		}
		if (from != null && to != null) {
			violations.require(!to.isBefore(from), "to", "must be on or after from " + from);
			if (required) {
				violations.require(ChronoUnit.DAYS.between(from, to) < MAX_CALENDAR_DAYS, "to",
						"must be less than " + MAX_CALENDAR_DAYS + " days after from");
			}
		}
		violations.throwIfAny();
	}

	private static boolean isExclusionViolation(Throwable e) {
		for (var t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	// checks ----------------------------------------------------------------------------------

	private static void checkBoardKey(String key, Violations violations) {
		violations.matches(key, BOARD_KEY, "key", "must be 2 to 64 lower-case letters, digits or dashes");
	}

	private static void checkBoardFields(String name, String engagementModel, Violations violations) {
		violations.text(name, "name", 200).text(engagementModel, "engagementModel", 100);
	}

	private void checkRegion(String regionKey, String field, boolean required, Violations violations) {
		if (regionKey == null) {
			violations.require(!required, field, "is required");
		} else if (repository.region(regionKey).isEmpty()) {
			violations.add(field, "is not a known region: " + regionKey);
		}
	}

	/**
	 * Turns a calendar request into a calendar, or null when it is wrong. A {@code complete} one (a
	 * replacement) needs hours and holidays; on create they default to Monday to Friday 09:00-17:00
	 * and none.
	 */
	private static BusinessCalendar calendar(CalendarChange change, String prefix, boolean complete,
			Violations violations) {
		violations.timeZone(change.zone(), prefix + "zone");
		var hours = new EnumMap<DayOfWeek, BusinessCalendar.WorkingHours>(DayOfWeek.class);
		if (change.hours() == null) {
			violations.require(!complete, prefix + "hours",
					"is required: working hours per weekday, such as {\"MONDAY\": {\"start\": \"09:00\", \"end\": \"17:00\"}}");
		} else {
			change.hours().forEach((day, range) -> {
				if (range == null) {
					return;
				}
				var field = prefix + "hours." + day;
				if (range.start() == null || range.end() == null) {
					violations.add(field, "needs both start and end, such as 09:00 and 17:00");
				} else if (!range.end().isAfter(range.start())) {
					violations.add(field, "must end after it starts, but was " + range.start() + "-" + range.end());
				} else {
					hours.put(day, new BusinessCalendar.WorkingHours(range.start(), range.end()));
				}
			});
			if (hours.isEmpty() && !violations.errors().stream().anyMatch(e -> e.field().startsWith(prefix + "hours."))) {
				violations.add(prefix + "hours", "must open on at least one weekday");
			}
		}
		var holidays = new TreeMap<LocalDate, String>();
		if (change.holidays() == null) {
			violations.require(!complete, prefix + "holidays", "is required; send {} for no holidays");
		} else {
			change.holidays().forEach((day, name) -> {
				if (name == null || name.isBlank() || name.strip().length() > 200) {
					violations.add(prefix + "holidays." + day, "must be a name of 1 to 200 characters");
				} else {
					holidays.put(day, name.strip());
				}
			});
		}
		if (!violations.isEmpty()) {
			return null;
		}
		var zone = ZoneId.of(change.zone());
		if (change.hours() == null) {
			var standard = BusinessCalendar.standard(zone);
			return new BusinessCalendar(zone, standard.hours(), holidays);
		}
		return new BusinessCalendar(zone, hours, holidays);
	}

	private void checkPerson(UUID id, PersonDetails details, Violations violations) {
		violations.text(details.name(), "name", 200).email(details.email(), "email").text(details.title(), "title", 200)
				.require(details.role() != null, "role", "is required");
		if (details.role() == Role.SA) {
			violations.require(details.seniority() != null, "seniority", "is required for an SA");
		}
		if (details.role() == Role.AE) {
			violations.require(details.segment() != null, "segment", "is required for an AE");
		}
		checkRegion(details.regionKey(), "regionKey", false, violations);
		violations.timeZone(details.timeZone(), "timeZone");
		if (details.managerId() != null) {
			if (details.managerId().equals(id)) {
				violations.add("managerId", "must be someone else: a person cannot manage themselves");
			} else if (repository.person(details.managerId()).isEmpty()) {
				violations.add("managerId", "is not a known person: " + details.managerId());
			} else if (reportsTo(details.managerId(), id)) {
				violations.add("managerId", "would make a reporting cycle: " + details.managerId()
						+ " already reports (directly or not) to this person");
			}
		}
		if (details.userId() != null && !userExists(details.userId())) {
			violations.add("userId", "is not a known user account: " + details.userId());
		}
	}

	/** Whether {@code person} reports to {@code manager} through the chain of managers. */
	private boolean reportsTo(UUID person, UUID manager) {
		var managers = new LinkedHashMap<UUID, UUID>();
		repository.people(null).forEach(p -> managers.put(p.id(), p.managerId()));
		var seen = new HashSet<UUID>();
		for (var next = managers.get(person); next != null && seen.add(next); next = managers.get(next)) {
			if (next.equals(manager)) {
				return true;
			}
		}
		return false;
	}

	private boolean userExists(UUID userId) {
		try {
			users.find(userId);
			return true;
		} catch (BatonException e) {
			// the refusal that follows rolls the transaction back, as the failed lookup asks for
			return false;
		}
	}

	private static void checkSkills(Map<String, SkillLevel> skills, String prefix, Violations violations) {
		skills.forEach((skill, level) -> {
			var field = prefix.isEmpty() ? String.valueOf(skill) : prefix + "." + skill;
			if (skill == null || !SKILL.matcher(skill).matches()) {
				violations.add(field,
						"skill names are 1 to 64 lower-case letters, digits or . + # -, such as kubernetes or ci-cd");
			} else if (level == null) {
				violations.add(field, "needs a level: BASIC, WORKING or EXPERT");
			}
		});
	}

	private void checkRoleFitsCircles(Person current, Role role) {
		if (current.role() == role) {
			return;
		}
		for (var circle : circles()) {
			if (circle.memberIds().contains(current.id()) && role != Role.SA) {
				throw new BatonException(OrganisationProblems.PERSON_IN_CIRCLE, current.name() + " is a member of "
						+ circle.name() + " and must stay an SA; remove them from the circle first");
			}
			if (circle.servedAeIds().contains(current.id()) && role != Role.AE) {
				throw new BatonException(OrganisationProblems.PERSON_IN_CIRCLE, current.name() + " is served by "
						+ circle.name() + " and must stay an AE; remove them from the circle first");
			}
			if (current.id().equals(circle.managerId()) && role != Role.SA_MANAGER) {
				throw new BatonException(OrganisationProblems.PERSON_IN_CIRCLE, current.name() + " manages "
						+ circle.name() + " and must stay an SA manager; give the circle another manager first");
			}
		}
	}

	private void checkCircle(CircleDetails details, Violations violations) {
		violations.text(details.name(), "name", 100);
		if (details.boardKey() == null) {
			violations.add("boardKey", "is required");
		} else if (repository.board(details.boardKey()).isEmpty()) {
			violations.add("boardKey", "is not a known board: " + details.boardKey());
		}
		if (details.managerId() != null) {
			var manager = repository.person(details.managerId());
			if (manager.isEmpty()) {
				violations.add("managerId", "is not a known person: " + details.managerId());
			} else if (manager.get().role() != Role.SA_MANAGER) {
				violations.add("managerId", "must be an SA manager, but " + manager.get().name() + " is "
						+ manager.get().role());
			}
		}
		violations.optionalText(details.chatChannel(), "chatChannel", 100).httpUrl(
				blankToNull(details.chatWebhookUrl()), "chatWebhookUrl");
	}

	private void checkPeople(List<UUID> ids, String field, Role role, Violations violations) {
		var seen = new HashSet<UUID>();
		for (int i = 0; i < ids.size(); i++) {
			var id = ids.get(i);
			var indexed = field + "[" + i + "]";
			if (id == null) {
				violations.add(indexed, "must be a person id");
				continue;
			}
			if (!seen.add(id)) {
				violations.add(indexed, "is listed twice: " + id);
				continue;
			}
			var person = repository.person(id);
			if (person.isEmpty()) {
				violations.add(indexed, "is not a known person: " + id);
			} else if (person.get().role() != role) {
				violations.add(indexed, "must be an " + role + ", but " + person.get().name() + " is "
						+ person.get().role());
			}
		}
	}

	/** Refuses SAs who are members of another circle and AEs served by another circle, naming it. */
	private void checkNotElsewhere(UUID circleId, List<UUID> memberIds, List<UUID> aeIds) {
		for (var circle : circles()) {
			if (circle.id().equals(circleId)) {
				continue;
			}
			for (var member : memberIds) {
				if (circle.memberIds().contains(member)) {
					throw new BatonException(OrganisationProblems.SA_IN_ANOTHER_CIRCLE, person(member).name()
							+ " is a member of " + circle.name() + "; an SA is in one circle only",
							List.of(), Map.of("personId", member, "circleId", circle.id()));
				}
			}
			for (var ae : aeIds) {
				if (circle.servedAeIds().contains(ae)) {
					throw new BatonException(OrganisationProblems.AE_SERVED_ELSEWHERE, person(ae).name()
							+ " is served by " + circle.name() + "; an AE is served by one circle only",
							List.of(), Map.of("personId", ae, "circleId", circle.id()));
				}
			}
		}
	}

	/** The conflict a unique index reported: a concurrent writer got there first. */
	private static BatonException circleConflict(DuplicateKeyException e, Circle circle) {
		var message = rootMessage(e);
		if (message.contains("circle_member_one_circle_uk")) {
			return new BatonException(OrganisationProblems.SA_IN_ANOTHER_CIRCLE,
					"One of the SAs was just added to another circle; an SA is in one circle only");
		}
		if (message.contains("circle_served_ae_one_circle_uk")) {
			return new BatonException(OrganisationProblems.AE_SERVED_ELSEWHERE,
					"One of the AEs was just given to another circle; an AE is served by one circle only");
		}
		return new BatonException(OrganisationProblems.CIRCLE_NAME_TAKEN,
				"Another circle is already called " + circle.name());
	}

	private void insertPerson(Person person) {
		try {
			repository.insert(person);
		} catch (DuplicateKeyException e) {
			throw personConflict(e, person);
		}
	}

	private static BatonException personConflict(DuplicateKeyException e, Person person) {
		if (rootMessage(e).contains("user_id")) {
			return new BatonException(OrganisationProblems.USER_ALREADY_LINKED,
					"User account " + person.userId() + " is already linked to another person");
		}
		return new BatonException(OrganisationProblems.PERSON_EMAIL_TAKEN,
				"Another person already has the e-mail address " + person.email());
	}

	private static String rootMessage(Throwable throwable) {
		var root = throwable;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** Audit details that may hold nulls, in the order given. */
	private static Map<String, Object> details(Object... keysAndValues) {
		var map = new LinkedHashMap<String, Object>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static Map<String, Object> personDetails(Person person) {
		return details("name", person.name(), "email", person.email(), "title", person.title(), "role",
				person.role().name(), "seniority", person.seniority() == null ? null : person.seniority().name(),
				"segment", person.segment() == null ? null : person.segment().name(), "region", person.regionKey(),
				"timeZone", person.timeZone().getId(), "manager", person.managerId(), "user", person.userId());
	}

	private static Map<String, String> skillsText(Map<String, SkillLevel> skills) {
		var text = new TreeMap<String, String>();
		skills.forEach((skill, level) -> text.put(skill, level.name()));
		return text;
	}

	private static Map<String, String> hoursText(BusinessCalendar calendar) {
		var text = new LinkedHashMap<String, String>();
		calendar.hours().forEach((day, h) -> text.put(day.name(), h.start() + "-" + h.end()));
		return text;
	}

	private static Map<String, String> holidaysText(BusinessCalendar calendar) {
		var text = new LinkedHashMap<String, String>();
		calendar.holidays().forEach((day, name) -> text.put(day.toString(), name));
		return text;
	}
	// reads by id, for pages and operations whose cost must not grow with the organisation ------

	/** The people with these ids, with their skills, in one statement; unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<Person> peopleById(java.util.Collection<UUID> ids) {
		return repository.peopleById(new java.util.LinkedHashSet<>(ids));
	}

	/** The circles with these ids, in one statement; unknown ids are left out. */
	@Transactional(readOnly = true)
	public List<Circle> circlesById(java.util.Collection<UUID> ids) {
		return repository.circlesByIdOrMember(new java.util.LinkedHashSet<>(ids), List.of());
	}

	/**
	 * The circles with these ids and the circles the given people are members of, in one
	 * statement: what an assignment needs (the request's circle and the assignee's).
	 */
	@Transactional(readOnly = true)
	public List<Circle> circlesByIdOrMember(java.util.Collection<UUID> circleIds, java.util.Collection<UUID> memberIds) {
		return repository.circlesByIdOrMember(new java.util.LinkedHashSet<>(circleIds),
				new java.util.LinkedHashSet<>(memberIds));
	}
}
