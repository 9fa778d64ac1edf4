package dev.baton.assignment.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.baton.assignment.AssignmentProperties;
import dev.baton.organisation.Absence;
import dev.baton.organisation.BusinessCalendar;

/**
 * How much an SA can still take on: their capacity over the horizon (the configured units per SA,
 * reduced by the share of the horizon's working days on the board's calendar they are away or
 * committed to field days, POV days from the requests they hold) against their weighted open load,
 * as a status.
 */
public record CapacityPolicy(AssignmentProperties.Capacity settings) {

	public CapacityPolicy {
		Objects.requireNonNull(settings, "settings");
	}

	/** Where an SA stands, as the circle's managers steer by it. */
	public enum Status {
		AVAILABLE("Available"), STRETCHED("Stretched"), AT_CAPACITY("At capacity"), OUT("Out");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/**
	 * An SA's capacity picture.
	 *
	 * @param workingDays the board's working days in the horizon, today included
	 * @param daysOut those of them the SA is away
	 * @param fieldDays those of them, not already away, the SA spends on a POV they hold
	 * @param capacity load units the SA can carry over the horizon after absences
	 * @param headroom capacity minus load, never below 0
	 */
	public record Capacity(double load, double capacity, double headroom, int workingDays, int daysOut, int fieldDays,
			boolean outToday, Status status, List<String> reasons) {

		public Capacity {
			reasons = List.copyOf(reasons);
		}
	}

	public Capacity assess(double load, List<Absence> absences, BusinessCalendar calendar, LocalDate today) {
		return assess(load, absences, java.util.Set.of(), calendar, today);
	}

	/**
	 * @param committedDays days the SA is committed to field work (POV days of requests they hold);
	 * each working day of the horizon among them that is not already an absence day counts as a field day
	 */
	public Capacity assess(double load, List<Absence> absences, java.util.Set<LocalDate> committedDays, BusinessCalendar calendar,
			LocalDate today) {
		int workingDays = 0;
		int daysOut = 0;
		int fieldDays = 0;
		for (int i = 0; i < settings.horizonDays(); i++) {
			var day = today.plusDays(i);
			if (calendar.isWorkingDay(day)) {
				workingDays++;
				if (absentOn(absences, day)) {
					daysOut++;
				} else if (committedDays.contains(day)) {
					fieldDays++;
				}
			}
		}
		var share = workingDays == 0 ? 1.0 : (workingDays - daysOut - fieldDays) / (double) workingDays;
		var capacity = settings.unitsPerSa() * share;
		var reasons = new ArrayList<String>();
		Absence awayToday = null;
		for (var absence : absences) {
			if (absence.covers(today)) {
				awayToday = absence;
			}
		}
		Status status;
		if (awayToday != null) {
			status = Status.OUT;
			reasons.add("out today: " + AbsenceFilter.describe(awayToday));
		} else if (load >= capacity) {
			status = Status.AT_CAPACITY;
		} else if (load >= settings.stretchedShare() * capacity) {
			status = Status.STRETCHED;
		} else {
			status = Status.AVAILABLE;
		}
		if (daysOut > 0) {
			reasons.add(Texts.count(daysOut, "working day", "working days") + " out in the next " + settings.horizonDays()
					+ " days");
		}
		if (fieldDays > 0) {
			reasons.add(Texts.count(fieldDays, "POV day", "POV days") + " in the next " + settings.horizonDays() + " days");
		}
		reasons.add("load " + Texts.number(load) + " of capacity " + Texts.number(capacity));
		return new Capacity(Texts.round(load), Texts.round(capacity), Texts.round(Math.max(0, capacity - load)),
				workingDays, daysOut, fieldDays, awayToday != null, status, reasons);
	}

	private static boolean absentOn(List<Absence> absences, LocalDate day) {
		for (var absence : absences) {
			if (absence.covers(day)) {
				return true;
			}
		}
		return false;
	}
}
