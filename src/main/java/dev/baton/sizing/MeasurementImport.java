package dev.baton.sizing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.baton.platform.BatonException;
import dev.baton.platform.FieldError;
import dev.baton.sizing.MeasurementGuide.Statistic;
import dev.baton.sizing.ProspectMetrics.RequestRate;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the peak and sustained rates a prospect measured with the measurement guide's queries,
 * from CSV or JSON, and refuses wrong rows by their line number.
 * <p>
 * Two shapes are read, in either format: one row per traffic type with its peak and sustained
 * rate ({@code traffic_type,peak,sustained}), or one row per query result ({@code query,value},
 * the query being a guide id such as {@code api-peak}). Column names and traffic types are
 * matched loosely (case, spaces, dashes and underscores do not matter; {@code p95} means
 * sustained). A CSV file may have no header if its columns are traffic type, peak, sustained.
 */
final class MeasurementImport {

	// floats as BigDecimal, so 0.1 is read as written
	private static final JsonMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	private static final Set<String> TYPE_COLUMNS = Set.of("traffictype", "type", "traffic", "kind", "category",
			"endpoint", "endpoints", "requesttype", "trafficclass");
	private static final Set<String> QUERY_COLUMNS = Set.of("query", "queryid", "id", "metric", "name",
			"measurement", "series");
	private static final Set<String> VALUE_COLUMNS = Set.of("value", "result", "rps", "requestspersecond");
	private static final Set<String> STATISTIC_COLUMNS = Set.of("statistic", "stat", "measure", "aggregation",
			"aggregate");
	private static final Set<String> ROW_ARRAYS = Set.of("measurements", "rows", "results", "data", "rps");

	private MeasurementImport() {
	}

	/** What an import read: the rates, ready to prefill the metrics. */
	@Schema(name = "SizingImportedMeasurements")
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Imported(@Schema(description = "csv or json, as detected from the content") String format,
			@Schema(description = "How many data rows were read") int rows,
			@Schema(description = "The metrics read: only rps is set") MetricsInput metrics) {
	}

	/**
	 * Reads CSV or JSON, told apart by the content's first character (an opening bracket or brace is JSON).
	 *
	 * @throws BatonException of type {@code sizing-measurements-invalid} naming each wrong line
	 */
	static Imported read(String content) {
		String text = content == null ? "" : content.replace("\uFEFF", "");
		if (text.isBlank()) {
			throw refusal(List.of(new FieldError("body", "is empty; send a header traffic_type,peak,sustained and "
					+ "one row per traffic type")));
		}
		String start = text.stripLeading();
		boolean json = start.startsWith("[") || start.startsWith("{");
		List<Row> rows = json ? jsonRows(text) : csvRows(text);
		return new Imported(json ? "json" : "csv", rows.size(), combine(rows));
	}

	/** One row as read: a line number and its cells by normalised column name. */
	private record Row(long line, Map<String, String> cells) {
	}

	private static List<Row> csvRows(String text) {
		char delimiter = delimiter(text);
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setCommentMarker('#')
				.setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
		var rows = new ArrayList<Row>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			List<String> header = null;
			for (CSVRecord record : parser) {
				long line = lineOf(text, record.getCharacterPosition());
				List<String> values = record.toList();
				if (values.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					if (isHeader(values)) {
						header = values.stream().map(MeasurementImport::normalise).toList();
						continue;
					}
					// no header: the documented column order
					header = List.of("traffictype", "peak", "sustained");
				}
				var cells = new LinkedHashMap<String, String>();
				for (int i = 0; i < values.size(); i++) {
					String name = i < header.size() ? header.get(i) : "column" + (i + 1);
					cells.put(name, values.get(i));
				}
				rows.add(new Row(line, cells));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			// the text is in memory, so a read failure is commons-csv refusing a broken quote
			throw refusal(List.of(new FieldError("body", "is not valid CSV: " + e.getMessage())));
		}
		return rows;
	}

