package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every module's rules: each constant declares a well-formed identifier, no two rules anywhere
 * share one, and an enum with a constant that forgets its declaration fails on first use rather
 * than answering null.
 */
class RuleTests {

	enum Sample implements Rule {
		@Rule.Id(value = "sample.with-field", field = "seats")
		WITH_FIELD,
		@Rule.Id("sample.without-field")
		WITHOUT_FIELD
	}

	enum Incomplete implements Rule {
		@Rule.Id("incomplete.declared")
		DECLARED,
		FORGOTTEN
	}

	@Test
	void aConstantAnswersItsDeclaredIdAndField() {
		assertThat(Sample.WITH_FIELD.id()).isEqualTo("sample.with-field");
		assertThat(Sample.WITH_FIELD.field()).isEqualTo("seats");
		assertThat(Sample.WITHOUT_FIELD.field()).isNull();
		// one constant without its declaration fails the whole enum, on first use
		assertThatThrownBy(Incomplete.DECLARED::id).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("Incomplete.FORGOTTEN has no @Rule.Id");
	}

	@Test
	void everyRuleOfEveryModuleHasItsOwnWellFormedId() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Rule.class));
		var seen = new HashMap<String, String>();
		var enums = new ArrayList<String>();
		for (var candidate : scanner.findCandidateComponents("dev.baton")) {
			var type = Class.forName(candidate.getBeanClassName());
			if (!type.isEnum() || type.getName().startsWith(RuleTests.class.getName())) {
				continue;
			}
			enums.add(type.getSimpleName());
			for (var constant : type.getEnumConstants()) {
				var rule = (Rule) constant;
				assertThat(rule.id()).as(type.getSimpleName() + "." + constant).matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");
				var other = seen.put(rule.id(), type.getSimpleName() + "." + constant);
				assertThat(other).as("the id " + rule.id() + " of " + type.getSimpleName() + "." + constant).isNull();
				assertThat(rule.field()).as(type.getSimpleName() + "." + constant).isNotEqualTo("");
			}
		}
		assertThat(enums).contains("EngagementRule", "OrderRule", "QuoteRule", "SubscriptionRule", "CatalogRule");
	}
}
