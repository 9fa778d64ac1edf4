package dev.baton.pipeline;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The pipeline module's problem types.
 */
final class PipelineProblems {

	static final ProblemType CSV_UNREADABLE = ProblemType.of("pipeline-csv-unreadable", HttpStatus.BAD_REQUEST,
			"CSV file unreadable",
			"The file is not a CSV export Baton can read: no header, unknown or missing columns, or not UTF-8. "
					+ "Rows are reported one by one only once the file itself is readable.");

	private PipelineProblems() {
	}
}
