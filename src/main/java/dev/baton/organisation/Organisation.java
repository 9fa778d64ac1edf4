package dev.baton.organisation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.baton.identity.Role;
import dev.baton.identity.UserId;

/**
 * The organisation as other modules read it, in one place: a thin facade over {@link Regions},
 * {@link Boards}, {@link People}, {@link Circles} and {@link Absences}, kept so that the modules
 * built on the organisation need one dependency. New code may call the services directly; each
 * method here only delegates.
 */
@Service
public class Organisation {

	private final Regions regions;
	private final Boards boards;
	private final People people;
	private final Circles circles;
	private final Absences absences;

	Organisation(Regions regions, Boards boards, People people, Circles circles, Absences absences) {
		this.regions = regions;
		this.boards = boards;
		this.people = people;
		this.circles = circles;
		this.absences = absences;
	}

	// regions

	public Region addRegion(Region region) {
		return regions.addRegion(region);
	}

	public Region region(String key) {
		return regions.region(key);
	}

	public List<Region> regions() {
		return regions.regions();
	}

	/** Whether the organisation has not been set up yet (no region). */
	public boolean isEmpty() {
		return regions.isEmpty();
	}

	// boards

	public Board addBoard(Board board) {
		return boards.addBoard(board);
	}

	public List<Board> boards() {
		return boards.boards();
	}

	public Board board(String key) {
		return boards.board(key);
	}

	// people

	public Person addPerson(Person person) {
		return people.addPerson(person);
	}

	/** Everyone, or everyone of one role, by name. */
	public List<Person> people(Role role) {
		return people.people(role);
	}

	public Person person(PersonId id) {
		return people.person(id);
	}

	/** A person, if they exist; unlike {@link #person(PersonId)} this does not refuse. */
	public Optional<Person> findPerson(PersonId id) {
		return people.findPerson(id);
	}

	/** The person with an e-mail address, compared ignoring case. */
	public Optional<Person> personByEmail(String email) {
		return people.personByEmail(email);
	}

	public Optional<Person> personForUser(UserId user) {
		var userId = user.value();
		return people.personForUser(UserId.of(userId));
	}

	/** The person behind a login, by its username, if one is linked. */
	public Optional<Person> personForUsername(String username) {
		return people.personForUsername(username);
	}

	// circles

	public Circle addCircle(Circle circle) {
		return circles.addCircle(circle);
	}

	public List<Circle> circles() {
		return circles.circles();
	}

	/** One circle, read by its id alone. */
	public Circle circle(CircleId id) {
		return circles.circle(id);
	}

	/** The circles on one board, by name, read without the others. */
	public List<Circle> circlesOnBoard(String boardKey) {
		return circles.circlesOnBoard(boardKey);
	}

	/** The circle that serves an AE, if any. */
	public Optional<Circle> circleServing(PersonId aeId) {
		return circles.circleServing(aeId);
	}

	/** The circle an SA is a member of, if any. */
	public Optional<Circle> circleOfMember(PersonId personId) {
		return circles.circleOfMember(personId);
	}

	// absences

	/** A person's absences touching {@code from} to {@code to} (inclusive), notes included. */
	public List<Absence> absencesOf(PersonId personId, LocalDate from, LocalDate to) {
		return absences.absencesOf(personId, from, to);
	}

	/**
	 * The absences of several people touching {@code from} to {@code to}, in one statement, by the
	 * plain person id that {@link Absence#personId()} carries.
	 */
	public Map<UUID, List<Absence>> absencesOf(Collection<PersonId> personIds, LocalDate from, LocalDate to) {
		return absences.absencesOf(personIds, from, to);
	}

	/** Whether a person is away (PTO or sick) on a day. */
	public boolean isAbsent(PersonId personId, LocalDate day) {
		return absences.isAbsent(personId, day);
	}

	/** The absences of a circle's members within {@code from} to {@code to}, notes as the reader may see them. */
	public List<Absence> circleAbsences(CircleId circleId, LocalDate from, LocalDate to, Actor reader) {
		return absences.circleAbsences(circleId, from, to, reader);
	}
	// reads by id, for pages and operations whose cost must not grow with the organisation

	/** The people with these ids, by name, with their skills, in one statement; unknown ids are left out. */
	public List<Person> peopleById(Collection<PersonId> ids) {
		return people.peopleWithIds(ids);
	}

	/** The circles with these ids, in one statement; unknown ids are left out. */
	public List<Circle> circlesById(Collection<CircleId> ids) {
		return circles.circlesByIdOrMember(ids, List.of());
	}

	/**
	 * The circles with these ids and the circles the given people are members of, in one
	 * statement: what an assignment needs (the request's circle and the assignee's).
	 */
	public List<Circle> circlesByIdOrMember(Collection<CircleId> circleIds, Collection<PersonId> memberIds) {
		return circles.circlesByIdOrMember(circleIds, memberIds);
	}

	/**
	 * The AEs whose deals the caller works on: the caller, and the AEs served by the circles the
	 * caller is a member or the manager of; one statement, whatever the size of the organisation.
	 */
	public Set<UUID> dealOwnersWorkedBy(CallContext caller) {
		var owners = new HashSet<UUID>();
		if (caller.person() == null) {
			return owners;
		}
		owners.add(caller.personId());
		var theirs = new HashSet<CircleId>();
		caller.memberOf().forEach(id -> theirs.add(CircleId.of(id)));
		caller.manages().forEach(id -> theirs.add(CircleId.of(id)));
		if (!theirs.isEmpty()) {
			circlesById(theirs).forEach(circle -> owners.addAll(circle.servedAeIds()));
		}
		return owners;
	}
}
