package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The message bundle speaks for every rule and every value people meet: each rule identifier of
 * every module and each value of the enums the pages, errors and e-mail show has its words, and
 * counts take the right plural ({@link MessageBundlesTests} holds German to every English key).
 */
class WordsTests {

	/** The values the daily pages, form errors and e-mail show. */
	static final List<Class<? extends Enum<?>>> SHOWN = List.of(dev.baton.engagement.RequestStatus.class,
			dev.baton.engagement.RequestLabel.class, dev.baton.engagement.RequestTemplate.class,
			dev.baton.engagement.SaAsk.class, dev.baton.engagement.Hosting.class, dev.baton.engagement.ReviewVerdict.class,
			dev.baton.engagement.ApprovalDecision.class, dev.baton.engagement.domain.ApprovalGate.class,
			dev.baton.engagement.domain.ThreadItems.Comment.Kind.class, dev.baton.engagement.domain.Advisory.Level.class,
			dev.baton.engagement.SaRequestClockAlert.Kind.class, dev.baton.identity.Role.class,
			dev.baton.organisation.Segment.class, dev.baton.organisation.Seniority.class,
			dev.baton.organisation.SkillLevel.class, dev.baton.organisation.AbsenceKind.class, dev.baton.pipeline.Stage.class,
			dev.baton.assignment.domain.CapacityPolicy.Status.class, dev.baton.subscription.SubscriptionStatus.class,
			dev.baton.billing.InvoiceStatus.class, dev.baton.quoting.QuoteStatus.class, dev.baton.billing.PaymentStatus.class,
			dev.baton.billing.PaymentMethodType.class, dev.baton.licensing.UpsellSignal.Cause.class);

	private static Properties bundle(String name) throws IOException {
		var properties = new Properties();
		try (var in = WordsTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void everyRuleOfEveryModuleAndEveryShownValueHasItsWords() throws Exception {
		var english = bundle("messages.properties");
		var missing = new ArrayList<String>();
		for (var rule : rules()) {
			if (!english.containsKey("rule." + rule.id())) {
				missing.add("rule." + rule.id());
			}
		}
		for (var type : SHOWN) {
			for (var value : type.getEnumConstants()) {
				if (!english.containsKey(Words.key(value))) {
					missing.add(Words.key(value));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void countsAndDurationsAreInWordsWithTheRightPlural() {
		var words = BundleWords.words();
		try {
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(words.count("requests", 1)).isEqualTo("1 request");
			assertThat(words.count("engaged-requests", 2)).isEqualTo("2 engaged requests");
			assertThat(words.businessDuration(java.time.Duration.ofMinutes(61))).isEqualTo("1 business hour 1 minute");
			assertThat(words.duration(java.time.Duration.ofHours(49))).isEqualTo("2 days 1 hour");
			assertThat(words.of(dev.baton.engagement.SaAsk.TECHNICAL_QA)).isEqualTo("Technical Q&A");
			assertThat(words.rule("segment.prerequisites")).isEqualTo("What the segment expects first");
			assertThat(words.field("details.hosting")).isEqualTo("Hosting");
			assertThat(words.fieldError("details.hosting", "is required: SELF_MANAGED, CLOUD or SAAS"))
					.doesNotContain("SELF_MANAGED").startsWith("Choose where the customer will run it");
			LocaleContextHolder.setLocale(Locale.GERMAN);
			assertThat(words.count("requests", 2)).isEqualTo("2 Anfragen");
			assertThat(words.of(dev.baton.engagement.RequestStatus.DONE)).isEqualTo("Erledigt");
			assertThat(words.of(dev.baton.organisation.SkillLevel.EXPERT)).isEqualTo("Expertenwissen");
			// a key a language lacks falls back to English, never to the key nor to the server's language
			assertThat(words.get("words.only-in-english")).isEqualTo("Only in English");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
	}

	private static List<Rule> rules() throws ClassNotFoundException {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {
			@Override
			protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
				return true;
			}
		};
		scanner.addIncludeFilter(new AssignableTypeFilter(Rule.class));
		var rules = new ArrayList<Rule>();
		for (var candidate : scanner.findCandidateComponents("dev.baton")) {
			var type = Class.forName(candidate.getBeanClassName());
			if (type.isEnum() && !type.getName().startsWith("dev.baton.platform.RuleTests")) {
				for (var constant : type.getEnumConstants()) {
					rules.add((Rule) constant);
				}
			}
		}
		return rules;
	}
}
