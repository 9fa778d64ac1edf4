package dev.baton.audit;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recorded history of one record, newest first, for the pages that show a record with its
 * history; who may read it is decided by the page that shows the record.
 */
@Service
public class AuditHistory {

	/** The most entries one call answers. */
	public static final int MAX = 200;

	private final AuditQuery query;

	AuditHistory(AuditQuery query) {
		this.query = query;
	}

	/** The newest entries about a record, at most {@code limit} (1 to 200). */
	@Transactional(readOnly = true)
	public List<AuditEntry> of(String entityType, Object entityId, int limit) {
		if (limit < 1 || limit > MAX) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX + " but was " + limit);
		}
		return List.copyOf(query.find(new AuditQuery.Filter(entityType, String.valueOf(entityId), null, null, null, null,
				null, limit)));
	}
}
