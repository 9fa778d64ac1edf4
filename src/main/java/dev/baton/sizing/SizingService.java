package dev.baton.sizing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.sizing.internal.ReferenceData;
import dev.baton.sizing.internal.ReferenceDataLoader;
import dev.baton.sizing.internal.SizingPolicy;

/**
 * Recommends a reference architecture for a prospect's metrics from a versioned edition of the
 * vendor's published data, and says how to measure the metrics it needs.
 * <p>
 * Editions are read once, at construction, from {@code classpath:sizing/reference-architectures-*.json};
 * the newest is the default unless another is named. Instances are immutable and thread-safe.
 */
public final class SizingService {

	// read at class load so the type is registered, and listed under /problems, before it is first thrown
	private static final ProblemType EDITION_NOT_FOUND = SizingProblems.EDITION_NOT_FOUND;

	private final Map<String, SizingPolicy> policies;
	private final SizingPolicy defaultPolicy;
	private final List<Edition> editions;

	private SizingService(List<ReferenceData> editions, String defaultEdition) {
		var byId = new LinkedHashMap<String, SizingPolicy>();
		editions.forEach(edition -> byId.put(edition.edition(), new SizingPolicy(edition)));
		// newest first, so the ids read in the order people choose from
		this.policies = Collections.unmodifiableMap(byId);
		if (defaultEdition == null || defaultEdition.isBlank()) {
			this.defaultPolicy = byId.values().iterator().next();
		}
		else {
			this.defaultPolicy = byId.get(defaultEdition.strip());
			if (defaultPolicy == null) {
				throw new IllegalStateException("baton.sizing.edition names edition '" + defaultEdition
						+ "', but the classpath holds only " + byId.keySet());
			}
		}
		this.editions = byId.values().stream().map(SizingPolicy::edition).toList();
	}

	/** A service over every edition on the classpath, defaulting to the newest. */
	public static SizingService fromClasspath() {
		return fromClasspath(null);
	}

	/**
	 * A service over every edition on the classpath.
	 *
	 * @param defaultEdition the edition to use by default; {@code null} or blank for the newest
	 * @throws IllegalStateException if that edition is not on the classpath, or an edition is invalid
	 */
	public static SizingService fromClasspath(String defaultEdition) {
		return fromLocation(ReferenceDataLoader.DEFAULT_LOCATION, defaultEdition);
	}

	/**
	 * A service over the editions matching a Spring resource pattern, such as
	 * {@code file:/srv/baton/sizing/reference-architectures-*.json}.
	 */
	public static SizingService fromLocation(String locationPattern, String defaultEdition) {
		return new SizingService(ReferenceDataLoader.load(locationPattern), defaultEdition);
	}

	/**
	 * Recommends an architecture from the default edition.
	 *
	 * @throws BatonException never for valid metrics; {@link ProspectMetrics} refuses invalid ones when built
	 */
	public Recommendation recommend(ProspectMetrics metrics) {
		return defaultPolicy.recommend(metrics);
	}

	/**
	 * Recommends an architecture from the named edition.
	 *
	 * @throws BatonException of type {@code sizing-edition-not-found} if there is no such edition
	 */
	public Recommendation recommend(ProspectMetrics metrics, String edition) {
		return policy(edition).recommend(metrics);
	}

	/** The default edition. */
	public Edition edition() {
		return defaultPolicy.edition();
	}

	/** Every edition available, newest first. */
	public List<Edition> editions() {
		return editions;
	}

	/** The Prometheus queries and other ways to measure peak and sustained rates, from the default edition. */
	public MeasurementGuide measurementGuide() {
		return defaultPolicy.measurementGuide();
	}

	/**
	 * The measurement guide of the named edition.
	 *
	 * @throws BatonException of type {@code sizing-edition-not-found} if there is no such edition
	 */
	public MeasurementGuide measurementGuide(String edition) {
		return policy(edition).measurementGuide();
	}

	private SizingPolicy policy(String edition) {
		Objects.requireNonNull(edition, "edition");
		SizingPolicy policy = policies.get(edition);
		if (policy == null) {
			throw new BatonException(EDITION_NOT_FOUND,
					"There is no sizing data edition '" + edition + "'; available: " + policies.keySet(), List.of(),
					Map.of("edition", edition, "available", List.copyOf(policies.keySet())));
		}
		return policy;
	}
}
