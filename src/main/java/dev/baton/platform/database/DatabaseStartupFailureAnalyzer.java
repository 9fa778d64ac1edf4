package dev.baton.platform.database;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start that failed because PostgreSQL could not be reached, instead of a stack trace.
 */
class DatabaseStartupFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		var state = cause.getSQLState();
		if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.equals("3D000"))) {
			return null;
		}
		return new FailureAnalysis(
				"Baton could not connect to its PostgreSQL database: " + cause.getMessage(),
				"Check that PostgreSQL is running and that BATON_DATABASE_URL, BATON_DATABASE_USERNAME and "
						+ "BATON_DATABASE_PASSWORD (or spring.datasource.*) are right. Leave them unset to use the "
						+ "embedded database.",
				cause);
	}

	/**
	 * Explains a second start on a data directory that another Baton process holds.
	 */
	static class DataDirectoryInUse extends AbstractFailureAnalyzer<EmbeddedPostgresServer.DataDirectoryInUseException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.DataDirectoryInUseException cause) {
			return new FailureAnalysis(
					"The embedded database in " + cause.directory()
							+ " is already used by another running Baton.",
					"Stop the other Baton first, or give this one its own directory with "
							+ "BATON_DATABASE_EMBEDDED_DATA_DIRECTORY, or use an external database with BATON_DATABASE_URL.",
					cause);
		}
	}

}
