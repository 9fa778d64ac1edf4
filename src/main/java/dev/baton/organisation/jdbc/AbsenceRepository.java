package dev.baton.organisation.jdbc;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.baton.organisation.PersonId;
import dev.baton.organisation.CircleId;
import dev.baton.organisation.Absence;

/** Absences in PostgreSQL; an exclusion constraint keeps one person's absences from overlapping. */
@Repository
public class AbsenceRepository {

	private final JdbcClient jdbc;

	AbsenceRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(Absence absence) {
		jdbc.sql("""
				INSERT INTO absence (id, person_id, kind, start_date, end_date, note, created_by, created_at)
				VALUES (:id, :person, :kind, :start, :end, :note, :createdBy, :createdAt)
				""")
				.param("id", absence.id()).param("person", absence.personId()).param("kind", absence.kind().name())
				.param("start", absence.startDate()).param("end", absence.endDate()).param("note", absence.note())
				.param("createdBy", absence.createdBy()).param("createdAt", Timestamp.from(absence.createdAt()))
				.update();
	}

	public boolean delete(UUID personId, UUID absenceId) {
		return jdbc.sql("DELETE FROM absence WHERE id = :id AND person_id = :person").param("id", absenceId)
				.param("person", personId).update() == 1;
	}

	public Optional<Absence> absence(UUID personId, UUID absenceId) {
		return jdbc.sql("SELECT * FROM absence WHERE id = :id AND person_id = :person").param("id", absenceId)
				.param("person", personId).query(AbsenceRowMapper.INSTANCE).optional();
	}

	/** A person's absences that touch the inclusive range (either end may be open: null), earliest first. */
	public List<Absence> absences(PersonId personId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT * FROM absence
				WHERE person_id = :person
				  AND (CAST(:to AS date) IS NULL OR start_date <= :to)
				  AND (CAST(:from AS date) IS NULL OR end_date >= :from)
				ORDER BY start_date, end_date
				""")
				.param("person", personId.value()).param("from", from).param("to", to).query(AbsenceRowMapper.INSTANCE)
				.list();
	}

	/** The absences of several people that touch the inclusive range, earliest first, in one statement. */
	public List<Absence> absences(Collection<PersonId> personIds, LocalDate from, LocalDate to) {
		if (personIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT * FROM absence
				WHERE person_id IN (:people) AND start_date <= :to AND end_date >= :from
				ORDER BY start_date, end_date, person_id
				""")
				.param("people", personIds.stream().map(PersonId::value).toList()).param("from", from).param("to", to)
				.query(AbsenceRowMapper.INSTANCE).list();
	}

	/** The absences of a circle's members that touch the inclusive range, earliest first. */
	public List<Absence> circleAbsences(CircleId circleId, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT a.* FROM absence a JOIN circle_member m ON m.person_id = a.person_id
				WHERE m.circle_id = :circle AND a.start_date <= :to AND a.end_date >= :from
				ORDER BY a.start_date, a.end_date, a.person_id
				""")
				.param("circle", circleId.value()).param("from", from).param("to", to).query(AbsenceRowMapper.INSTANCE).list();
	}
}
