package dev.baton.organisation;

import static dev.baton.organisation.Changes.details;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.domain.Violations;
import dev.baton.organisation.jdbc.BoardRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.Versions;

/**
 * Triage boards with their business calendars and holidays. Every change is validated whole (one
 * refusal names every wrong field), names the version it read, and is audited in its transaction.
 */
@Service
public class Boards {

	static final Pattern BOARD_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");

	private final BoardRepository repository;
	private final Regions regions;
	private final AuditLog audit;

	Boards(BoardRepository repository, Regions regions, AuditLog audit) {
		this.repository = repository;
		this.regions = regions;
		this.audit = audit;
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

	@Transactional
	public Board addBoard(Board board) {
		var violations = new Violations();
		checkKey(board.key(), violations);
		checkFields(board.name(), board.engagementModel(), violations);
		regions.check(board.regionKey(), "regionKey", true, violations);
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
		checkKey(request.key(), violations);
		checkFields(request.name(), request.engagementModel(), violations);
		regions.check(request.regionKey(), "regionKey", true, violations);
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

	/** Whether a board exists, for the checks of circles that name one. */
	boolean exists(String key) {
		return repository.board(key).isPresent();
	}

	@Transactional
	public Board updateBoard(String key, BoardChange change, int expectedVersion) {
		var current = board(key);
		var violations = new Violations();
		checkFields(change.name(), change.engagementModel(), violations);
		violations.throwIfAny();
		if (!repository.update(key, change.name().strip(), change.engagementModel().strip(), expectedVersion)) {
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

	private static void checkKey(String key, Violations violations) {
		violations.matches(key, BOARD_KEY, "key", "must be 2 to 64 lower-case letters, digits or dashes");
	}

	private static void checkFields(String name, String engagementModel, Violations violations) {
		violations.text(name, "name", 200).text(engagementModel, "engagementModel", 100);
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
}
