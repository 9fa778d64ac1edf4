package dev.baton.postsales;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.baton.audit.AuditLog;
import dev.baton.identity.Role;
import dev.baton.organisation.CallContext;
import dev.baton.organisation.Organisation;
import dev.baton.organisation.PersonId;
import dev.baton.pipeline.AccountId;
import dev.baton.pipeline.Pipeline;
import dev.baton.platform.BatonException;
import dev.baton.platform.ProblemType;
import dev.baton.postsales.domain.PostSalesPolicies;

/**
 * Which Customer Success Manager is aligned to an account. The CRM does not send it, so Baton
 * keeps it: an administrator, an ASM or a CSM aligns one, and on-site approvals and the after-close
 * redirect look it up here.
 */
@Service
public class CsmAlignments {

	private final JdbcClient jdbc;
	private final Organisation organisation;
	private final Pipeline pipeline;
	private final AuditLog audit;
	private final Clock clock;

	CsmAlignments(JdbcClient jdbc, Organisation organisation, Pipeline pipeline, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.pipeline = pipeline;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<CsmAlignment> of(AccountId accountId) {
		return jdbc.sql("SELECT * FROM csm_alignment WHERE account_id = :account").param("account", accountId.value())
				.query((rs, n) -> {
					var csmId = rs.getObject("csm_id", UUID.class);
					return new CsmAlignment(accountId.value(), csmId, organisation.person(PersonId.of(csmId)).name(),
							rs.getString("aligned_by"), rs.getTimestamp("aligned_at").toInstant());
				}).optional();
	}

	/** Aligns a CSM to an account, replacing any other; {@code csmId} null removes the alignment. */
	@Transactional
	public Optional<CsmAlignment> align(AccountId accountId, PersonId csmId, CallContext caller) {
		PostSalesPolicies.mayAlignCsm(caller).orThrow(ProblemType.NOT_PERMITTED);
		pipeline.account(accountId);
		if (csmId == null) {
			var removed = jdbc.sql("DELETE FROM csm_alignment WHERE account_id = :account")
					.param("account", accountId.value()).update();
			if (removed > 0) {
				audit.record("csm.unaligned", "account", accountId.value(), null, Map.of());
			}
			return Optional.empty();
		}
		var csm = organisation.findPerson(csmId)
				.orElseThrow(() -> BatonException.invalid("csmId", "is not a person: " + csmId));
		if (csm.role() != Role.CSM) {
			throw BatonException.invalid("csmId", csm.name() + " is not a Customer Success Manager");
		}
		return Optional.of(write(accountId.value(), csmId.value(), csm.name(), caller.username()));
	}

	/** Aligns without asking who may, recorded as done by {@code by}: for the demo data and other trusted set-up. */
	@Transactional
	public CsmAlignment alignTrusted(AccountId accountId, PersonId csm, String by) {
		var csmId = csm.value();
		return write(accountId.value(), csmId, organisation.person(PersonId.of(csmId)).name(), by);
	}

	private CsmAlignment write(UUID accountId, UUID csmId, String csmName, String by) {
		var now = clock.instant();
		jdbc.sql("""
				INSERT INTO csm_alignment (account_id, csm_id, aligned_by, aligned_at) VALUES (:account, :csm, :by, :at)
				ON CONFLICT (account_id) DO UPDATE SET csm_id = :csm, aligned_by = :by, aligned_at = :at
				""").param("account", accountId).param("csm", csmId).param("by", by)
				.param("at", Timestamp.from(now)).update();
		audit.record("csm.aligned", "account", accountId, null, Map.of("csm", csmId.toString()));
		return new CsmAlignment(accountId, csmId, csmName, by, now);
	}
}
