package dev.baton.organisation;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.organisation.domain.Violations;
import dev.baton.organisation.jdbc.RegionRepository;
import dev.baton.platform.BatonException;

/** The regions boards and people belong to. */
@Service
public class Regions {

	static final Pattern REGION_KEY = Pattern.compile("[A-Z][A-Z0-9_-]{1,19}");

	private final RegionRepository repository;
	private final AuditLog audit;

	Regions(RegionRepository repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	@Transactional
	public Region addRegion(Region region) {
		var violations = new Violations()
				.matches(region.key(), REGION_KEY, "key",
						"must be 2 to 20 upper-case letters, digits, '-' or '_', starting with a letter")
				.text(region.name(), "name", 200);
		violations.throwIfAny();
		var stored = new Region(region.key(), region.name().strip());
		try {
			repository.insert(stored);
		} catch (DuplicateKeyException e) {
			throw new BatonException(OrganisationProblems.REGION_EXISTS, "Region " + region.key() + " exists already");
		}
		audit.record("region.created", "region", stored.key(), null, Map.of("name", stored.name()));
		return stored;
	}

	@Transactional(readOnly = true)
	public Region region(String key) {
		return repository.region(key).orElseThrow(() -> BatonException.notFound("Region", key));
	}

	@Transactional(readOnly = true)
	public List<Region> regions() {
		return repository.regions();
	}

	/** Whether the organisation has not been set up yet (no region). */
	@Transactional(readOnly = true)
	public boolean isEmpty() {
		return repository.count() == 0;
	}

	/** Checks a region key of a board or person: it must name a known region (when given, or when required). */
	void check(String regionKey, String field, boolean required, Violations violations) {
		if (regionKey == null) {
			violations.require(!required, field, "is required");
		} else if (repository.region(regionKey).isEmpty()) {
			violations.add(field, "is not a known region: " + regionKey);
		}
	}
}
