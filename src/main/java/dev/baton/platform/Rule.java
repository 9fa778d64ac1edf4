package dev.baton.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A business rule a policy decides by, with a stable identifier (such as triage.second-review)
 * that API clients, pages and metrics key on. Each module declares its rules as an enum whose
 * constants each carry {@link Id} with the identifier and, where there is one, the request field.
 */
public interface Rule {

	/** A rule constant's stable identifier and, where there is one, the request field it is about. */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.FIELD)
	@interface Id {

		/** Lower case, dot-separated, never reused for another rule. */
		String value();

		/** The request field, for a Problem Detail's field errors; empty when none. */
		String field() default "";
	}

	/** The stable identifier: lower case, dot-separated, never reused for another rule. */
	default String id() {
		return RuleDeclarations.of(this).value();
	}

	/** The request field the rule is about, for a Problem Detail's field errors; null when none. */
	default String field() {
		var field = RuleDeclarations.of(this).field();
		return field.isEmpty() ? null : field;
	}
}
