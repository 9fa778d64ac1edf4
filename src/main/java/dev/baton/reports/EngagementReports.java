package dev.baton.reports;

import static dev.baton.platform.SpreadsheetText.cell;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.engagement.EngagementFigures;
import dev.baton.judgment.Judgments;
import dev.baton.onsite.OnsiteRequests;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;

/**
 * The engagement reports for managers: time to triage and SLA attainment, load per SA and circle,
 * fast-track share, requests declined or waiting for a complete command plan, SA Judgment
 * coverage and on-site spend per quarter. Engagement numbers come from engagement's own read API,
 * so they match {@code GET /api/v1/sa-requests/metrics}.
 */
@Service
public class EngagementReports {

	/** Triage figures of one circle, or of all circles ({@code circleId} null). */
	public record TriageRow(UUID circleId, String circle, long filed, long fastTrack, double fastTrackShare, long triaged,
			double triageAttainment, long engaged, double slaAttainment, Long medianMinutesToTriage, long waiting,
			long declined, long open) {
	}

	/** Open requests an SA works (assigned or assisting). */
	public record LoadRow(UUID circleId, String circle, UUID personId, String person, long assigned, long assisting) {
	}

	public record StalledRow(UUID requestId, String title, String circle, String status, String reason, Instant createdAt) {
	}

	public record SpendRow(String quarter, String currency, BigDecimal amount, long requests) {
	}

	public record Report(Instant from, Instant to, List<TriageRow> triage, List<LoadRow> load, List<StalledRow> stalled,
			Judgments.Coverage judgmentCoverage, long judgmentsMissing, long judgmentsMisaligned, List<SpendRow> onsiteSpend) {
	}

	public static final List<String> SECTIONS = List.of("triage", "load", "stalled", "judgments", "onsite-spend");

	private final EngagementFigures figures;
	private final Organisation organisation;
	private final Judgments judgments;
	private final OnsiteRequests onsites;

	EngagementReports(EngagementFigures figures, Organisation organisation, Judgments judgments,
			OnsiteRequests onsites) {
		this.figures = figures;
		this.organisation = organisation;
		this.judgments = judgments;
		this.onsites = onsites;
	}

