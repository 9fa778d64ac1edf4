package dev.baton.organisation;

import static dev.baton.organisation.Changes.details;

import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.identity.UserDirectory;
import dev.baton.identity.UserId;
import dev.baton.organisation.domain.Violations;
import dev.baton.organisation.jdbc.CircleRepository;
import dev.baton.organisation.jdbc.PersonRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.Versions;

/**
 * The people of the go-to-market team and their skills. Every read reads only the people asked
 * for; every change is validated whole, names the version it read and is audited.
 */
@Service
public class People {

	static final Pattern SKILL = Pattern.compile("[a-z0-9][a-z0-9.+#-]{0,63}");

	private final PersonRepository repository;
	private final CircleRepository circles;
	private final Regions regions;
	private final AuditLog audit;
	private final UserDirectory users;

	People(PersonRepository repository, CircleRepository circles, Regions regions, AuditLog audit,
			UserDirectory users) {
		this.repository = repository;
		this.circles = circles;
		this.regions = regions;
		this.audit = audit;
		this.users = users;
	}

	/** Everything about a person but their skills; {@code userId} links a login and may be null. */
	public record PersonDetails(String name, String email, String title, Role role, Seniority seniority,
			Segment segment, String regionKey, String timeZone, UUID managerId, UUID userId) {
	}

	@Transactional
	public Person addPerson(Person person) {
		var violations = new Violations();
		check(person.id(), new PersonDetails(person.name(), person.email(), person.title(), person.role(),
				person.seniority(), person.segment(), person.regionKey(),
				person.timeZone() == null ? null : person.timeZone().getId(), person.managerId(), person.userId()),
				violations);
		checkSkills(person.skills(), "skills", violations);
		violations.throwIfAny();
		var stored = new Person(person.id(), person.userId(), person.name().strip(), person.email().strip(),
				person.title().strip(), person.role(), person.seniority(), person.segment(), person.regionKey(),
				person.timeZone(), person.managerId(), person.skills(), 0);
		try {
			repository.insert(stored);
		} catch (DuplicateKeyException e) {
			throw conflict(e, stored);
		}
		audit.record("person.created", "person", stored.id(), null, audited(stored));
		return stored;
	}

	/** Creates a person from an API request, checking every field at once. */
	@Transactional
	public Person createPerson(PersonDetails details, Map<String, SkillLevel> skills) {
		var id = UUID.randomUUID();
		var violations = new Violations();
		check(id, details, violations);
		checkSkills(skills == null ? Map.of() : skills, "skills", violations);
		violations.throwIfAny();
		return addPerson(new Person(id, details.userId(), details.name(), details.email(), details.title(),
				details.role(), details.seniority(), details.segment(), details.regionKey(), ZoneId.of(details.timeZone()),
				details.managerId(), skills == null ? Map.of() : skills, 0));
	}

	@Transactional
	public Person updatePerson(PersonId personId, PersonDetails details, int expectedVersion) {
		var current = person(personId);
		var id = personId.value();
		var violations = new Violations();
		check(id, details, violations);
		violations.throwIfAny();
		checkRoleFitsCircles(current, details.role());
		var updated = new Person(id, details.userId(), details.name().strip(), details.email().strip(),
				details.title().strip(), details.role(), details.seniority(), details.segment(), details.regionKey(),
				ZoneId.of(details.timeZone()), details.managerId(), current.skills(), expectedVersion + 1);
		if (!store(updated, expectedVersion)) {
			throw Versions.stale("Person", id, expectedVersion);
		}
		var audited = audited(updated);
		audited.put("previous", audited(current));
		audit.record("person.updated", "person", id, null, audited);
		return person(personId);
	}

	/** Replaces every skill of a person with the given ones. */
	@Transactional
	public Person replaceSkills(PersonId personId, Map<String, SkillLevel> skills, int expectedVersion) {
		var current = person(personId);
		var id = personId.value();
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
		return person(personId);
	}

	/** Everyone, or everyone of one role, by name. */
	@Transactional(readOnly = true)
	public List<Person> people(Role role) {
		return repository.people(role);
	}

