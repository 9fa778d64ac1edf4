package dev.baton.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.baton.organisation.Segment;

/**
 * Stages, subscription types and segments as a CRM writes them: enum names and labels.
 */
class CrmValuesTests {

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			0-Pending Acceptance   | PENDING_ACCEPTANCE
			1-Discovery            | DISCOVERY
			2-Scoping              | SCOPING
			3-Technical Evaluation | TECHNICAL_EVALUATION
			4-Proposal             | PROPOSAL
			5-Negotiating          | NEGOTIATING
			6-Awaiting Signature   | AWAITING_SIGNATURE
			7-Closing              | CLOSING
			Closed Won             | CLOSED_WON
			Closed Lost            | CLOSED_LOST
			TECHNICAL_EVALUATION   | TECHNICAL_EVALUATION
			technical_evaluation   | TECHNICAL_EVALUATION
			3 - technical evaluation | TECHNICAL_EVALUATION
			Technical Evaluation   | TECHNICAL_EVALUATION
			closed won             | CLOSED_WON
			""")
	void readsStageLabelsAndNames(String text, Stage expected) {
		assertThat(Stage.parse(text)).contains(expected);
	}

	@ParameterizedTest(name = "''{0}'' is no stage")
	@ValueSource(strings = { "", " ", "9-Won", "3-Technical", "Won", "8-Closing" })
	void refusesWhatIsNoStage(String text) {
		assertThat(Stage.parse(text)).isEmpty();
	}

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			SaaS         | SAAS
			SAAS         | SAAS
			Self-Managed | SELF_MANAGED
			self managed | SELF_MANAGED
			SELF_MANAGED | SELF_MANAGED
			Dedicated    | DEDICATED
			""")
	void readsSubscriptionTypeLabelsAndNames(String text, SubscriptionType expected) {
		assertThat(SubscriptionType.parse(text)).contains(expected);
	}

	@ParameterizedTest(name = "''{0}'' is no subscription type")
	@ValueSource(strings = { "Cloud", "On-Prem", "" })
	void refusesWhatIsNoSubscriptionType(String text) {
		assertThat(SubscriptionType.parse(text)).isEmpty();
	}

	@ParameterizedTest(name = "''{0}'' is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Mid-Market First Order   | MM_FIRST_ORDER
			MM_FIRST_ORDER           | MM_FIRST_ORDER
			Mid-Market Named (Key)   | MM_NAMED
			Mid-Market Named         | MM_NAMED
			SMB Named (Key)          | SMB_NAMED
			SMB First Year Expand    | SMB_FIRST_YEAR_EXPAND
			smb pooled               | SMB_POOLED
			Strategic Account Leader | STRATEGIC
			""")
	void readsSegmentLabelsAndNames(String text, Segment expected) {
		assertThat(Segment.parse(text)).contains(expected);
	}

	@ParameterizedTest(name = "''{0}'' is no segment")
	@ValueSource(strings = { "Enterprise", "SMB", "Mid-Market" })
	void refusesWhatIsNoSegment(String text) {
		assertThat(Segment.parse(text)).isEmpty();
	}
}