	private static char delimiter(String text) {
		String first = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
				.orElse("");
		char best = ',';
		long most = first.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = first.chars().filter(c -> c == candidate).count();
			if (count > most) {
				best = candidate;
				most = count;
			}
		}
		return best;
	}

	private static boolean isHeader(List<String> values) {
		return values.stream().map(MeasurementImport::normalise).filter(v -> v.matches(".*[a-z].*"))
				.anyMatch(v -> TYPE_COLUMNS.contains(v) || QUERY_COLUMNS.contains(v) || VALUE_COLUMNS.contains(v)
						|| STATISTIC_COLUMNS.contains(v)
						|| statisticOfColumn(v).isPresent());
	}

	private static long lineOf(String text, long position) {
		long line = 1;
		for (int i = 0; i < position && i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static List<Row> jsonRows(String text) {
		var rows = new ArrayList<Row>();
		try (JsonParser parser = JSON.createParser(text)) {
			JsonToken first = parser.nextToken();
			if (first == JsonToken.START_ARRAY) {
				readArray(parser, rows);
			}
			else {
				readObject(parser, rows);
			}
			if (parser.nextToken() != null) {
				throw new FieldErrorException(parser.currentTokenLocation().getLineNr(),
						"has more after the end of the JSON document");
			}
		}
		catch (JacksonException e) {
			long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
			throw refusal(List.of(new FieldError("line " + line, "is not valid JSON: " + e.getOriginalMessage())));
		}
		catch (FieldErrorException e) {
			throw refusal(List.of(new FieldError("line " + e.line, e.getMessage())));
		}
		return rows;
	}

	private static void readObject(JsonParser parser, List<Row> rows) {
		// either a wrapper {"measurements": [...]} or rates keyed by traffic type {"api": {"peak": 150}}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = normalise(parser.currentName());
			long line = parser.currentTokenLocation().getLineNr();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.START_ARRAY && ROW_ARRAYS.contains(name)) {
				readArray(parser, rows);
			}
			else if (value == JsonToken.START_OBJECT && trafficType(name).isPresent()) {
				JsonNode rate = parser.readValueAsTree();
				var cells = cells(rate, line);
				cells.put("traffictype", name);
				rows.add(new Row(line, cells));
			}
			else if (value == JsonToken.START_OBJECT && ROW_ARRAYS.contains(name)) {
				readObject(parser, rows);
			}
			else {
				parser.skipChildren();
			}
		}
	}

	private static void readArray(JsonParser parser, List<Row> rows) {
		JsonToken token;
		while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
			long line = parser.currentTokenLocation().getLineNr();
			if (token != JsonToken.START_OBJECT) {
				throw new FieldErrorException(line, "must be an object such as {\"trafficType\": \"api\", "
						+ "\"peak\": 150, \"sustained\": 90}");
			}
			JsonNode row = parser.readValueAsTree();
			rows.add(new Row(line, cells(row, line)));
		}
	}

	private static Map<String, String> cells(JsonNode row, long line) {
		var cells = new LinkedHashMap<String, String>();
		for (var entry : row.properties()) {
			JsonNode value = entry.getValue();
			if (value.isContainer()) {
				throw new FieldErrorException(line, entry.getKey() + " must be a number or a text, not "
						+ (value.isArray() ? "an array" : "an object"));
			}
			cells.put(normalise(entry.getKey()), value.isNull() ? "" : value.asString());
		}
		return cells;
	}

	/** A row-level refusal while streaming, turned into a field error by line. */
	private static final class FieldErrorException extends RuntimeException {

		private final long line;

		FieldErrorException(long line, String message) {
			super(message, null, false, false);
			this.line = line;
		}
	}

	private static MetricsInput combine(List<Row> rows) {
		var readings = new Readings();
		rows.forEach(readings::add);
		return readings.toMetrics();
	}

	/** A value and the line it came from. */
	private record Reading(BigDecimal value, long line) {
	}

	/** One value a row gives: which statistic, from which column, as written. */
	private record Cell(Statistic statistic, String column, String text) {
	}

	/** Collects the readings of every row, and every wrong line. */
	private static final class Readings {

		private final List<FieldError> errors = new ArrayList<>();
		private final Map<TrafficType, Reading> peaks = new EnumMap<>(TrafficType.class);
		private final Map<TrafficType, Reading> sustained = new EnumMap<>(TrafficType.class);

		void add(Row row) {
			String where = "line " + row.line();
			Optional<String> typeColumn = column(row, TYPE_COLUMNS);
			Optional<String> queryColumn = column(row, QUERY_COLUMNS);
			if (typeColumn.isPresent()) {
				addByType(row, where, typeColumn.get());
			}
			else if (queryColumn.isPresent()) {
				addByQuery(row, where, queryColumn.get());
			}
			else {
				errors.add(new FieldError(where, "has no traffic type or query column; use the header "
						+ "traffic_type,peak,sustained or query,value"));
			}
		}

		// traffic_type,peak,sustained or traffic_type,statistic,value
		private void addByType(Row row, String where, String typeColumn) {
			String typeText = row.cells().get(typeColumn);
			Optional<TrafficType> type = trafficType(normalise(typeText));
			if (type.isEmpty()) {
				errors.add(new FieldError(where, "'" + typeText + "' is not a traffic type; "
						+ "use api, web, git_pull or git_push"));
				return;
			}
			var cells = new ArrayList<Cell>();
			Optional<String> statisticColumn = column(row, STATISTIC_COLUMNS);
			Optional<String> valueColumn = column(row, VALUE_COLUMNS);
			if (statisticColumn.isPresent() && valueColumn.isPresent()) {
				String statisticText = row.cells().get(statisticColumn.get());
				Optional<Statistic> statistic = statisticOfColumn(normalise(statisticText));
				if (statistic.isEmpty()) {
					errors.add(new FieldError(where, "'" + statisticText + "' is neither peak nor sustained (p95)"));
					return;
				}
				cells.add(new Cell(statistic.get(), valueColumn.get(), row.cells().get(valueColumn.get())));
			}
			else {
				row.cells().forEach((column, text) -> statisticOfColumn(column)
						.ifPresent(statistic -> cells.add(new Cell(statistic, column, text))));
			}
			cells.removeIf(cell -> cell.text().isBlank());
			if (cells.isEmpty()) {
				errors.add(new FieldError(where, "give the peak, the sustained (p95) rate, or both for "
						+ type.get().label()));
			}
			cells.forEach(cell -> put(type.get(), cell, where, row.line(),
					type.get().label() + " " + cell.statistic().name().toLowerCase(Locale.ROOT)));
		}

		// query,value with guide ids such as api-peak
		private void addByQuery(Row row, String where, String queryColumn) {
			String queryText = row.cells().get(queryColumn);
			Optional<QueryTarget> target = queryTarget(queryText);
			if (target.isEmpty()) {
				errors.add(new FieldError(where, "'" + queryText + "' is not one of the detailed "
						+ "queries; use ids such as api-peak, web-sustained, git-pull-peak, git-push-p95"));
				return;
			}
			Optional<String> valueColumn = column(row, VALUE_COLUMNS);
			String text = valueColumn.map(row.cells()::get).orElse("");
			if (text.isBlank()) {
				errors.add(new FieldError(where, "has no value for " + queryText.strip()));
				return;
			}
			put(target.get().type(), new Cell(target.get().statistic(), valueColumn.get(), text), where, row.line(),
					queryText.strip());
		}

		private void put(TrafficType type, Cell cell, String where, long line, String what) {
			Map<TrafficType, Reading> into = cell.statistic() == Statistic.PEAK ? peaks : sustained;
			Reading earlier = into.get(type);
			if (earlier != null) {
				errors.add(new FieldError(where, what + " is given already on line " + earlier.line()));
				return;
			}
			BigDecimal value = number(cell.text(), where, cell.column(), errors);
			if (value != null) {
				into.put(type, new Reading(value, line));
			}
		}

		MetricsInput toMetrics() {
			var rates = new EnumMap<TrafficType, MetricsInput.Rate>(TrafficType.class);
			for (TrafficType type : TrafficType.values()) {
				Reading peak = peaks.get(type);
				Reading sust = sustained.get(type);
				if (peak == null && sust == null) {
					continue;
				}
				try {
					// the engine's own checks: not negative, sustained not above peak
					RequestRate rate = new RequestRate(type, peak == null ? null : peak.value(),
							sust == null ? null : sust.value());
					rates.put(type, new MetricsInput.Rate(rate.peak(), rate.sustained()));
				}
				catch (BatonException refused) {
					for (FieldError error : refused.fieldErrors()) {
						boolean aboutPeak = error.field().endsWith(".peak");
						Reading culprit = aboutPeak || sust == null ? peak : sust;
						String column = aboutPeak ? "peak" : "sustained";
						errors.add(new FieldError("line " + culprit.line(), type.label() + " " + column + ": "
								+ error.message()));
					}
				}
			}
			if (errors.isEmpty() && rates.isEmpty()) {
				errors.add(new FieldError("body", "holds no measurements; send a header traffic_type,peak,sustained "
						+ "and one row per traffic type"));
			}
			if (!errors.isEmpty()) {
				errors.sort(java.util.Comparator.comparingLong(MeasurementImport::lineNumber));
				throw refusal(errors);
			}
			return new MetricsInput(null, MetricsInput.Rates.of(rates), null, null, null, null);
		}

		private static Optional<String> column(Row row, Set<String> names) {
			return row.cells().keySet().stream().filter(names::contains).findFirst();
		}
	}

	/** What one detailed query measures. */
	private record QueryTarget(TrafficType type, Statistic statistic) {
	}

	private static BigDecimal number(String text, String where, String column, List<FieldError> errors) {
		String value = text.strip().replaceFirst("(?i)\\s*(rps|req/s|/s)$", "");
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(where, column + " must be a number but was '" + text.strip() + "'"));
			return null;
		}
	}

	private static Optional<Statistic> statisticOfColumn(String column) {
		if (column.contains("sustain") || column.contains("p95") || column.contains("95th") || column.contains("q95")
				|| column.contains("quantile") || column.contains("percentile")) {
			return Optional.of(Statistic.SUSTAINED);
		}
		if (column.contains("peak") || column.equals("max") || column.equals("maximum") || column.startsWith("max")) {
			return Optional.of(Statistic.PEAK);
		}
		return Optional.empty();
	}

	private static Optional<QueryTarget> queryTarget(String query) {
		String id = normalise(query);
		Optional<Statistic> statistic = statisticOfColumn(id);
		if (statistic.isEmpty()) {
			return Optional.empty();
		}
		String rest = id.replaceAll("sustained|sustain|p95|q95|quantile|percentile|95th|peak|maximum|max", "");
		return trafficType(rest).map(type -> new QueryTarget(type, statistic.get()));
	}

	private static Optional<TrafficType> trafficType(String normalised) {
		TrafficType type = switch (normalised) {
			case "api", "rest", "restapi" -> TrafficType.API;
			case "web", "ui", "webui", "browser" -> TrafficType.WEB;
			case "gitpull", "pull", "gitclone", "clone", "gitfetch", "fetch", "gitpullclone", "gitpullandclone",
					"gituploadpack", "uploadpack" -> TrafficType.GIT_PULL;
			case "gitpush", "push", "gitreceivepack", "receivepack" -> TrafficType.GIT_PUSH;
			default -> null;
		};
		return Optional.ofNullable(type);
	}

	/** A column name or value reduced to lower case letters and digits, so spelling variants match. */
	static String normalise(String name) {
		return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static long lineNumber(FieldError error) {
		return error.field().startsWith("line ") ? Long.parseLong(error.field().substring(5)) : 0;
	}

	private static BatonException refusal(List<FieldError> errors) {
		String detail = "The measurements cannot be imported: " + String.join("; ",
				errors.stream().map(e -> e.field() + ": " + e.message()).toList());
		return new BatonException(SizingProblems.MEASUREMENTS_INVALID, detail, errors, Map.of());
	}
}
