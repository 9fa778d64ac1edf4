package dev.baton.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.baton.engagement.RequestDetails;
import dev.baton.engagement.RequestStatus;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaAsk;
import dev.baton.platform.FieldError;

/**
 * Each template names every piece of information it still misses.
 */
class TemplateRequirementsTests {

	private static final RequestDetails EMPTY = new RequestDetails(null, null, null, null, null, null, null, false, null, null);

	private static List<String> fields(List<FieldError> errors) {
		return errors.stream().map(FieldError::field).toList();
	}

	@Test
	void saActivityNeedsEverythingTheBriefLists() {
		assertThat(fields(TemplateRequirements.missing(RequestTemplate.SA_ACTIVITY, EMPTY))).containsExactly(
				"details.preferredDates", "details.hosting", "details.pains", "details.requiredCapabilities",
				"details.currentTools", "details.asks", "details.meeting");
	}

	@Test
	void aMeetingNeedsWhyObjectivesAgendaAndAttendees() {
		var details = new RequestDetails(Requests.request(RequestStatus.NEW, false).details().preferredDates(), null, null,
				null, null, Set.of(SaAsk.DEMO), new RequestDetails.Meeting(" ", null, "agenda", List.of()), false, null, null);

		assertThat(fields(TemplateRequirements.missing(RequestTemplate.FOLLOW_UP, details))).containsExactly(
				"details.meeting.why", "details.meeting.objectives", "details.meeting.attendees");
	}

	@Test
	void followUpNeedsDatesAsksAndTheMeeting() {
		assertThat(fields(TemplateRequirements.missing(RequestTemplate.FOLLOW_UP, EMPTY))).containsExactly(
				"details.preferredDates", "details.asks", "details.meeting");
	}

	@Test
	void securityAssessmentNeedsHostingCapabilitiesToolsAndDueDate() {
		assertThat(fields(TemplateRequirements.missing(RequestTemplate.VENDOR_SECURITY_ASSESSMENT, EMPTY))).containsExactly(
				"details.hosting", "details.requiredCapabilities", "details.currentTools", "details.dueDate");
	}

	@Test
	void eachDateOptionNeedsItsTimeZone() {
		var details = new RequestDetails(List.of(new RequestDetails.PreferredDate(java.time.Instant.now(), null)), null, null,
				null, null, null, null, false, null, null);

		assertThat(fields(TemplateRequirements.missing(RequestTemplate.FOLLOW_UP, details)))
				.contains("details.preferredDates[0].timeZone");
	}

	@Test
	void aCompleteActivityMissesNothing() {
		assertThat(TemplateRequirements.missing(RequestTemplate.SA_ACTIVITY, Requests.request(RequestStatus.NEW, false).details()))
				.isEmpty();
	}
}
