package dev.baton.sizing;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import dev.baton.sizing.Recommendation.DeploymentType;
import dev.baton.sizing.Recommendation.GitalyTopology;

/**
 * A recommendation saved against an opportunity, in brief: enough for another module to show it
 * and link to the full one.
 *
 * @param id the saved recommendation's id
 * @param opportunityId the opportunity it was saved against
 * @param edition the data edition it was made from
 * @param architecture the recommended size, such as {@code 10k}
 * @param deployment how to deploy it
 * @param gitalyTopology the recommended Gitaly topology
 * @param summary one line for people
 * @param note what the SA noted when saving, {@code null} if nothing
 * @param savedBy the username of who saved it
 * @param savedAt when
 * @param link the web page to print it for the customer; {@code .pdf} instead of {@code /print} gives the PDF
 */
public record SavedSizing(UUID id, UUID opportunityId, String edition, String architecture, DeploymentType deployment,
		GitalyTopology gitalyTopology, String summary, String note, String savedBy, Instant savedAt, String link) {

	public SavedSizing {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(opportunityId, "opportunityId");
		Objects.requireNonNull(architecture, "architecture");
		Objects.requireNonNull(savedAt, "savedAt");
	}

	static String printLink(UUID id) {
		return "/sizing-recommendations/" + id + "/print";
	}

	static String pdfLink(UUID id) {
		return "/sizing-recommendations/" + id + ".pdf";
	}
}
