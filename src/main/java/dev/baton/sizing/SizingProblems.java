package dev.baton.sizing;

import org.springframework.http.HttpStatus;

import dev.baton.platform.ProblemType;

/**
 * The sizing module's problem types.
 */
final class SizingProblems {

	static final ProblemType EDITION_NOT_FOUND = ProblemType.of("sizing-edition-not-found", HttpStatus.NOT_FOUND,
			"Sizing data edition not found",
			"No reference-architecture data edition has this id; list the editions to see which exist.");

	static final ProblemType MEASUREMENTS_INVALID = ProblemType.of("sizing-measurements-invalid",
			HttpStatus.BAD_REQUEST, "Measurements cannot be imported",
			"One or more rows of the imported measurements are wrong; errors[] names each by its line "
					+ "(\"line 3\"), or \"body\" when the whole content is unusable.");

	private SizingProblems() {
	}
}