	/** A person as a list shows them: with their manager's name. */
	public record Listed(Person person, String managerName) {
	}

	/** One page of everyone, or of everyone of one role, by name regardless of case, with their managers. */
	@Transactional(readOnly = true)
	public dev.baton.platform.Page<Listed> page(Role role, dev.baton.platform.Page.Request request) {
		return repository.page(role, request).map(l -> new Listed(l.person(), l.managerName()));
	}

	/** The people with the given ids that exist, by name, in one statement. */
	@Transactional(readOnly = true)
	public List<Person> peopleWithIds(Collection<PersonId> ids) {
		return repository.people(ids.stream().map(PersonId::value).toList());
	}

	@Transactional(readOnly = true)
	public Person person(PersonId id) {
		return repository.person(id).orElseThrow(() -> BatonException.notFound("Person", id));
	}

	/** A person, if they exist; unlike {@link #person(PersonId)} this does not refuse. */
	@Transactional(readOnly = true)
	public Optional<Person> findPerson(PersonId id) {
		return repository.person(id);
	}

	/** The person with an e-mail address, compared ignoring case. */
	@Transactional(readOnly = true)
	public Optional<Person> personByEmail(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		return repository.personByEmail(email.strip());
	}

	@Transactional(readOnly = true)
	public Optional<Person> personForUser(UserId user) {
		var userId = user.value();
		return repository.personByUser(userId);
	}

	/** The person behind a login, by its username (the signed-in caller's name), if one is linked. */
	@Transactional(readOnly = true)
	public Optional<Person> personForUsername(String username) {
		return users.findByUsername(username).flatMap(account -> repository.personByUser(account.id()));
	}

	private void check(UUID id, PersonDetails details, Violations violations) {
		violations.text(details.name(), "name", 200).email(details.email(), "email").text(details.title(), "title", 200)
				.require(details.role() != null, "role", "is required");
		if (details.role() == Role.SA) {
			violations.require(details.seniority() != null, "seniority", "is required for an SA");
		}
		if (details.role() == Role.AE) {
			violations.require(details.segment() != null, "segment", "is required for an AE");
		}
		regions.check(details.regionKey(), "regionKey", false, violations);
		violations.timeZone(details.timeZone(), "timeZone");
		if (details.managerId() != null) {
			if (details.managerId().equals(id)) {
				violations.add("managerId", "must be someone else: a person cannot manage themselves");
			} else if (repository.person(PersonId.of(details.managerId())).isEmpty()) {
				violations.add("managerId", "is not a known person: " + details.managerId());
			} else if (repository.reportsTo(PersonId.of(details.managerId()), PersonId.of(id))) {
				violations.add("managerId", "would make a reporting cycle: " + details.managerId()
						+ " already reports (directly or not) to this person");
			}
		}
		if (details.userId() != null && !userExists(details.userId())) {
			violations.add("userId", "is not a known user account: " + details.userId());
		}
	}

	private boolean userExists(UUID userId) {
		try {
			users.find(UserId.of(userId));
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

	/** Refuses a role change that no longer fits a circle the person is in, serves or manages. */
	private void checkRoleFitsCircles(Person current, Role role) {
		if (current.role() == role) {
			return;
		}
		for (var circle : circles.circlesOf(PersonId.of(current.id()))) {
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

	/** Writes the changed person if its stored version is the expected one; a unique index's refusal is a conflict. */
	private boolean store(Person person, int expectedVersion) {
		try {
			return repository.update(person, expectedVersion);
		} catch (DuplicateKeyException e) {
			throw conflict(e, person);
		}
	}

	private static BatonException conflict(DuplicateKeyException e, Person person) {
		if (Changes.rootMessage(e).contains("user_id")) {
			return new BatonException(OrganisationProblems.USER_ALREADY_LINKED,
					"User account " + person.userId() + " is already linked to another person");
		}
		return new BatonException(OrganisationProblems.PERSON_EMAIL_TAKEN,
				"Another person already has the e-mail address " + person.email());
	}

	private static Map<String, Object> audited(Person person) {
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
}
