package dev.baton.organisation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.platform.BatonException;

/**
 * Reads and sets up the organisation; every change is audited.
 */
@Service
public class Organisation {

	private final OrganisationRepository repository;
	private final AuditLog audit;

	Organisation(OrganisationRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Transactional
	public Region addRegion(Region region) {
		repository.insert(region);
		audit.record("region.created", "region", region.key(), null, Map.of("name", region.name()));
		return region;
	}

	@Transactional
	public Board addBoard(Board board) {
		repository.insert(board);
		audit.record("board.created", "board", board.key(), null,
				Map.of("name", board.name(), "timeZone", board.calendar().zone().getId()));
		return board;
	}

	@Transactional
	public Person addPerson(Person person) {
		repository.insert(person);
		audit.record("person.created", "person", person.id(), null,
				Map.of("name", person.name(), "role", person.role().name()));
		return person;
	}

	@Transactional
	public Circle addCircle(Circle circle) {
		repository.insert(circle);
		audit.record("circle.created", "circle", circle.id(), null,
				Map.of("name", circle.name(), "board", circle.boardKey(), "members", circle.memberIds().size()));
		return circle;
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
	public List<Board> boards() {
		return repository.boards();
	}

	@Transactional(readOnly = true)
	public Board board(String key) {
		return repository.board(key).orElseThrow(() -> BatonException.notFound("Board", key));
	}

	@Transactional(readOnly = true)
	public List<Person> people(Role role) {
		return repository.people(role);
	}

	@Transactional(readOnly = true)
	public Person person(UUID id) {
		return repository.person(id).orElseThrow(() -> BatonException.notFound("Person", id));
	}

	@Transactional(readOnly = true)
	public Optional<Person> personForUser(UUID userId) {
		return repository.personByUser(userId);
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
}
