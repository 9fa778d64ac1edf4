package dev.baton.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.audit.AuditLog;
import dev.baton.pipeline.jdbc.AccountRepository;
import dev.baton.pipeline.jdbc.OpportunityRepository;
import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;

/**
 * Imports a CRM report exported as CSV: each row is an opportunity upserted in its own
 * transaction, so a bad row is reported with its line and reasons and neither stops nor spoils the
 * others. Columns the file does not have keep what Baton stores; a present but empty cell clears
 * an optional value.
 */
@Component
public class OpportunityCsvImport {

	private static final Logger log = LoggerFactory.getLogger(OpportunityCsvImport.class);
	private static final Pattern ATTENDEE = Pattern.compile("^(.*?)\\s*\\((.*)\\)$");

	/** One refused row: where it is, which opportunity, and every reason. */
	public record Rejection(long line, String externalId, List<FieldError> errors) {
	}

	/** What an import did. */
	public record Report(UUID importId, int created, int updated, int unchanged, List<Rejection> rejected) {
	}

	private final OpportunitySync sync;
	private final OpportunityRepository repository;
	private final AccountRepository accounts;
	private final AuditLog audit;
	private final TransactionTemplate rowTransaction;
	private final TransactionTemplate transaction;

	OpportunityCsvImport(OpportunitySync sync, OpportunityRepository repository, AccountRepository accounts,
			AuditLog audit, PlatformTransactionManager transactions) {
		this.sync = sync;
		this.repository = repository;
		this.accounts = accounts;
		this.audit = audit;
		// a savepoint when the request already runs in a transaction (Idempotency-Key), otherwise a
		// transaction of its own: either way a failed row rolls back alone
		this.rowTransaction = new TransactionTemplate(transactions);
		this.rowTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.transaction = new TransactionTemplate(transactions);
	}

	public Report run(byte[] file, String fileName) {
		var text = decode(file);
		var lines = new LineIndex(text);
		var importId = UUID.randomUUID();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		var rejected = new ArrayList<Rejection>();
		try (var parser = open(text)) {
			var columns = columns(parser.getHeaderNames());
			var records = parser.iterator();
			// the parser counts the line breaks it has read: the next record starts on the line after
			long nextLine = parser.getCurrentLineNumber() + 1;
			while (true) {
				CSVRecord next;
				try {
					if (!records.hasNext()) {
						break;
					}
					next = records.next();
				} catch (UncheckedIOException | IllegalStateException e) {
					rejected.add(new Rejection(lines.lineOf(lines.startOf(nextLine)), null,
							List.of(new FieldError("file", "could not be read from here on (" + reason(e)
									+ "); the rows before were imported, this one and later ones were not"))));
					break;
				}
				final var record = next;
				nextLine = parser.getCurrentLineNumber() + 1;
				var line = lines.lineOf(record.getCharacterPosition());
				var externalId = cell(record, columns, OpportunityField.EXTERNAL_ID);
				if (record.size() != parser.getHeaderNames().size()) {
					rejected.add(new Rejection(line, externalId, List.of(new FieldError("row", "has " + record.size()
							+ " cells but the header has " + parser.getHeaderNames().size()))));
					continue;
				}
				try {
					var context = Map.of("source", "csv import", "importId", importId.toString(), "line", line);
					var result = rowTransaction.execute(status -> sync.upsert(input(record, columns), null,
							OpportunityField::header, context));
					switch (result.outcome()) {
					case CREATED -> created++;
					case UPDATED -> updated++;
					default -> unchanged++;
					}
				} catch (BatonException e) {
					var errors = e.fieldErrors().isEmpty() ? List.of(new FieldError("row", e.getMessage()))
							: e.fieldErrors();
					rejected.add(new Rejection(line, externalId, errors));
				} catch (DataAccessException e) {
					log.info("CSV import {} line {} refused by the database: {}", importId, line, e.getMessage());
					rejected.add(new Rejection(line, externalId, List.of(new FieldError("row",
							"could not be stored: it conflicts with data changed at the same time; import it again"))));
				}
			}
		} catch (IOException e) {
			throw unreadable("The file could not be read as CSV: " + e.getMessage());
		}
		var report = new Report(importId, created, updated, unchanged, List.copyOf(rejected));
		transaction.executeWithoutResult(status -> audit.record("opportunity.import-completed", "opportunity-import",
				importId, null, details(fileName, report)));
		return report;
	}

	// reading the file --------------------------------------------------------------------------

