package dev.baton.platform.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operations of Baton's OpenAPI document, and values generated from its schemas: valid-looking
 * ones, and ones the schema forbids.
 */
final class ApiModel {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

	final JsonNode document;
	final List<Op> operations = new ArrayList<>();

	ApiModel(String json) {
		this.document = JSON.readTree(json);
		for (var path : document.path("paths").propertyNames()) {
			var item = document.path("paths").path(path);
			for (var method : item.propertyNames()) {
				operations.add(new Op(method.toUpperCase(), path, item.path(method)));
			}
		}
	}

	/** One operation: its method, path template and description. */
	record Op(String method, String path, JsonNode node) {

		String key() {
			return method + " " + path;
		}

		List<JsonNode> parameters(String in) {
			var found = new ArrayList<JsonNode>();
			node.path("parameters").forEach(p -> {
				if (in.equals(p.path("in").asString())) {
					found.add(p);
				}
			});
			return found;
		}

		Set<String> statuses() {
			return new java.util.TreeSet<>(node.path("responses").propertyNames());
		}

		/** The media type documented for a status, or null when it has no body. */
		String mediaType(int status) {
			var content = node.path("responses").path(String.valueOf(status)).path("content");
			var names = content.propertyNames().iterator();
			return names.hasNext() ? names.next() : null;
		}

		List<String> problemTypes(int status) {
			var types = new ArrayList<String>();
			node.path("responses").path(String.valueOf(status)).path("x-problem-types").forEach(t -> types.add(t.asString()));
			return types;
		}

		/** The JSON request body's schema, or null when the operation takes none (or not JSON). */
		JsonNode jsonBodySchema() {
			var schema = node.path("requestBody").path("content").path("application/json").path("schema");
			return schema.isMissingNode() ? null : schema;
		}

		String bodyMediaType() {
			var names = node.path("requestBody").path("content").propertyNames().iterator();
			return names.hasNext() ? names.next() : null;
		}

		List<String> pathParameterNames() {
			var names = new ArrayList<String>();
			var matcher = PATH_PARAM.matcher(path);
			while (matcher.find()) {
				names.add(matcher.group(1));
			}
			return names;
		}
	}

	JsonNode resolve(JsonNode schema) {
		var seen = 0;
		while (schema != null && schema.has("$ref") && seen++ < 20) {
			var ref = schema.path("$ref").asString();
			schema = document.at(ref.substring(1));
		}
		return schema;
	}

	/** A value of the schema's type; ids come from {@code ids} when the field is named like one. */
	JsonNode valid(JsonNode schema, String name, Random random, Map<String, List<String>> ids, int depth) {
		schema = resolve(schema);
		if (schema == null || schema.isMissingNode()) {
			return NODES.stringNode("x");
		}
		if (schema.has("oneOf") || schema.has("anyOf")) {
			var options = schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf");
			return valid(options.get(random.nextInt(options.size())), name, random, ids, depth);
		}
		if (schema.has("enum")) {
			var values = schema.path("enum");
			return values.get(random.nextInt(values.size()));
		}
		var type = typeOf(schema);
		switch (type) {
			case "object": {
				var object = NODES.objectNode();
				if (depth > 5) {
					return object;
				}
				for (var property : schema.path("properties").propertyNames()) {
					object.set(property, valid(schema.path("properties").path(property), property, random, ids, depth + 1));
				}
				return object;
			}
			case "array": {
				var array = NODES.arrayNode();
				if (depth <= 5) {
					array.add(valid(schema.path("items"), name, random, ids, depth + 1));
				}
				return array;
			}
			case "integer":
				return NODES.numberNode(Math.max(schema.path("minimum").asInt(0), random.nextInt(3)));
			case "number":
				return NODES.numberNode(Math.max(schema.path("minimum").asDouble(0), 1.5));
			case "boolean":
				return NODES.booleanNode(random.nextBoolean());
			default:
				return NODES.stringNode(validText(schema, name, random, ids));
		}
	}

	static String validText(JsonNode schema, String name, Random random, Map<String, List<String>> ids) {
		var format = schema.path("format").asString("");
		switch (format) {
			case "uuid":
				return pickId(name, random, ids);
			case "date-time":
				return "2026-12-08T15:00:00Z";
			case "date":
				return "2026-12-08";
			case "email":
				return "fuzz." + random.nextInt(100_000) + "@baton.example";
			default:
		}
		var lower = name == null ? "" : name.toLowerCase();
		if (lower.endsWith("id") || lower.endsWith("ids")) {
			return pickId(name, random, ids);
		}
		if (lower.contains("zone")) {
			return "America/New_York";
		}
		if (lower.contains("currency")) {
			return "USD";
		}
		if (lower.contains("key") || lower.contains("board")) {
			return pick(ids.getOrDefault("key", List.of("commercial-amer")), random);
		}
		return "fuzz text " + random.nextInt(1000);
	}

	static String pickId(String name, Random random, Map<String, List<String>> ids) {
		var pool = ids.getOrDefault("id", List.of());
		if (pool.isEmpty() || random.nextInt(5) == 0) {
			return UUID.randomUUID().toString();
		}
		return pick(pool, random);
	}

	static <T> T pick(List<T> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	static String typeOf(JsonNode schema) {
		var type = schema.path("type");
		if (type.isArray() && !type.isEmpty()) {
			for (var t : type) {
				if (!"null".equals(t.asString())) {
					return t.asString();
				}
			}
		}
		if (type.isString()) {
			return type.asString();
		}
		return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
	}

	/** A JSON value of another type than the schema's, which strict binding must refuse. */
	static JsonNode wrongType(JsonNode schema, Random random) {
		var type = typeOf(schema);
		var options = new ArrayList<JsonNode>();
		if (!type.equals("string")) {
			// a decimal may be sent as a string holding a number (docs/api.md), so not "12" there
			options.add(NODES.stringNode(type.equals("number") ? "twelve" : "12"));
		}
		if (!type.equals("integer") && !type.equals("number")) {
			options.add(NODES.numberNode(0));
		}
		if (!type.equals("boolean")) {
			options.add(NODES.booleanNode(false));
		}
		if (!type.equals("array")) {
			options.add(NODES.arrayNode().add("x"));
		}
		if (!type.equals("object") && !schema.has("enum")) {
			ObjectNode o = NODES.objectNode();
			o.put("a", 1);
			options.add(o);
		}
		if (type.equals("integer")) {
			options.add(NODES.numberNode(1.5));
		}
		return pick(options, random);
	}

	/** A property path into an object value, for mutating one field. */
	static List<String> objectFields(JsonNode value) {
		var names = new ArrayList<String>();
		Iterator<String> it = value.propertyNames().iterator();
		it.forEachRemaining(names::add);
		return names;
	}

	static Map<String, JsonNode> properties(ApiModel model, JsonNode schema) {
		var resolved = model.resolve(schema);
		var result = new LinkedHashMap<String, JsonNode>();
		if (resolved != null) {
			for (var name : resolved.path("properties").propertyNames()) {
				result.put(name, model.resolve(resolved.path("properties").path(name)));
			}
		}
		return result;
	}

	static ArrayNode array() {
		return NODES.arrayNode();
	}
}
