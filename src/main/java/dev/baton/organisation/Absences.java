package dev.baton.organisation;

import static dev.baton.organisation.Changes.blankToNull;
import static dev.baton.organisation.Changes.details;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.domain.AbsencePolicy;
import dev.baton.organisation.domain.Violations;
import dev.baton.organisation.jdbc.AbsenceRepository;
import dev.baton.organisation.jdbc.CircleRepository;
import dev.baton.organisation.jdbc.PersonRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;

/**
 * PTO and sick days. A person records their own, an SA manager those of their people, an
 * administrator anyone's ({@link AbsencePolicy}); notes are shown only to those who may manage
 * them. One person's absences never overlap (an exclusion constraint holds it).
 */
@Service
public class Absences {

	/** The longest window a circle's absence calendar is read for at once. */
	static final int MAX_CALENDAR_DAYS = 366;

	private final AbsenceRepository repository;
	private final PersonRepository people;
	private final CircleRepository circles;
	private final AuditLog audit;
	private final Clock clock;

	Absences(AbsenceRepository repository, PersonRepository people, CircleRepository circles, AuditLog audit,
			Clock clock) {
		this.repository = repository;
		this.people = people;
		this.circles = circles;
		this.audit = audit;
		this.clock = clock;
	}

	/** Days away to record, both ends inclusive. */
	public record NewAbsence(AbsenceKind kind, LocalDate startDate, LocalDate endDate, String note) {
	}

	/**
	 * Records days a person is away. The person themselves, their SA manager (direct report or
	 * circle member) and administrators may do so; an absence may not overlap another of theirs.
	 */
	@Transactional
	public Absence recordAbsence(PersonId personId, NewAbsence request, Actor actor) {
		var person = person(personId);
		mayManage(actor, person).orThrow(ProblemType.FORBIDDEN);
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
		var absence = new Absence(UUID.randomUUID(), personId.value(), request.kind(), request.startDate(), request.endDate(),
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
		audit.record("absence.recorded", "absence", absence.id(), null, audited(absence));
		return absence;
	}

	@Transactional
	public void removeAbsence(PersonId personId, UUID absenceId, Actor actor) {
		var person = person(personId);
		mayManage(actor, person).orThrow(ProblemType.FORBIDDEN);
		var absence = repository.absence(personId.value(), absenceId)
				.orElseThrow(() -> BatonException.notFound("Absence", absenceId));
		repository.delete(personId.value(), absenceId);
		audit.record("absence.removed", "absence", absenceId, null, audited(absence));
	}

	/**
	 * A person's absences that touch the days {@code from} to {@code to} (inclusive), earliest first,
	 * notes included.
	 *
	 * @throws IllegalArgumentException when {@code to} is before {@code from}
	 */
	@Transactional(readOnly = true)
	public List<Absence> absencesOf(PersonId personId, LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to " + to + " is before from " + from);
		}
		return repository.absences(personId, from, to);
	}

	/**
	 * The absences of several people (a circle's members) that touch {@code from} to {@code to}
	 * (inclusive), by person, earliest first, notes included: one statement whatever their number.
	 * Everyone asked for has an entry, empty when they are not away, under the plain id that
	 * {@link Absence#personId()} carries.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Absence>> absencesOf(Collection<PersonId> personIds, LocalDate from, LocalDate to) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to " + to + " is before from " + from);
		}
		var byPerson = new LinkedHashMap<UUID, List<Absence>>();
		personIds.forEach(id -> byPerson.put(id.value(), new ArrayList<>()));
		repository.absences(personIds, from, to)
				.forEach(absence -> byPerson.get(absence.personId()).add(absence));
		return byPerson;
	}

	/** Whether a person is away (PTO or sick) on a day. */
	@Transactional(readOnly = true)
	public boolean isAbsent(PersonId personId, LocalDate day) {
		return !repository.absences(personId, day, day).isEmpty();
	}

	/**
	 * A person's absences as a reader may see them, optionally within {@code from} to {@code to}:
	 * notes only for those who may manage them.
	 */
	@Transactional(readOnly = true)
	public List<Absence> absencesOf(PersonId personId, LocalDate from, LocalDate to, Actor reader) {
		var person = person(personId);
		checkRange(from, to, false);
		var visible = mayManage(reader, person).isAllowed();
		return repository.absences(personId, from, to).stream().map(a -> visible ? a : a.withoutNote()).toList();
	}

	@Transactional(readOnly = true)
	public Absence absence(PersonId personId, UUID absenceId, Actor reader) {
		var person = person(personId);
		var absence = repository.absence(personId.value(), absenceId)
				.orElseThrow(() -> BatonException.notFound("Absence", absenceId));
		return mayManage(reader, person).isAllowed() ? absence : absence.withoutNote();
	}

	/**
	 * The absences of a circle's members within {@code from} to {@code to} (inclusive), for its
	 * calendar: the circle, its absences and the people away, three statements whatever its size.
	 */
	@Transactional(readOnly = true)
	public List<Absence> circleAbsences(CircleId circleId, LocalDate from, LocalDate to, Actor reader) {
		var circle = circles.circle(circleId).orElseThrow(() -> BatonException.notFound("Circle", circleId));
		checkRange(from, to, true);
		var absences = repository.circleAbsences(circleId, from, to);
		var away = people.people(absences.stream().map(Absence::personId).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Person::id, Function.identity()));
		return absences.stream()
				.map(a -> AbsencePolicy.mayManage(reader, away.get(a.personId()), Optional.of(circle)).isAllowed() ? a
						: a.withoutNote())
				.toList();
	}

	private Person person(PersonId personId) {
		return people.person(personId).orElseThrow(() -> BatonException.notFound("Person", personId));
	}

	/** The absence policy for one person, given the circle they are a member of. */
	private dev.baton.platform.Decision mayManage(Actor actor, Person person) {
		return AbsencePolicy.mayManage(actor, person, circles.circleOfMember(PersonId.of(person.id())));
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
			if (t instanceof SQLException sql && "23P01".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> audited(Absence absence) {
		return details("person", absence.personId(), "kind", absence.kind().name(), "startDate",
				absence.startDate().toString(), "endDate", absence.endDate().toString());
	}
}