	private static String decode(byte[] file) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
		} catch (CharacterCodingException e) {
			throw unreadable("The file is not UTF-8 text; export the report as CSV (UTF-8)");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		if (text.isBlank()) {
			throw unreadable("The file is empty; it needs a header row such as " + requiredHeaders());
		}
		return text;
	}

	private static CSVParser open(String text) {
		var format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
				.setTrim(true).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).setAllowMissingColumnNames(false)
				.get();
		try {
			return CSVParser.parse(text, format);
		} catch (IOException | IllegalArgumentException | UncheckedIOException e) {
			throw unreadable("The header row cannot be read: " + reason(e));
		}
	}

	/** Which column holds which field; refuses unknown, missing or doubled columns. */
	private static Map<OpportunityField, Integer> columns(List<String> headers) {
		var columns = new EnumMap<OpportunityField, Integer>(OpportunityField.class);
		var unknown = new ArrayList<String>();
		for (int i = 0; i < headers.size(); i++) {
			var header = headers.get(i);
			var field = OpportunityField.ofHeader(header);
			if (field.isEmpty()) {
				unknown.add("'" + header + "'");
			} else if (columns.put(field.get(), i) != null) {
				throw unreadable("The column " + field.get().header() + " appears twice");
			}
		}
		var problems = new ArrayList<String>();
		if (!unknown.isEmpty()) {
			problems.add("unknown columns " + String.join(", ", unknown) + " (known: "
					+ Arrays.stream(OpportunityField.values()).map(OpportunityField::header)
							.collect(Collectors.joining(", "))
					+ ")");
		}
		var missing = Arrays.stream(OpportunityField.values()).filter(OpportunityField::requiredColumn)
				.filter(f -> !columns.containsKey(f)).map(OpportunityField::header).toList();
		if (!missing.isEmpty()) {
			problems.add("missing columns " + String.join(", ", missing));
		}
		if (!columns.containsKey(OpportunityField.OWNER_EMAIL) && !columns.containsKey(OpportunityField.OWNER_ID)) {
			problems.add("no owner column: add Owner Email (or Owner ID)");
		}
		if (!problems.isEmpty()) {
			throw unreadable("The header row does not fit: " + String.join("; ", problems));
		}
		return columns;
	}

	private static String cell(CSVRecord record, Map<OpportunityField, Integer> columns, OpportunityField field) {
		var index = columns.get(field);
		if (index == null || index >= record.size()) {
			return null;
		}
		var value = record.get(index);
		return value == null || value.isBlank() ? null : value.strip();
	}

	// building the input -------------------------------------------------------------------------

	/** The row laid over what Baton stores for its opportunity (nothing for a new one). */
	private OpportunityInput input(CSVRecord record, Map<OpportunityField, Integer> columns) {
		var externalId = cell(record, columns, OpportunityField.EXTERNAL_ID);
		var stored = externalId == null ? null : repository.opportunityByExternalId(externalId, true).orElse(null);
		var base = stored == null ? OpportunityInput.empty(externalId)
				: OpportunityInput.of(stored, accounts.account(AccountId.of(stored.accountId())).orElseThrow());
		var values = new EnumMap<OpportunityField, String>(OpportunityField.class);
		values.put(OpportunityField.EXTERNAL_ID, externalId);
		values.put(OpportunityField.NAME, base.name());
		values.put(OpportunityField.ACCOUNT_ID, base.accountExternalId());
		values.put(OpportunityField.OWNER_ID, base.ownerId());
		values.put(OpportunityField.SEGMENT, base.segment());
		values.put(OpportunityField.BUSINESS_UNIT, base.businessUnit());
		values.put(OpportunityField.REGION, base.regionKey());
		values.put(OpportunityField.STAGE, base.stage());
		values.put(OpportunityField.NET_ARR, base.netArrAmount());
		values.put(OpportunityField.CURRENCY, base.netArrCurrency());
		values.put(OpportunityField.CLOSE_DATE, base.closeDate());
		values.put(OpportunityField.SUBSCRIPTION_TYPE, base.subscriptionType());
		values.put(OpportunityField.FORECAST_CATEGORY, base.forecastCategory());
		// a row names its owner one way: the other way's stored value must not contradict it
		if (columns.containsKey(OpportunityField.OWNER_EMAIL) && !columns.containsKey(OpportunityField.OWNER_ID)) {
			values.remove(OpportunityField.OWNER_ID);
		}
		columns.keySet().forEach(field -> values.put(field, cell(record, columns, field)));
		var plan = plan(base.commandPlan(), record, columns);
		return new OpportunityInput(values.get(OpportunityField.EXTERNAL_ID), values.get(OpportunityField.NAME),
				values.get(OpportunityField.ACCOUNT_ID), values.get(OpportunityField.ACCOUNT_NAME),
				values.get(OpportunityField.ACCOUNT_INDUSTRY), values.get(OpportunityField.ACCOUNT_REGION),
				values.get(OpportunityField.ACCOUNT_NAMED), values.get(OpportunityField.OWNER_ID),
				values.get(OpportunityField.OWNER_EMAIL), values.get(OpportunityField.SEGMENT),
				values.get(OpportunityField.BUSINESS_UNIT), values.get(OpportunityField.REGION),
				values.get(OpportunityField.STAGE), values.get(OpportunityField.NET_ARR),
				values.get(OpportunityField.CURRENCY), values.get(OpportunityField.CLOSE_DATE),
				values.get(OpportunityField.SUBSCRIPTION_TYPE), values.get(OpportunityField.FORECAST_CATEGORY), plan);
	}

	/** The stored plan with the parts the file has columns for replaced; null keeps it as it is. */
	private static CommandPlan plan(CommandPlan stored, CSVRecord record, Map<OpportunityField, Integer> columns) {
		var planColumns = columns.keySet().stream().filter(f -> f.jsonPath().startsWith("commandPlan.")).toList();
		if (planColumns.isEmpty()) {
			return stored;
		}
		var base = stored == null ? CommandPlan.empty() : stored;
		var stack = base.devOpsStack() == null ? new CommandPlan.DevOpsStack(null, null, null, List.of(), null)
				: base.devOpsStack();
		var m = base.meddppicc() == null ? new CommandPlan.Meddppicc(null, null, null, null, null, null, null, null)
				: base.meddppicc();
		var c = new Cells(record, columns);
		return new CommandPlan(c.text(OpportunityField.WHY_NOW, base.whyNow()),
				c.list(OpportunityField.PAINS, base.pains()), c.list(OpportunityField.USE_CASES, base.useCases()),
				new CommandPlan.DevOpsStack(c.text(OpportunityField.SCM, stack.scm()),
						c.text(OpportunityField.PLANNING, stack.planning()), c.text(OpportunityField.CI_CD, stack.ciCd()),
						c.list(OpportunityField.CLOUD_VENDORS, stack.cloudVendors()),
						c.text(OpportunityField.DEPLOYMENT, stack.deployment())),
				c.list(OpportunityField.COMPETITORS, base.competitors()),
				c.attendees(base.attendees()), c.text(OpportunityField.COMPELLING_EVENT, base.compellingEvent()),
				new CommandPlan.Meddppicc(c.text(OpportunityField.METRICS, m.metrics()),
						c.text(OpportunityField.ECONOMIC_BUYER, m.economicBuyer()),
						c.text(OpportunityField.DECISION_CRITERIA, m.decisionCriteria()),
						c.text(OpportunityField.DECISION_PROCESS, m.decisionProcess()),
						c.text(OpportunityField.PAPER_PROCESS, m.paperProcess()),
						c.text(OpportunityField.IDENTIFIED_PAIN, m.identifiedPain()),
						c.text(OpportunityField.CHAMPION, m.champion()),
						c.text(OpportunityField.COMPETITION, m.competition())));
	}

	/** A row's cells by field: present columns give their value, absent ones keep the stored one. */
	private record Cells(CSVRecord record, Map<OpportunityField, Integer> columns) {

		String text(OpportunityField field, String stored) {
			return columns.containsKey(field) ? cell(record, columns, field) : stored;
		}

		List<String> list(OpportunityField field, List<String> stored) {
			return columns.containsKey(field) ? OpportunityInput.split(cell(record, columns, field)) : stored;
		}

		/** {@code Maria Gonzalez (VP Engineering); Tom Becker} */
		List<CommandPlan.Attendee> attendees(List<CommandPlan.Attendee> stored) {
			if (!columns.containsKey(OpportunityField.ATTENDEES)) {
				return stored;
			}
			var attendees = new ArrayList<CommandPlan.Attendee>();
			for (var entry : OpportunityInput.split(cell(record, columns, OpportunityField.ATTENDEES))) {
				var matcher = ATTENDEE.matcher(entry);
				attendees.add(matcher.matches() ? new CommandPlan.Attendee(matcher.group(1), matcher.group(2))
						: new CommandPlan.Attendee(entry, null));
			}
			return attendees;
		}
	}

	// helpers ------------------------------------------------------------------------------------

	private static Map<String, Object> details(String fileName, Report report) {
		var details = new LinkedHashMap<String, Object>();
		details.put("file", fileName);
		details.put("created", report.created());
		details.put("updated", report.updated());
		details.put("unchanged", report.unchanged());
		details.put("rejected", report.rejected().size());
		details.put("rejectedLines", report.rejected().stream().map(Rejection::line).toList());
		return details;
	}

	private static String requiredHeaders() {
		return Arrays.stream(OpportunityField.values()).filter(OpportunityField::requiredColumn)
				.map(OpportunityField::header).collect(Collectors.joining(", ")) + ", Owner Email";
	}

	private static BatonException unreadable(String detail) {
		return new BatonException(PipelineProblems.CSV_UNREADABLE, detail);
	}

	private static String reason(Exception e) {
		var cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
		return String.valueOf(cause.getMessage());
	}

	/** Turns character positions into 1-based line numbers of the file. */
	private static final class LineIndex {

		private final String text;
		private final List<Integer> starts = new ArrayList<>();

		LineIndex(String text) {
			this.text = text;
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					starts.add(i + 1);
				}
			}
		}

		/** The line a record starting at a position is on, past the empty lines the parser skips. */
		long lineOf(long position) {
			var p = (int) Math.min(position, text.length());
			while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
				p++;
			}
			int index = java.util.Collections.binarySearch(starts, p);
			return (index >= 0 ? index : -index - 2) + 1;
		}

		/** Where a 1-based line starts, or the end of the text past the last line. */
		long startOf(long line) {
			return line - 1 < starts.size() ? starts.get((int) Math.max(0, line - 1)) : text.length();
		}
	}
}