	@Transactional(readOnly = true)
	public Report report(Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw BatonException.invalid("from", "must be before to");
		}
		var circles = organisation.circles();
		var triage = new ArrayList<TriageRow>();
		triage.add(triageRow(null, "All circles", figures.triage(null, null, from, to)));
		// every circle's figures in one statement; a circle without requests in the period has zeros
		var byCircle = figures.triageByCircle(from, to);
		for (var circle : circles) {
			var t = byCircle.get(circle.id());
			triage.add(triageRow(circle.id(), circle.name(), t == null ? empty(from, to) : t));
		}
		var stalled = new ArrayList<StalledRow>();
		var circleNames = new HashMap<UUID, String>();
		circles.forEach(c -> circleNames.put(c.id(), c.name()));
		for (var s : figures.declinedOrWaiting(null, from, to)) {
			stalled.add(new StalledRow(s.requestId(), s.title(), circleNames.getOrDefault(s.circleId(), "?"),
					s.status().label(), s.declineReason() == null ? "waiting for the requestor (command plan)"
							: s.declineReason(), s.createdAt()));
		}
		var spend = onsites.approvedSpend(spendFrom(from), spendUntil(to)).stream()
				.map(s -> new SpendRow(s.quarter(), s.currency(), s.amount(), s.requests())).toList();
		return new Report(from, to, triage, load(circles), stalled, judgments.coverage(), judgments.missing().size(),
				judgments.misaligned().size(), spend);
	}

	/** On-site spend counts the approved on-sites whose first day (a UTC calendar day) is on or after from's day. */
	static LocalDate spendFrom(Instant from) {
		return LocalDate.ofInstant(from, ZoneOffset.UTC);
	}

	/** The first day no longer counted: a day counts when it starts before {@code to}. */
	static LocalDate spendUntil(Instant to) {
		var day = LocalDate.ofInstant(to, ZoneOffset.UTC);
		return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(to) ? day : day.plusDays(1);
	}

	private static TriageRow triageRow(UUID circleId, String name, EngagementFigures.Triage t) {
		return new TriageRow(circleId, name, t.filed(), t.fastTrack(), t.fastTrackShare(), t.triaged(),
				t.triageAttainment(), t.engaged(), t.slaAttainment(),
				t.medianTimeToTriage() == null ? null : t.medianTimeToTriage().toMinutes(), t.waiting(), t.declined(),
				t.open());
	}

	/** The figures of a circle without requests in the period, as one query for that circle alone answers. */
	private static EngagementFigures.Triage empty(Instant from, Instant to) {
		return new EngagementFigures.Triage(from, to, 0, 0, 0.0, 0, 0.0, 0, 0.0, null, 0, 0, 0);
	}

	/** Each member's open work and each circle's total: one count of all open work, one read of the members' names. */
	private List<LoadRow> load(List<Circle> circles) {
		var open = figures.openWork();
		var names = new HashMap<UUID, String>();
		organisation.peopleById(circles.stream().flatMap(c -> c.memberIds().stream()).map(PersonId::of)
				.collect(Collectors.toSet()))
				.forEach(p -> names.put(p.id(), p.name()));
		var rows = new ArrayList<LoadRow>();
		for (var circle : circles) {
			long circleAssigned = 0;
			long circleAssisting = 0;
			for (var member : circle.memberIds()) {
				var work = open.getOrDefault(member, EngagementFigures.OpenWork.NONE);
				circleAssigned += work.assigned();
				circleAssisting += work.assisting();
				rows.add(new LoadRow(circle.id(), circle.name(), member, names.getOrDefault(member, "Someone"),
						work.assigned(), work.assisting()));
			}
			rows.add(new LoadRow(circle.id(), circle.name(), null, "(circle total)", circleAssigned, circleAssisting));
		}
		return rows;
	}

	/**
	 * One section of the report as CSV with a header row; text cells pass through
	 * {@link dev.baton.platform.SpreadsheetText#cell}.
	 */
	public String csv(Report report, String section) {
		var out = new StringWriter();
		try (var printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
			switch (section) {
				case "triage":
					printer.printRecord("circle", "filed", "fast_track", "fast_track_share", "triaged", "triage_attainment",
							"engaged", "sla_attainment", "median_minutes_to_triage", "waiting", "declined", "open");
					for (var r : report.triage()) {
						printer.printRecord(cell(r.circle()), r.filed(), r.fastTrack(), r.fastTrackShare(), r.triaged(),
								r.triageAttainment(), r.engaged(), r.slaAttainment(), r.medianMinutesToTriage(), r.waiting(),
								r.declined(), r.open());
					}
					break;
				case "load":
					printer.printRecord("circle", "person", "assigned", "assisting");
					for (var r : report.load()) {
						printer.printRecord(cell(r.circle()), cell(r.person()), r.assigned(), r.assisting());
					}
					break;
				case "stalled":
					printer.printRecord("request_id", "title", "circle", "status", "reason", "created_at");
					for (var r : report.stalled()) {
						printer.printRecord(r.requestId(), cell(r.title()), cell(r.circle()), cell(r.status()),
								cell(r.reason()), r.createdAt());
					}
					break;
				case "judgments":
					printer.printRecord("required", "judged", "coverage", "missing", "misaligned");
					var c = report.judgmentCoverage();
					printer.printRecord(c.required(), c.judged(), c.share(), report.judgmentsMissing(),
							report.judgmentsMisaligned());
					break;
				case "onsite-spend":
					printer.printRecord("quarter", "currency", "approved_estimated_cost", "requests");
					for (var r : report.onsiteSpend()) {
						printer.printRecord(cell(r.quarter()), cell(r.currency()), r.amount().toPlainString(), r.requests());
					}
					break;
				default:
					throw new BatonException(ProblemType.NOT_FOUND,
							"No report section " + section + "; one of " + SECTIONS);
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toString();
	}

	public static Map<String, String> titles() {
		return Map.of("triage", "Time to triage, SLA attainment, fast-track share", "load", "Load per SA and circle",
				"stalled", "Requests declined or waiting for a complete command plan", "judgments",
				"SA Judgment coverage", "onsite-spend", "On-site spend per quarter");
	}
}
