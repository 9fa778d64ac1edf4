package dev.baton.platform.database;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external PostgreSQL is configured and the embedded server is not switched off.
 */
class NoExternalDatabaseCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		var url = environment.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			return ConditionOutcome.noMatch("an external database is configured at " + url);
		}
		if (!environment.getProperty("baton.database.embedded.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("baton.database.embedded.enabled is false");
		}
		return ConditionOutcome.match("no external database is configured");
	}
}
