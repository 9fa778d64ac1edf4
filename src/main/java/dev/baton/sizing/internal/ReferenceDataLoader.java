package dev.baton.sizing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.baton.sizing.TrafficType;

/**
 * Reads the data editions from their JSON files and refuses any edition whose rows do not add up
 * or whose citations point nowhere, so a mistyped new edition fails at startup, not in a quote.
 */
public final class ReferenceDataLoader {

	/** Where the editions live; adding a file here adds an edition, no code change needed. */
	public static final String DEFAULT_LOCATION = "classpath*:sizing/reference-architectures-*.json";

	private static final Pattern FILE_NAME = Pattern.compile("reference-architectures-(.+)\\.json");
	private static final int SCHEMA = 1;

	private static final JsonMapper JSON = JsonMapper.builder()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			// exact decimals: 7.5 GB and 0.4 RPS must stay what the docs say
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();

	private ReferenceDataLoader() {
	}

	/**
	 * Loads every edition matching the location pattern, newest first.
	 *
	 * @throws IllegalStateException if none is found, two share an id, or one is invalid
	 */
	public static List<ReferenceData> load(String locationPattern) {
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver(ReferenceDataLoader.class.getClassLoader())
					.getResources(locationPattern);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list sizing data editions at " + locationPattern, e);
		}
		var editions = new ArrayList<ReferenceData>();
		var ids = new HashSet<String>();
		for (Resource resource : resources) {
			ReferenceData data = read(resource);
			if (!ids.add(data.edition())) {
				throw new IllegalStateException("Two sizing data files declare edition " + data.edition());
			}
			editions.add(data);
		}
		if (editions.isEmpty()) {
			throw new IllegalStateException("No sizing data edition found at " + locationPattern);
		}
		editions.sort(Comparator.comparing((ReferenceData d) -> YearMonth.parse(d.asOf()))
				.thenComparing(ReferenceData::edition)
				.reversed());
		return List.copyOf(editions);
	}

	static ReferenceData read(Resource resource) {
		String origin = resource.getFilename();
		try (InputStream in = resource.getInputStream()) {
			return read(in, origin);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read sizing data edition " + origin, e);
		}
	}

	/**
	 * Reads and checks one edition.
	 *
	 * @param origin the file name, whose suffix must be the edition id
	 */
	public static ReferenceData read(InputStream in, String origin) {
		JsonNode tree;
		ReferenceData data;
		try {
			tree = JSON.readTree(in);
			data = JSON.treeToValue(tree, ReferenceData.class);
		}
		catch (JacksonException e) {
			throw new IllegalStateException("Sizing data edition " + origin + " is not valid: " + e.getOriginalMessage(),
					e);
		}
		List<String> problems = check(tree, data, origin);
		if (!problems.isEmpty()) {
			throw new IllegalStateException(
					"Sizing data edition " + origin + " is not valid: " + String.join("; ", problems));
		}
		return data;
	}

	private static List<String> check(JsonNode tree, ReferenceData data, String origin) {
		var problems = new ArrayList<String>();
		if (data.schema() != SCHEMA) {
			problems.add("schema is " + data.schema() + " but this version of Baton reads " + SCHEMA);
		}
		Matcher name = FILE_NAME.matcher(origin == null ? "" : origin);
		if (name.matches() && !name.group(1).equals(data.edition())) {
			problems.add("the file name says edition " + name.group(1) + " but the file says " + data.edition());
		}
		try {
			YearMonth.parse(String.valueOf(data.asOf()));
		}
		catch (DateTimeParseException e) {
			problems.add("asOf must be a year and month (2025-12) but was " + data.asOf());
		}
		Set<String> sourceIds = data.sources().stream().map(ReferenceData.Source::id).collect(Collectors.toSet());
		if (sourceIds.size() != data.sources().size()) {
			problems.add("two sources share an id");
		}
		checkCitations(tree, "", sourceIds, problems);
		checkArchitectures(data, problems);
		checkRuleReferences(data, problems);
		return problems;
	}

	// every "sources" list, and every "...Sources" list, must cite a declared source
	private static void checkCitations(JsonNode node, String path, Set<String> sourceIds, List<String> problems) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String key = property.getKey();
				JsonNode value = property.getValue();
				String here = path.isEmpty() ? key : path + "." + key;
				if ((key.equals("sources") || key.endsWith("Sources")) && value.isArray() && !path.isEmpty()) {
					for (JsonNode id : value.values()) {
						if (!sourceIds.contains(id.asString())) {
							problems.add(here + " cites " + id.asString() + ", which is not among the sources");
						}
					}
				}
				else {
					checkCitations(value, here, sourceIds, problems);
				}
			}
		}
		else if (node.isArray()) {
			int index = 0;
			for (JsonNode element : node.values()) {
				checkCitations(element, path + "[" + index++ + "]", sourceIds, problems);
			}
		}
	}

	private static void checkArchitectures(ReferenceData data, List<String> problems) {
		List<ReferenceData.Architecture> sizes = data.architectures();
		if (sizes.isEmpty()) {
			problems.add("no architectures");
			return;
		}
		var ids = new HashSet<String>();
		ReferenceData.Architecture previous = null;
		for (ReferenceData.Architecture size : sizes) {
			if (!ids.add(size.id())) {
				problems.add("architecture " + size.id() + " appears twice");
			}
			if (previous != null) {
				for (TrafficType type : TrafficType.values()) {
					if (size.target(type).compareTo(previous.target(type)) < 0) {
						problems.add(size.id() + " targets less " + type.label() + " RPS than " + previous.id());
					}
				}
				if (size.users() == previous.users()) {
					problems.add(size.id() + " and " + previous.id() + " are both named for " + size.users() + " users");
				}
			}
			if (size.linuxPackage() == null || size.linuxPackage().components().isEmpty()) {
				problems.add(size.id() + " has no Linux package components");
			}
			else if (size.linuxPackage().checkTotals() != null) {
				checkTotals(size, problems);
			}
			if (size.cloudNativeHybrid() != null && size.cloudNativeHybrid().available()
					&& (size.cloudNativeHybrid().nodePools().isEmpty() || size.cloudNativeHybrid().backendVms().isEmpty())) {
				problems.add(size.id() + " offers Cloud Native Hybrid but lists no node pools or backend VMs");
			}
			previous = size;
		}
	}

	private static void checkTotals(ReferenceData.Architecture size, List<String> problems) {
		int nodes = 0;
		BigDecimal vcpu = BigDecimal.ZERO;
		BigDecimal memory = BigDecimal.ZERO;
		for (ReferenceData.Vm vm : size.linuxPackage().components()) {
			nodes += vm.nodes();
			vcpu = vcpu.add(vm.vcpu().multiply(BigDecimal.valueOf(vm.nodes())));
			memory = memory.add(vm.memoryGb().multiply(BigDecimal.valueOf(vm.nodes())));
		}
		ReferenceData.Totals expected = size.linuxPackage().checkTotals();
		if (nodes != expected.nodes() || vcpu.compareTo(expected.vcpu()) != 0
				|| memory.compareTo(expected.memoryGb()) != 0) {
			problems.add(size.id() + " rows add up to " + nodes + " nodes, " + vcpu.toPlainString() + " vCPU, "
					+ memory.stripTrailingZeros().toPlainString() + " GB but checkTotals says " + expected.nodes()
					+ ", " + expected.vcpu().toPlainString() + ", " + expected.memoryGb().toPlainString());
		}
	}

	private static void checkRuleReferences(ReferenceData data, List<String> problems) {
		ReferenceData.Rules rules = data.rules();
		if (rules == null) {
			problems.add("no rules");
			return;
		}
		requireArchitecture(data, rules.availability().reducedHa().architecture(), "rules.availability.reducedHa",
				problems);
		requireArchitecture(data, rules.cloudNativeHybrid().smallestNonHa(), "rules.cloudNativeHybrid.smallestNonHa",
				problems);
		requireArchitecture(data, rules.cloudNativeHybrid().smallestHa(), "rules.cloudNativeHybrid.smallestHa",
				problems);
		if (!data.largest().id().equals(rules.documentedRange().largest())) {
			problems.add("rules.documentedRange.largest is " + rules.documentedRange().largest()
					+ " but the largest architecture is " + data.largest().id());
		}
		List<ReferenceData.CloudNativeFirstSize> cnf = data.cloudNativeFirst().sizes();
		for (int i = 1; i < cnf.size(); i++) {
			if (cnf.get(i).maxRps().compareTo(cnf.get(i - 1).maxRps()) <= 0) {
				problems.add("cloudNativeFirst.sizes must grow: " + cnf.get(i).id() + " after " + cnf.get(i - 1).id());
			}
		}
	}

	private static void requireArchitecture(ReferenceData data, String id, String where, List<String> problems) {
		if (data.architecture(id).isEmpty()) {
			problems.add(where + " names architecture " + id + ", which does not exist");
		}
	}
}
