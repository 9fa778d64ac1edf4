package dev.baton.billing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.baton.billing.domain.Inputs;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the engine's inputs as canonical JSON (properties and map keys sorted) and hashes them,
 * so the same inputs always give the same text and the same SHA-256.
 */
final class InputsCodec {

	// a flag older inputs did not write (false by default, and left out when false) reads as false
	private static final JsonMapper JSON = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

	private InputsCodec() {
	}

	static String write(Inputs inputs) {
		return JSON.writeValueAsString(inputs);
	}

	/** Any other computation's inputs (usage, a pack), the same canonical way. */
	static String writeValue(Object inputs) {
		return JSON.writeValueAsString(inputs);
	}

	static <T> T readValue(String text, Class<T> type) {
		return JSON.readValue(text, type);
	}

	static Inputs read(String text) {
		return JSON.readValue(text, Inputs.class);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** An invoice's hash: of its computations' hashes in order, so it covers every input behind every line. */
	static String invoiceHash(List<String> computationHashes) {
		return sha256(String.join("\n", computationHashes));
	}
}
