package dev.baton.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;


import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.TestMailServer;
import dev.baton.engagement.RequestTemplate;
import dev.baton.engagement.SaRequestAssigned;
import dev.baton.engagement.SaRequestClockAlert;
import dev.baton.engagement.SaRequestDeclined;
import dev.baton.engagement.SaRequestFiled;
import dev.baton.engagement.SaRequestInformationProvided;
import dev.baton.engagement.SaRequestNeedsInformation;
import dev.baton.organisation.Circle;
import dev.baton.organisation.Organisation;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who hears what about SA requests, end to end: engagement events published in a transaction, a
 * real chat webhook on a local port, a real SMTP server (GreenMail), the inbox API over HTTP, and
 * retries driven by moving the clock.
 */
@BatonIntegrationTest
class NotificationsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final ChatWebhookServer CHAT = ChatWebhookServer.start();
	private static final String LISTENER = "%NotificationListeners%";



	@AfterAll
	static void stopServers() {
		CHAT.close();
	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisation organisation;

	@Autowired
	DeliveryPoller poller;

	Circle cascade;
	Circle thames;

	@BeforeEach
	void startClean() {
		// PostgreSQL keeps microseconds; a clock without nanoseconds makes stored times compare exactly
		clock.set(clock.instant().truncatedTo(ChronoUnit.MICROS));
		// an earlier test's unfinished delivery must not be retried into this test's webhook
		jdbc.sql("UPDATE notification_delivery SET status = 'FAILED' WHERE status IN ('PENDING', 'SENDING')").update();
		useWebhook("Circle Cascade");
		cascade = circle("Circle Cascade");
		thames = circle("Circle Thames");
	}

	@Test
	void announcesFiledRequestInTheCircleChannelWithItsLink() {
		var hook = useWebhook("Circle Cascade");
		var event = filed(cascade, false, null);

		publish(event);

		await().untilAsserted(() -> assertThat(CHAT.accepted(hook)).hasSize(1));
		var message = JSON.readTree(CHAT.accepted(hook).get(0));
		assertThat(message.path("text").asString()).contains("Alex Morgan filed " + event.title())
				.contains("http://localhost:8080/requests/" + event.requestId()).doesNotContain("Fast Track");
		assertThat(message.path("blocks").get(0).path("text").path("text").asString())
				.contains("<http://localhost:8080/requests/" + event.requestId() + "|Open the request>");
		awaitHandled(event.requestId(), 1);
		assertThat(deliveries(event.requestId(), "EMAIL")).as("e-mail only on the fast track").isZero();
	}

	@Test
	void fastTrackIsAnnouncedLoudlyAndMailedToTheCircleAndItsManager() throws Exception {
		var hook = useWebhook("Circle Cascade");
		var event = filed(cascade, true, clock.instant().plus(Duration.ofMinutes(5 * 60 + 30)));

		publish(event);

		await().untilAsserted(() -> assertThat(CHAT.accepted(hook)).hasSize(1));
		assertThat(JSON.readTree(CHAT.accepted(hook).get(0)).path("text").asString())
				.startsWith("<!here> :rotating_light: Fast Track: meeting in 5 hours, assign now.")
				.contains(event.title());
		var readers = cascade.memberIds().size() + 1;
		await().untilAsserted(() -> assertThat(mailsAbout(event.title())).hasSize(readers));
		var mail = mailsAbout(event.title()).stream().filter(m -> to(m).equals("sam.rivera@baton.example")).findFirst()
				.orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("Fast Track: " + event.title());
		assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("baton@localhost");
		assertThat(mailsAbout(event.title()).stream().map(NotificationsTests::to))
				.contains("morgan.lee@baton.example", "priya.natarajan@baton.example");
	}

	@Test
	void mailsTheCirclesQuestionsToTheAe() throws Exception {
		var requestId = UUID.randomUUID();
		var title = title("Globex Retail: SA Activity");
		var questions = "Which cloud do they run on?\nHow many developers will use it?";

		publish(new SaRequestNeedsInformation(requestId, personId("alex.morgan"), cascade.id(), title, questions,
				personId("sam.rivera")));

		await().untilAsserted(() -> assertThat(mailsAbout(title)).hasSize(1));
		var mail = mailsAbout(title).get(0);
		assertThat(to(mail)).isEqualTo("alex.morgan@baton.example");
		assertThat(mail.getSubject()).isEqualTo("Questions on " + title);
		assertThat(((String) mail.getContent()).replace("\r\n", "\n")).contains("Sam Rivera of Circle Cascade")
				.contains(questions).contains("http://localhost:8080/requests/" + requestId);
		var inbox = Http.to(port).as("ae").get("/api/v1/me/notifications?unreadOnly=true&size=200").json();
		assertThat(inbox.path("items").toString()).contains("Questions on " + title).contains(questions.replace("\n", "\\n"));
	}

	@Test
	void tellsEveryMemberAndTheManagerInTheirInboxAndTracksWhatIsRead() {
		var event = filed(cascade, false, null);
		publish(event);
		awaitHandled(event.requestId(), 1);
		var sam = Http.to(port).as("sa");

		var unread = sam.get("/api/v1/me/notifications?unreadOnly=true&page=0&size=200");
		assertThat(unread.status()).isEqualTo(200);
		var id = idOf(unread, "New request: " + event.title());
		assertThat(idOf(Http.to(port).as("sa-manager").get("/api/v1/me/notifications?size=200"), "New request: " + event.title()))
				.as("the manager's entry").isNotNull();
		assertThat(Http.to(port).as("ae").get("/api/v1/me/notifications?size=200").body())
				.as("the AE is not in the circle").doesNotContain(event.title());
		assertThat(inboxRows(event.requestId())).isEqualTo(cascade.memberIds().size() + 1);

		assertThat(sam.post("/api/v1/me/notifications/" + id + "/read", "").status()).isEqualTo(204);

		assertThat(sam.get("/api/v1/me/notifications?unreadOnly=true&size=200").body()).doesNotContain(id);
		var all = sam.get("/api/v1/me/notifications?size=200").json().path("items");
		var entry = Stream.of(toArray(all)).filter(n -> n.path("id").asString().equals(id)).findFirst().orElseThrow();
		assertThat(entry.path("readAt").asString()).isEqualTo(clock.instant().toString());
		assertThat(entry.path("link").asString()).isEqualTo("http://localhost:8080/requests/" + event.requestId());

		var another = filed(cascade, false, null);
		publish(another);
		awaitHandled(another.requestId(), 1);
		assertThat(sam.get("/api/v1/me/notifications?unreadOnly=true&size=1").json().path("totalItems").asLong())
				.isPositive();
		assertThat(sam.post("/api/v1/me/notifications/read-all", "").status()).isEqualTo(204);
		assertThat(sam.get("/api/v1/me/notifications?unreadOnly=true&size=1").json().path("totalItems").asLong())
				.isZero();
	}

	@Test
	void showsEachUserOnlyTheirOwnNotifications() {
		var event = filed(cascade, false, null);
		publish(event);
		awaitHandled(event.requestId(), 1);
		var id = idOf(Http.to(port).as("sa").get("/api/v1/me/notifications?size=200"), "New request: " + event.title());

		var stranger = Http.to(port).as("ae").post("/api/v1/me/notifications/" + id + "/read", "");

		assertThat(stranger.status()).isEqualTo(404);
		assertThat(stranger.json().path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(Http.to(port).as("ae").get("/api/v1/me/notifications?size=200").body()).doesNotContain(id);
		assertThat(Http.to(port).as("sa").get("/api/v1/me/notifications?unreadOnly=true&size=200").body())
				.as("still unread for its owner").contains(id);
		var partner = Http.to(port).as("partner").get("/api/v1/me/notifications");
		assertThat(partner.status()).isEqualTo(200);
		assertThat(partner.json().path("totalItems").asLong()).as("a login with no person has an empty inbox").isZero();
		assertThat(Http.to(port).get("/api/v1/me/notifications").status()).isEqualTo(401);
	}

	@Test
	void retriesAFailingWebhookWithBackoffUntilItTakesTheMessageOnce() {
		var hook = useWebhook("Circle Cascade");
		CHAT.failNext(hook, 3);
		var requestId = UUID.randomUUID();
		var title = title("Initech Health: Follow Up");

		publish(new SaRequestInformationProvided(requestId, personId("alex.morgan"), cascade.id(), title,
				clock.instant().plus(Duration.ofHours(4)), clock.instant().plus(Duration.ofDays(3))));

		var first = awaitChat(requestId, "PENDING", 1);
		assertThat(first.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(first.lastError()).isEqualTo("Chat webhook answered HTTP 500: boom");

		clock.advance(Duration.ofSeconds(59));
		poller.sendDue();
		assertThat(CHAT.calls(hook)).as("not due before its backoff").isEqualTo(1);

		clock.advance(Duration.ofSeconds(1));
		poller.sendDue();
		assertThat(awaitChat(requestId, "PENDING", 2).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

		clock.advance(Duration.ofMinutes(2));
		poller.sendDue();
		assertThat(awaitChat(requestId, "PENDING", 3).nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(4)));

		clock.advance(Duration.ofMinutes(4));
		poller.sendDue();
		awaitChat(requestId, "SENT", 4);

		clock.advance(Duration.ofHours(2));
		poller.sendDue();
		assertThat(CHAT.calls(hook)).isEqualTo(4);
		assertThat(CHAT.accepted(hook)).hasSize(1);
		assertThat(JSON.readTree(CHAT.accepted(hook).get(0)).path("text").asString())
				.contains("Alex Morgan answered the circle's questions on " + title);
	}

	@Test
	void givesUpAfterTheLastAttemptAndRecordsWhy() {
		var hook = useWebhook("Circle Cascade");
		CHAT.failNext(hook, Integer.MAX_VALUE);
		var requestId = UUID.randomUUID();

		publish(new SaRequestClockAlert(requestId, cascade.id(), null, title("Stark Manufacturing: SA Activity"),
				SaRequestClockAlert.Kind.TRIAGE_DUE_SOON, clock.instant().plus(Duration.ofHours(1))));

		for (int attempt = 1; attempt < 10; attempt++) {
			awaitChat(requestId, "PENDING", attempt);
			clock.advance(Duration.ofHours(1));
			poller.sendDue();
		}
		var failed = awaitChat(requestId, "FAILED", 10);
		assertThat(failed.lastError()).contains("HTTP 500");
		clock.advance(Duration.ofDays(1));
		poller.sendDue();
		assertThat(CHAT.calls(hook)).isEqualTo(10);
		assertThat(jdbc.sql("SELECT reason FROM audit_entry WHERE action = 'notification.delivery-failed' AND entity_id = :id")
				.param("id", failed.id().toString()).query(String.class).single()).isEqualTo("gave up after 10 attempts");
	}

	@Test
	void sendsOnceWhenAnEventIsDeliveredTwice() {
		var hook = useWebhook("Circle Cascade");
		var event = filed(cascade, true, clock.instant().plus(Duration.ofHours(6)));

		publish(event);
		publish(event);

		awaitHandled(event.requestId(), 2);
		await().untilAsserted(() -> assertThat(mailsAbout(event.title())).hasSize(cascade.memberIds().size() + 1));
		assertThat(CHAT.calls(hook)).isEqualTo(1);
		assertThat(inboxRows(event.requestId())).isEqualTo(cascade.memberIds().size() + 1);
		assertThat(deliveries(event.requestId(), "CHAT")).isEqualTo(1);
		assertThat(deliveries(event.requestId(), "EMAIL")).isEqualTo(cascade.memberIds().size() + 1);
	}

	@Test
	void skipsTheChannelOfACircleWithoutWebhookAndStillTellsItsPeople() {
		jdbc.sql("UPDATE circle SET chat_webhook_url = NULL WHERE name = 'Circle Thames'").update();
		var event = filed(circle("Circle Thames"), false, null);

		publish(event);

		awaitHandled(event.requestId(), 1);
		assertThat(deliveries(event.requestId(), "CHAT")).isZero();
		assertThat(inboxRows(event.requestId())).isEqualTo(thames.memberIds().size() + 1);
	}

	@Test
	void completesAnEventAboutACircleThatNoLongerExists() {
		var event = new SaRequestFiled(UUID.randomUUID(), UUID.randomUUID(), personId("alex.morgan"), UUID.randomUUID(),
				"commercial-amer", title("Acme Logistics: SA Activity"), RequestTemplate.SA_ACTIVITY, false, false, false,
				null, null, null);

		publish(event);

		awaitHandled(event.requestId(), 1);
		assertThat(inboxRows(event.requestId())).isZero();
		assertThat(deliveries(event.requestId(), "CHAT")).isZero();
	}

	@Test
	void tellsTheAeTheAssigneeAndTheCircleAboutAnAssignment() throws Exception {
		var hook = useWebhook("Circle Cascade");
		var requestId = UUID.randomUUID();
		var title = title("Hooli Cloud: SA Activity");

		publish(new SaRequestAssigned(requestId, personId("alex.morgan"), cascade.id(), title, personId("sam.rivera"), false,
				1, null, false));

		await().untilAsserted(() -> assertThat(CHAT.accepted(hook)).hasSize(1));
		assertThat(JSON.readTree(CHAT.accepted(hook).get(0)).path("text").asString())
				.contains("Sam Rivera takes " + title + ", requested by Alex Morgan.");
		await().untilAsserted(() -> assertThat(mailsAbout(title)).hasSize(2));
		var mails = mailsAbout(title);
		assertThat(mails.stream().map(NotificationsTests::to)).containsExactlyInAnyOrder("alex.morgan@baton.example",
				"sam.rivera@baton.example");
		var toAe = mails.stream().filter(m -> to(m).equals("alex.morgan@baton.example")).findFirst().orElseThrow();
		assertThat(toAe.getSubject()).isEqualTo("Your SA for " + title + ": Sam Rivera");
		assertThat(Http.to(port).as("sa").get("/api/v1/me/notifications?size=200").body()).contains("Assigned to you: " + title);
	}

	@Test
	void mailsTheReasonOfADeclineToTheAe() throws Exception {
		var requestId = UUID.randomUUID();
		var title = title("Tyrell Systems: Vendor Security Assessment");

		publish(new SaRequestDeclined(requestId, personId("alex.morgan"), cascade.id(), title,
				"The questionnaire goes to the security team, not the SAs", personId("priya.natarajan")));

		await().untilAsserted(() -> assertThat(mailsAbout(title)).hasSize(1));
		var mail = mailsAbout(title).get(0);
		assertThat(to(mail)).isEqualTo("alex.morgan@baton.example");
		assertThat(mail.getSubject()).isEqualTo("Declined: " + title);
		assertThat((String) mail.getContent()).contains("Reason: The questionnaire goes to the security team, not the SAs")
				.contains("Declined by Priya Natarajan.");
		assertThat(Http.to(port).as("ae").get("/api/v1/me/notifications?size=200").body()).contains("Declined: " + title);
	}

	@Test
	void alertsTheCircleTheManagerAndTheAssigneeWhenTheSlaIsBreached() {
		var hook = useWebhook("Circle Cascade");
		var requestId = UUID.randomUUID();
		var title = title("Wayne Financial: SA POV");
		var sam = personId("sam.rivera");

		publish(new SaRequestClockAlert(requestId, cascade.id(), sam, title, SaRequestClockAlert.Kind.SLA_BREACHED,
				clock.instant().minus(Duration.ofMinutes(5))));

		await().untilAsserted(() -> assertThat(CHAT.accepted(hook)).hasSize(1));
		assertThat(JSON.readTree(CHAT.accepted(hook).get(0)).path("text").asString())
				.startsWith(title + " missed its SLA").contains("Assigned to Sam Rivera.").doesNotContain("<!here>");
		awaitHandled(requestId, 1);
		assertThat(inboxRecipients(requestId)).containsExactlyInAnyOrder(cascade.managerId(), sam);
		assertThat(deliveries(requestId, "EMAIL")).isZero();
	}

	@Test
	void tellsOnlyTheChannelThatTriageIsDueSoon() {
		var hook = useWebhook("Circle Cascade");
		var requestId = UUID.randomUUID();
		var title = title("Globex Retail: Follow Up");

		publish(new SaRequestClockAlert(requestId, cascade.id(), null, title, SaRequestClockAlert.Kind.TRIAGE_DUE_SOON,
				clock.instant().plus(Duration.ofHours(1))));

		await().untilAsserted(() -> assertThat(CHAT.accepted(hook)).hasSize(1));
		assertThat(JSON.readTree(CHAT.accepted(hook).get(0)).path("text").asString())
				.startsWith(title + " is due for triage");
		awaitHandled(requestId, 1);
		assertThat(inboxRows(requestId)).isZero();
	}

	// ---------------------------------------------------------------------------------------------

	private record Row(UUID id, String status, int attempts, Instant nextAttemptAt, String lastError) {
	}

	private SaRequestFiled filed(Circle circle, boolean fastTrack, Instant firstMeetingAt) {
		var now = clock.instant();
		var requester = circle.name().equals("Circle Cascade") ? "alex.morgan" : "sophie.dubois";
		return new SaRequestFiled(UUID.randomUUID(), UUID.randomUUID(), personId(requester), circle.id(),
				circle.boardKey(), title("Acme Logistics: SA Activity"), RequestTemplate.SA_ACTIVITY, fastTrack, false,
				false, now.plus(Duration.ofHours(8)), now.plus(Duration.ofDays(3)), firstMeetingAt);
	}

	private static String title(String base) {
		return base + " " + UUID.randomUUID().toString().substring(0, 8);
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private String useWebhook(String circleName) {
		var hook = CHAT.newHook();
		jdbc.sql("UPDATE circle SET chat_webhook_url = :url WHERE name = :name").param("url", hook)
				.param("name", circleName).update();
		return hook;
	}

	private Circle circle(String name) {
		return organisation.circles().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private UUID personId(String handle) {
		return jdbc.sql("SELECT id FROM person WHERE email = :email").param("email", handle + "@baton.example")
				.query(UUID.class).single();
	}

	/** Waits until the notification listener has completed this many publications about the request. */
	private void awaitHandled(UUID requestId, int times) {
		await().untilAsserted(() -> assertThat(jdbc.sql("""
				SELECT count(*) FROM event_publication
				WHERE listener_id LIKE :listener AND serialized_event LIKE :request AND completion_date IS NOT NULL
				""").param("listener", LISTENER).param("request", "%" + requestId + "%").query(Long.class).single())
				.isEqualTo(times));
	}

	private Row awaitChat(UUID requestId, String status, int attempts) {
		await().untilAsserted(() -> assertThat(chatRow(requestId)).extracting(Row::status, Row::attempts)
				.containsExactly(status, attempts));
		return chatRow(requestId);
	}

	private Row chatRow(UUID requestId) {
		return jdbc.sql("""
				SELECT id, status, attempts, next_attempt_at, last_error FROM notification_delivery
				WHERE request_id = :request AND channel = 'CHAT'
				""").param("request", requestId)
				.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("status"), rs.getInt("attempts"),
						rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error")))
				.single();
	}

	private long deliveries(UUID requestId, String channel) {
		return jdbc.sql("SELECT count(*) FROM notification_delivery WHERE request_id = :request AND channel = :channel")
				.param("request", requestId).param("channel", channel).query(Long.class).single();
	}

	private long inboxRows(UUID requestId) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE request_id = :request").param("request", requestId)
				.query(Long.class).single();
	}

	private List<UUID> inboxRecipients(UUID requestId) {
		return jdbc.sql("SELECT recipient_id FROM notification WHERE request_id = :request").param("request", requestId)
				.query(UUID.class).list();
	}

	private static List<MimeMessage> mailsAbout(String title) {
		return Arrays.stream(TestMailServer.received()).filter(m -> {
			try {
				return m.getSubject().contains(title);
			} catch (jakarta.mail.MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private static String to(MimeMessage mail) {
		try {
			return ((InternetAddress) mail.getRecipients(RecipientType.TO)[0]).getAddress();
		} catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String idOf(Http.Response inbox, String title) {
		return Stream.of(toArray(inbox.json().path("items"))).filter(n -> n.path("title").asString().equals(title))
				.map(n -> n.path("id").asString()).findFirst()
				.orElseThrow(() -> new AssertionError("no " + title + " in " + inbox.status() + " " + inbox.body()));
	}

	private static tools.jackson.databind.JsonNode[] toArray(tools.jackson.databind.JsonNode array) {
		var nodes = new tools.jackson.databind.JsonNode[array.size()];
		for (int i = 0; i < array.size(); i++) {
			nodes[i] = array.get(i);
		}
		return nodes;
	}
}
