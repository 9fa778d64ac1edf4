package dev.baton.organisation;

import static dev.baton.organisation.Changes.blankToNull;
import static dev.baton.organisation.Changes.details;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.organisation.domain.Violations;
import dev.baton.organisation.jdbc.CircleRepository;
import dev.baton.organisation.jdbc.PersonRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.Versions;

/**
 * Circles of SAs, the AEs they serve and their manager. An SA is a member of one circle only and
 * an AE is served by one circle only (unique indexes hold it under concurrent writers too). A
 * circle read by id, by member or by served AE reads that circle only.
 */
@Service
public class Circles {

	private final CircleRepository repository;
	private final PersonRepository people;
	private final Boards boards;
	private final AuditLog audit;

	Circles(CircleRepository repository, PersonRepository people, Boards boards, AuditLog audit) {
		this.repository = repository;
		this.people = people;
		this.boards = boards;
		this.audit = audit;
	}

	/** A circle's own fields: its members and served AEs change separately. */
	public record CircleDetails(String name, String boardKey, UUID managerId, String chatChannel,
			String chatWebhookUrl) {
	}

	@Transactional
	public Circle addCircle(Circle circle) {
		var violations = new Violations();
		check(new CircleDetails(circle.name(), circle.boardKey(), circle.managerId(), circle.chatChannel(),
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
			throw conflict(e, stored);
		}
		audit.record("circle.created", "circle", stored.id(), null, details("name", stored.name(), "board",
				stored.boardKey(), "manager", stored.managerId(), "chatChannel", stored.chatChannel(), "chatWebhook",
				stored.chatWebhookUrl() != null, "members", stored.memberIds(), "servedAes", stored.servedAeIds()));
		return stored;
	}

	/** Creates a circle from an API request; members and served AEs may be empty. */
	@Transactional
	public Circle createCircle(CircleDetails details, List<UUID> memberIds, List<UUID> servedAeIds) {
		var members = memberIds == null ? List.<UUID>of() : memberIds;
		var served = servedAeIds == null ? List.<UUID>of() : servedAeIds;
		var violations = new Violations();
		check(details, violations);
		checkPeople(members, "memberIds", Role.SA, violations);
		checkPeople(served, "servedAeIds", Role.AE, violations);
		violations.throwIfAny();
		return addCircle(new Circle(UUID.randomUUID(), details.name(), details.boardKey(), details.managerId(),
				details.chatChannel(), details.chatWebhookUrl(), members, served, 0));
	}

	/** Renames a circle, moves it to a board, or sets its manager, chat channel and webhook. */
	@Transactional
	public Circle updateCircle(CircleId circleId, CircleDetails details, int expectedVersion) {
		var current = circle(circleId);
		var id = circleId.value();
		var violations = new Violations();
		check(details, violations);
		violations.throwIfAny();
		var updated = new Circle(id, details.name().strip(), details.boardKey(), details.managerId(),
				blankToNull(details.chatChannel()), blankToNull(details.chatWebhookUrl()), current.memberIds(),
				current.servedAeIds(), expectedVersion + 1);
		if (!store(updated, expectedVersion)) {
			throw Versions.stale("Circle", id, expectedVersion);
		}
		audit.record("circle.updated", "circle", id, null, details("name", updated.name(), "previousName",
				current.name(), "board", updated.boardKey(), "previousBoard", current.boardKey(), "manager",
				updated.managerId(), "previousManager", current.managerId(), "chatChannel", updated.chatChannel(),
				"chatWebhookChanged", !Objects.equals(updated.chatWebhookUrl(), current.chatWebhookUrl())));
		return circle(circleId);
	}

	/** Sets who is in a circle; an SA may be in one circle only. */
	@Transactional
	public Circle replaceMembers(CircleId circleId, List<UUID> memberIds, int expectedVersion) {
		var current = circle(circleId);
		var id = circleId.value();
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
			throw conflict(e, current);
		}
		audit.record("circle.members-replaced", "circle", id, null,
				details("members", memberIds, "previousMembers", current.memberIds()));
		return circle(circleId);
	}

