package dev.baton.assignment.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.baton.organisation.SkillLevel;

/**
 * Rates an SA's skills against what the request demands: its required capabilities, its target
 * hosting, the customer's cloud vendors and the competitors evaluated. A skill matches a demand
 * when, ignoring case and punctuation, one contains the other as whole words or they share a
 * distinctive word ({@code migration-github} matches {@code GitHub Enterprise}). Each demand counts its best
 * matching skill by level (basic 1/3, working 2/3, expert 1); the value is the average over the
 * demands.
 */
public final class SkillMatchScorer implements Scorer {

	public static final String NAME = "skills";

	/** Words too common in skill names to mean a match on their own. */
	private static final Set<String> GENERIC = Set.of("migration", "management", "enterprise", "server", "cloud",
			"platform", "the", "and");

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Score score(RequestFacts request, Candidate candidate) {
		var demands = demands(request);
		if (demands.isEmpty()) {
			return Score.of(0, "the request names no skills");
		}
		var reasons = new ArrayList<String>();
		var missing = new ArrayList<String>();
		double sum = 0;
		for (var demand : demands) {
			String bestSkill = null;
			SkillLevel bestLevel = null;
			for (var skill : candidate.skills().entrySet()) {
				if (matches(skill.getKey(), demand) && (bestLevel == null || skill.getValue().compareTo(bestLevel) > 0)) {
					bestSkill = skill.getKey();
					bestLevel = skill.getValue();
				}
			}
			if (bestLevel == null) {
				missing.add(demand);
			} else {
				sum += weight(bestLevel);
				var reason = bestSkill + ": " + bestLevel.name().toLowerCase(Locale.ROOT);
				if (!reasons.contains(reason)) {
					reasons.add(reason);
				}
			}
		}
		if (!missing.isEmpty()) {
			reasons.add("no skill for " + String.join(", ", missing));
		}
		return new Score(Math.min(1, sum / demands.size()), reasons);
	}

	/** The request's demands, each once (ignoring case), in the order capabilities, hosting, cloud, competitors. */
	public static List<String> demands(RequestFacts request) {
		var unique = new LinkedHashMap<String, String>();
		var all = new ArrayList<String>(request.requiredCapabilities());
		if (request.hosting() != null) {
			all.add(request.hosting().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		}
		all.addAll(request.cloudVendors());
		all.addAll(request.competitors());
		for (var demand : all) {
			if (demand != null && !demand.isBlank()) {
				unique.putIfAbsent(normalize(demand), demand.strip());
			}
		}
		return List.copyOf(unique.values());
	}

	// skill names and demands come from small vocabularies, while a board ranks hundreds of SAs per request
	private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> MATCHES = new java.util.concurrent.ConcurrentHashMap<>();
	private static final int MAX_CACHED = 50_000;

	public static boolean matches(String skill, String demand) {
		var key = skill + '\u0000' + demand;
		var known = MATCHES.get(key);
		if (known != null) {
			return known;
		}
		var result = match(skill, demand);
		if (MATCHES.size() >= MAX_CACHED) {
			MATCHES.clear();
		}
		MATCHES.put(key, result);
		return result;
	}

	private static boolean match(String skill, String demand) {
		var s = normalize(skill);
		var d = normalize(demand);
		if (s.isEmpty() || d.isEmpty()) {
			return false;
		}
		if ((" " + d + " ").contains(" " + s + " ") || (" " + s + " ").contains(" " + d + " ")) {
			return true;
		}
		var padded = " " + d + " ";
		for (var word : s.split(" ")) {
			if (word.length() >= 3 && !GENERIC.contains(word) && padded.contains(" " + word + " ")) {
				return true;
			}
		}
		return false;
	}

	public static double weight(SkillLevel level) {
		switch (level) {
		case EXPERT:
			return 1;
		case WORKING:
			return 2.0 / 3;
		default:
			return 1.0 / 3;
		}
	}

	/** Lower case, every run of other characters than a-z and 0-9 one space, trimmed; no regex, as it runs per SA. */
	private static String normalize(String text) {
		var out = new StringBuilder(text.length());
		var gap = false;
		for (int i = 0; i < text.length(); i++) {
			var c = Character.toLowerCase(text.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (gap && out.length() > 0) {
					out.append(' ');
				}
				out.append(c);
				gap = false;
			} else {
				gap = true;
			}
		}
		return out.toString();
	}
}
