package dev.baton.audit;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.baton.platform.RequestIds;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records changes in the audit trail. The actor is the authenticated user (or {@code system}
 * for scheduled work), the reason is the caller's or the request's {@code Audit-Reason} header.
 */
@Service
public class AuditLog {

	/** The header through which an API client says why it makes a change. */
	public static final String REASON_HEADER = "Audit-Reason";

	static final String SYSTEM = "system";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = JsonMapper.builder().findAndAddModules().build();
	}

	/**
	 * Records a change; must run inside the transaction that makes it.
	 *
	 * @param action what happened, past tense and dotted: {@code user.created}
	 * @param entityType the kind of record: {@code user}
	 * @param entityId the record's id
	 * @param reason why, when the operation carries one; otherwise the request's Audit-Reason
	 * @param details what changed, as JSON-friendly values
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId, String reason, Map<String, ?> details) {
		insert(currentActor(), action, entityType, entityId, reason != null ? reason : requestReason(), details);
	}

	/**
	 * Records a change Baton made by itself, whoever's request it happened in (a lock set after
	 * too many wrong passwords); must run inside the transaction that makes it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordBySystem(String action, String entityType, Object entityId, String reason,
			Map<String, ?> details) {
		insert(SYSTEM, action, entityType, entityId, reason, details);
	}

	/**
	 * Records the same change Baton made by itself to many records at once (the lines a billing run
	 * added to many invoices), in one statement; must run inside the transaction that makes it.
	 *
	 * @param details per record id, what changed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAllBySystem(String action, String entityType, Map<?, ? extends Map<String, ?>> details,
			String reason) {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(entityType, "entityType");
		if (details.isEmpty()) {
			return;
		}
		var ids = new String[details.size()];
		var texts = new String[details.size()];
		int i = 0;
		for (var each : details.entrySet()) {
			ids[i] = String.valueOf(Objects.requireNonNull(each.getKey(), "entityId"));
			texts[i++] = json.writeValueAsString(each.getValue() == null ? Map.of() : each.getValue());
		}
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, reason, details, request_id)
				SELECT CAST(:at AS timestamptz), CAST(:actor AS text), CAST(:action AS text), CAST(:entityType AS text), e.id,
				  CAST(:reason AS text), CAST(e.details AS jsonb), CAST(:requestId AS text)
				FROM unnest(CAST(:ids AS text[]), CAST(:details AS text[])) AS e (id, details)""")
				.param("at", java.sql.Timestamp.from(clock.instant())).param("actor", SYSTEM).param("action", action)
				.param("entityType", entityType).param("reason", reason).param("ids", ids).param("details", texts)
				.param("requestId", RequestIds.current()).update();
	}

	private void insert(String actor, String action, String entityType, Object entityId, String reason,
			Map<String, ?> details) {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(entityType, "entityType");
		Objects.requireNonNull(entityId, "entityId");
		jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, entity_type, entity_id, reason, details, request_id)
				VALUES (:at, :actor, :action, :entityType, :entityId, :reason, CAST(:details AS jsonb), :requestId)
				""")
				.param("at", java.sql.Timestamp.from(clock.instant()))
				.param("actor", actor)
				.param("action", action)
				.param("entityType", entityType)
				.param("entityId", String.valueOf(entityId))
				.param("reason", reason)
				.param("details", json.writeValueAsString(details == null ? Map.of() : details))
				.param("requestId", RequestIds.current())
				.update();
	}

	/** Records a change with no details. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String action, String entityType, Object entityId) {
		record(action, entityType, entityId, null, Map.of());
	}

	static String currentActor() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	private static String requestReason() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			var reason = attributes.getRequest().getHeader(REASON_HEADER);
			if (reason != null && !reason.isBlank()) {
				return reason.length() > 500 ? reason.substring(0, 500) : reason.strip();
			}
		}
		return null;
	}
}
