package dev.baton.usage.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads CloudEvents in the JSON format, one event or a batch, token by token: the envelope's
 * attributes straight into a {@link SentEvent} without a tree, and the data once into a tree while
 * its JSON text is taken as sent, so nothing is written back to JSON to be stored. About half the
 * processor time of building and rewriting trees, on the ingestion path that carries most events.
 */
public final class CloudEventReader {

	private final JsonMapper json;
	/** Reads the data's tree from the middle of the body: what follows it is the rest of the event. */
	private final ObjectReader data;

	public CloudEventReader(JsonMapper json) {
		this.json = json;
		// decimals as sent, digits and scale: EventPolicy tells from them whether PostgreSQL can store the number
		this.data = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
				.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/** What the body's JSON is: a batch (an array), one event (an object) or neither. */
	public enum Root {
		ARRAY, OBJECT, OTHER
	}

	/** A body read: its root and its events (one for an object, each element for an array). */
	public record Read(Root root, List<SentEvent> events) {
	}

	/** Reads a whole body; throws a {@link JacksonException} when it is not JSON in UTF-8. */
	public Read read(byte[] body) {
		try (var parser = json.createParser(body)) {
			var token = parser.nextToken();
			if (token != null && parser.currentTokenLocation().getByteOffset() < 0) {
				// Jackson reads UTF-16 and UTF-32 as characters, and the data's text is cut from the body by byte offsets
				throw new StreamReadException(parser, "JSON is sent in UTF-8 (RFC 8259), not UTF-16 or UTF-32");
			}
			Read read;
			if (token == JsonToken.START_ARRAY) {
				var events = new ArrayList<SentEvent>();
				while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
					if (token == JsonToken.START_OBJECT) {
						events.add(event(parser, body));
					}
					else {
						parser.skipChildren();
						events.add(SentEvent.notAnObject());
					}
				}
				read = new Read(Root.ARRAY, events);
			}
			else if (token == JsonToken.START_OBJECT) {
				read = new Read(Root.OBJECT, List.of(event(parser, body)));
			}
			else {
				parser.skipChildren();
				read = new Read(Root.OTHER, List.of());
			}
			if (token != null && parser.nextToken() != null) {
				throw new StreamReadException(parser, "content after the end of the JSON value");
			}
			return read;
		}
	}

	/** Reads the event whose START_OBJECT the parser is on, up to its END_OBJECT. */
	private SentEvent event(JsonParser parser, byte[] body) {
		String specversion = null;
		String id = null;
		String source = null;
		String type = null;
		String subject = null;
		String time = null;
		boolean timeNotText = false;
		String contentType = null;
		boolean dataBase64 = false;
		boolean dataNotObject = false;
		JsonNode data = null;
		String dataJson = null;
		String name;
		while ((name = parser.nextName()) != null) {
			var token = parser.nextToken();
			switch (name) {
				case "specversion" -> specversion = text(parser, token);
				case "id" -> id = text(parser, token);
				case "source" -> source = text(parser, token);
				case "type" -> type = text(parser, token);
				case "subject" -> subject = text(parser, token);
				case "datacontenttype" -> contentType = text(parser, token);
				case "time" -> {
					time = text(parser, token);
					timeNotText = time == null && token != JsonToken.VALUE_NULL;
				}
				case "data" -> {
					data = null;
					dataJson = null;
					dataNotObject = false;
					if (token == JsonToken.START_OBJECT) {
						int start = (int) parser.currentTokenLocation().getByteOffset();
						data = this.data.readTree(parser);
						int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
						dataJson = new String(body, start, end - start, StandardCharsets.UTF_8);
					}
					else {
						dataNotObject = token != JsonToken.VALUE_NULL;
						parser.skipChildren();
					}
				}
				case "data_base64" -> {
					dataBase64 = true;
					parser.skipChildren();
				}
				default -> parser.skipChildren();
			}
		}
		return new SentEvent(true, specversion, id, source, type, subject, time, timeNotText, contentType, dataBase64,
				dataNotObject, data, dataJson);
	}

	private static String text(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}
}
