package dev.baton.usage.domain;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvent as sent in the JSON format, before it is judged: each envelope attribute as text
 * (null when missing or not a JSON string), and the data both as a tree, for meters to read, and
 * as the JSON text sent, to store.
 *
 * @param object whether the event is a JSON object at all
 * @param time the time attribute as sent; null when missing or JSON null (the event happened when it arrived)
 * @param timeNotText whether the time attribute is there but not a JSON string
 * @param dataBase64 whether the event carries {@code data_base64}
 * @param dataNotObject whether the data is there but neither a JSON object nor null
 * @param data the data when it is a JSON object
 * @param dataJson the data's JSON text as sent, when it is an object
 */
public record SentEvent(boolean object, String specversion, String id, String source, String type, String subject,
		String time, boolean timeNotText, String dataContentType, boolean dataBase64, boolean dataNotObject,
		JsonNode data, String dataJson) {

	/** What a batch holds in place of an event when that is not a JSON object. */
	public static SentEvent notAnObject() {
		return new SentEvent(false, null, null, null, null, null, null, false, null, false, false, null, null);
	}
}
