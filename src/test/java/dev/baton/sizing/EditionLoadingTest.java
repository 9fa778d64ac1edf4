package dev.baton.sizing;

import static dev.baton.sizing.Sizing.metrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.baton.platform.BatonException;

/**
 * Editions are data files: a new file is a new edition, and a broken file is refused at load.
 */
class EditionLoadingTest {

	private static String shipped;

	@TempDir
	Path folder;

	@BeforeAll
	static void readShippedEdition() throws IOException {
		try (InputStream in = EditionLoadingTest.class.getResourceAsStream("/sizing/reference-architectures-2025-12.json")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void picksTheNewestEditionByDefault() throws IOException {
		write("2025-12", shipped);
		write("2026-03", renamed("2026-03"));

		SizingService service = service(null);

		assertThat(service.edition().id()).isEqualTo("2026-03");
		assertThat(service.editions()).extracting(Edition::id).containsExactly("2026-03", "2025-12");
		assertThat(service.recommend(metrics().users(500).build()).edition()).isEqualTo("2026-03");
	}

	@Test
	void usesTheConfiguredEditionAndStillAnswersForAnother() throws IOException {
		write("2025-12", shipped);
		write("2026-03", renamed("2026-03"));

		SizingService service = service("2025-12");

		assertThat(service.edition().id()).isEqualTo("2025-12");
		assertThat(service.recommend(metrics().users(500).build(), "2026-03").edition()).isEqualTo("2026-03");
	}

	@Test
	void refusesAnUnknownEditionWithItsOwnProblemType() throws IOException {
		write("2025-12", shipped);

		BatonException refusal = catchThrowableOfType(BatonException.class,
				() -> service(null).recommend(metrics().users(500).build(), "1999-01"));

		assertThat(refusal.type().slug()).isEqualTo("sizing-edition-not-found");
		assertThat(refusal.type().status().value()).isEqualTo(404);
		assertThat(refusal.getMessage()).contains("1999-01").contains("2025-12");
	}

	@Test
	void refusesToStartWithAConfiguredEditionThatIsMissing() throws IOException {
		write("2025-12", shipped);

		assertThatThrownBy(() -> service("2030-01")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("2030-01");
	}

	@Test
	void refusesAnEditionWhoseRowsDoNotAddUp() throws IOException {
		write("2025-12", shipped.replaceFirst("\"vcpu\": 33,", "\"vcpu\": 34,"));

		assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("2k rows add up to 8 nodes, 33 vCPU");
	}

	@Test
	void refusesAnEditionCitingAnUndeclaredSource() throws IOException {
		write("2025-12", shipped.replaceAll("(?s)(\"raft\": \\{.*?\"sources\": \\[\\s*)\"S9\"", "$1\"S10\""));

		assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("cites S10, which is not among the sources");
	}

	@Test
	void refusesAnEditionWhoseFileNameDisagreesWithItsId() throws IOException {
		write("2026-01", shipped);

		assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("the file name says edition 2026-01 but the file says 2025-12");
	}

	@Test
	void refusesAnEditionWithAnUnknownField() throws IOException {
		write("2025-12", shipped.replaceFirst("\"schema\": 1,", "\"schema\": 1, \"unexpected\": true,"));

		assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("unexpected");
	}

	@Test
	void refusesAFolderWithoutEditions() {
		assertThatThrownBy(() -> service(null)).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("No sizing data edition found");
	}

	private String renamed(String edition) {
		return shipped.replace("\"edition\": \"2025-12\"", "\"edition\": \"" + edition + "\"")
				.replace("\"asOf\": \"2025-12\"", "\"asOf\": \"" + edition + "\"");
	}

	private void write(String edition, String json) throws IOException {
		Files.writeString(folder.resolve("reference-architectures-" + edition + ".json"), json);
	}

	private SizingService service(String defaultEdition) {
		return SizingService.fromLocation("file:" + folder.toAbsolutePath() + "/reference-architectures-*.json",
				defaultEdition);
	}
}
