package dev.baton.sizing;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One versioned edition of the vendor's published reference-architecture data, and the sources
 * its reasons cite.
 *
 * @param id the edition's id, cited by every recommendation made from it
 * @param asOf the month the data is as of; the newest edition is the default
 * @param title what the edition covers
 * @param dating how the date was established
 * @param sources the documents cited as {@code [S1]} and so on
 */
public record Edition(String id, YearMonth asOf, String title, String dating, List<Source> sources) {

	public Edition {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(asOf, "asOf");
		sources = List.copyOf(sources);
	}

	/**
	 * A document the edition's data comes from.
	 *
	 * @param id the id reasons cite, such as {@code S1}
	 * @param document what the document is
	 * @param location where it was read (repository at commit, or address)
	 * @param version its version or date
	 */
	public record Source(String id, String document, String location, String version) {
	}
}