	/** Sets which AEs a circle serves; an AE is served by one circle only. */
	@Transactional
	public Circle replaceServedAes(CircleId circleId, List<UUID> aeIds, int expectedVersion) {
		var current = circle(circleId);
		var id = circleId.value();
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
			throw conflict(e, current);
		}
		audit.record("circle.served-aes-replaced", "circle", id, null,
				details("servedAes", aeIds, "previousServedAes", current.servedAeIds()));
		return circle(circleId);
	}

	/** Every circle, by name. */
	@Transactional(readOnly = true)
	public List<Circle> circles() {
		return repository.circles();
	}

	/** One circle, read by its id alone. */
	@Transactional(readOnly = true)
	public Circle circle(CircleId id) {
		return repository.circle(id).orElseThrow(() -> BatonException.notFound("Circle", id));
	}

	/** The circles with these ids and those the given people are members of, in one statement. */
	@Transactional(readOnly = true)
	public List<Circle> circlesByIdOrMember(java.util.Collection<CircleId> circleIds,
			java.util.Collection<PersonId> memberIds) {
		return repository.circlesByIdOrMember(circleIds.stream().map(CircleId::value).toList(),
				memberIds.stream().map(PersonId::value).toList());
	}

	/** The circles on one board, by name. */
	@Transactional(readOnly = true)
	public List<Circle> circlesOnBoard(String boardKey) {
		return repository.circlesOnBoard(boardKey);
	}

	/** The circle that serves an AE, if any. */
	@Transactional(readOnly = true)
	public Optional<Circle> circleServing(PersonId aeId) {
		return repository.circleServing(aeId);
	}

	/** The circle an SA is a member of, if any. */
	@Transactional(readOnly = true)
	public Optional<Circle> circleOfMember(PersonId personId) {
		return repository.circleOfMember(personId);
	}

	private void check(CircleDetails details, Violations violations) {
		violations.text(details.name(), "name", 100);
		if (details.boardKey() == null) {
			violations.add("boardKey", "is required");
		} else if (!boards.exists(details.boardKey())) {
			violations.add("boardKey", "is not a known board: " + details.boardKey());
		}
		if (details.managerId() != null) {
			var manager = people.person(PersonId.of(details.managerId()));
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

	/** Checks each listed id names a person of the role, once; the people are read in one statement. */
	private void checkPeople(List<UUID> ids, String field, Role role, Violations violations) {
		var known = people.people(ids.stream().filter(Objects::nonNull).collect(Collectors.toSet())).stream()
				.collect(Collectors.toMap(Person::id, Function.identity()));
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
			var person = known.get(id);
			if (person == null) {
				violations.add(indexed, "is not a known person: " + id);
			} else if (person.role() != role) {
				violations.add(indexed, "must be an " + role + ", but " + person.name() + " is " + person.role());
			}
		}
	}

	/** Refuses SAs who are members of another circle and AEs served by another circle, naming it. */
	private void checkNotElsewhere(UUID circleId, List<UUID> memberIds, List<UUID> aeIds) {
		for (var circle : repository.circlesHoldingAny(circleId, memberIds, aeIds)) {
			for (var member : memberIds) {
				if (circle.memberIds().contains(member)) {
					throw new BatonException(OrganisationProblems.SA_IN_ANOTHER_CIRCLE, name(member) + " is a member of "
							+ circle.name() + "; an SA is in one circle only", List.of(),
							Map.of("personId", member, "circleId", circle.id()));
				}
			}
			for (var ae : aeIds) {
				if (circle.servedAeIds().contains(ae)) {
					throw new BatonException(OrganisationProblems.AE_SERVED_ELSEWHERE, name(ae) + " is served by "
							+ circle.name() + "; an AE is served by one circle only", List.of(),
							Map.of("personId", ae, "circleId", circle.id()));
				}
			}
		}
	}

	private String name(UUID personId) {
		return people.person(PersonId.of(personId)).map(Person::name).orElse(String.valueOf(personId));
	}

	/** Writes the changed circle if its stored version is the expected one; a unique index's refusal is a conflict. */
	private boolean store(Circle circle, int expectedVersion) {
		try {
			return repository.update(circle, expectedVersion);
		} catch (DuplicateKeyException e) {
			throw conflict(e, circle);
		}
	}

	/** The conflict a unique index reported: a concurrent writer got there first. */
	private static BatonException conflict(DuplicateKeyException e, Circle circle) {
		var message = Changes.rootMessage(e);
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
}
