package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Where the inbox's Open goes, without Spring: the page a notification is about, on this server,
 * and never another host.
 */
class InboxLinksTests {

	private static final String BASE = "https://baton.example.com";

	private static Notification about(String link, UUID requestId) {
		return new Notification(UUID.randomUUID(), "title", "body", link, requestId, Instant.EPOCH, null);
	}

	private static String open(String link) {
		return InboxPages.href(about(link, null), BASE);
	}

	@Test
	void aRequestsNotificationOpensTheRequest() {
		var id = UUID.randomUUID();

		assertThat(InboxPages.href(about(BASE + "/requests/" + id, id), BASE)).isEqualTo("/requests/" + id);
	}

	@Test
	void otherNotificationsOpenThePageTheirAbsoluteLinkNames() {
		var id = UUID.randomUUID();

		// as the on-site, up-sell and renewal listeners store them: under the configured base URL
		assertThat(open(BASE + "/governance/onsite/" + id)).isEqualTo("/governance/onsite/" + id);
		assertThat(open(BASE + "/licensing/signals/" + id)).isEqualTo("/licensing/signals/" + id);
		assertThat(open(BASE + "/subscriptions/" + id + "?tab=renewal")).isEqualTo("/subscriptions/" + id + "?tab=renewal");
		assertThat(open("/subscriptions/" + id)).isEqualTo("/subscriptions/" + id);
	}

	@Test
	void aLinkThatWouldLeaveThisServerOpensTheInbox() {
		assertThat(open("//evil.example/requests")).isEqualTo("/inbox");
		assertThat(open("/\\evil.example/requests")).isEqualTo("/inbox");
		assertThat(open("https://evil.example/requests")).isEqualTo("/inbox");
		assertThat(open(BASE + ".evil.example/requests")).isEqualTo("/inbox");
		assertThat(open(BASE + "@evil.example/requests")).isEqualTo("/inbox");
		assertThat(open(BASE + "//evil.example/requests")).isEqualTo("/inbox");
		assertThat(open("/requests\r\nLocation: https://evil.example")).isEqualTo("/inbox");
		assertThat(open("javascript:alert(1)")).isEqualTo("/inbox");
		assertThat(open(null)).isEqualTo("/inbox");
	}
}
