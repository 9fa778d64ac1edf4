package dev.baton.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.baton.BatonIntegrationTest;
import dev.baton.Http;
import dev.baton.MutableClock;
import dev.baton.usage.UsageIngestion;
import dev.baton.usage.UsageProperties;
import dev.baton.usage.jdbc.UsageEventRepository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka source against a real broker started in this JVM (KRaft), built by hand on the shared
 * context's ingestion: events in single and batch records counted once by (source, id), copies in
 * the topic and a consumer that reads offsets again after a restart adding nothing, and a record
 * that is not a CloudEvent or an event that breaks a rule dead-lettered with its reasons while the
 * events after it go in. An event PostgreSQL refuses is found alone and dead-lettered; a poll the
 * database fails on keeps its offsets uncommitted until the database takes it.
 */
@BatonIntegrationTest
class KafkaUsageSourceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String DEAD_LETTERS = "usage-events.rejected";

	private static EmbeddedKafkaKraftBroker broker;

	@LocalServerPort
	int port;

	@Autowired
	UsageIngestion ingestion;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 2, DEAD_LETTERS);
		// one partition for the offsets (not 50): the broker starts sooner
		broker.brokerProperty("offsets.topic.num.partitions", "1");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	/** Events are judged against the shared clock, which another test may have left anywhere. */
	@BeforeEach
	void clockAtNow() {
		clock.set(Instant.now());
	}

	@AfterEach
	void backToNow() {
		clock.set(Instant.now());
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private String register() {
		var source = "//" + unique("kafka") + ".acme.example";
		var response = Http.to(port).as("admin").post("/api/v1/usage/sources", Http.json(Map.of("source", source)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return source;
	}

	private String meter(String type) {
		var code = unique("kafka");
		var response = Http.to(port).as("admin").post("/api/v1/usage/meters", Http.json(Map.of("code", code, "name",
				"Kafka " + code, "eventType", type, "aggregation", "SUM", "valueProperty", "/minutes", "dimensions", Map.of(),
				"unit", "minutes")));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return code;
	}

	private BigDecimal total(String meter) {
		var hour = clock.instant().truncatedTo(ChronoUnit.HOURS);
		var response = Http.to(port).as("admin").get("/api/v1/usage/meters/" + meter + "/totals?window=NONE&from="
				+ hour.minus(1, ChronoUnit.HOURS) + "&to=" + hour.plus(1, ChronoUnit.HOURS));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		var rows = response.json().path("rows");
		return rows.isEmpty() ? BigDecimal.ZERO : rows.get(0).path("value").decimalValue();
	}

	private Map<String, Object> event(String source, String id, String type, Object minutes) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", source);
		event.put("type", type);
		event.put("subject", "acct-kafka");
		event.put("time", clock.instant().minusSeconds(5).toString());
		event.put("data", Map.of("minutes", minutes));
		return event;
	}

	/** A topic of the test's own, so that no other test's records are read. */
	private static String topic() {
		var topic = unique("usage-events");
		broker.addTopics(topic);
		return topic;
	}

	/** Writes the values (text in UTF-8, or bytes as they are) in order, to one partition. */
	private static void produce(String topic, List<?> values) throws Exception {
		try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()), new StringSerializer(), new ByteArraySerializer())) {
			for (var value : values) {
				var bytes = value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
				// one key: the records keep their order in one partition
				producer.send(new ProducerRecord<>(topic, "k", bytes)).get();
			}
		}
	}

	private KafkaUsageSource consumer(String topic, String group) {
		var source = new KafkaUsageSource(ingestion, new UsageProperties.Kafka(true, broker.getBrokersAsString(), topic,
				group, DEAD_LETTERS, 100));
		source.start();
		return source;
	}

	/** The dead letters of the records of a topic. */
	private static List<JsonNode> deadLetters(String topic, int expected) {
		var letters = new ArrayList<JsonNode>();
		try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString(), ConsumerConfig.GROUP_ID_CONFIG, unique("reader"),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(DEAD_LETTERS));
			var deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
			while (letters.size() < expected && System.nanoTime() < deadline) {
				for (var record : consumer.poll(Duration.ofMillis(500))) {
					var letter = JSON.readTree(record.value());
					if (letter.path("topic").asString().equals(topic)) {
						letters.add(letter);
					}
				}
			}
		}
		return letters;
	}

	/** The offsets the group committed on the topic, added over its partitions (its records are in one); 0 when none. */
	private static long committed(String group, String topic) throws Exception {
		try (var admin = AdminClient.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()))) {
			return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
					.filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
					.mapToLong(e -> e.getValue().offset()).sum();
		}
	}

	@Test
	void countsEachEventOnceAndDeadLettersWhatItCannotCountWithoutHoldingUpThePartition() throws Exception {
		var source = register();
		var type = unique("kafka.minutes");
		var meter = meter(type);
		var topic = topic();
		produce(topic, List.of(
				JSON.writeValueAsString(event(source, "k-1", type, 10)),
				// the same event again, as a producer retrying would send it
				JSON.writeValueAsString(event(source, "k-1", type, 10)),
				"not json, from " + source,
				JSON.writeValueAsString(List.of(event(source, "k-2", type, 5), event(source, "k-3", type, -1),
						event(source, "k-1", type, 10), event(source, "k-4", type, 2))),
				JSON.writeValueAsString(event("//unregistered." + source.substring(2), "k-5", type, 7)),
				JSON.writeValueAsString(event(source, "k-6", type, 1))));

		var consumer = consumer(topic, unique("baton-usage"));
		try {
			// 10 + 5 + 2 + 1: k-1 once, k-3 rejected, k-5 of no registered source
			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(total(meter)).isEqualByComparingTo("18"));
		}
		finally {
			consumer.stop();
		}

		var letters = deadLetters(topic, 3);
		assertThat(letters).extracting(l -> l.path("reasons").get(0).path("rule").asString())
				.containsExactlyInAnyOrder("usage.event-envelope", "usage.event-data", "usage.event-source");
		assertThat(letters).filteredOn(l -> "k-3".equals(l.path("id").asString())).singleElement()
				.satisfies(l -> assertThat(l.path("index").asInt()).isEqualTo(1));
	}

	@Test
	void aConsumerThatReadsCommittedEventsAgainAfterARestartAddsNothing() throws Exception {
		var source = register();
		var type = unique("kafka.minutes");
		var meter = meter(type);
		var group = unique("baton-usage");
		var topic = topic();
		var batch = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < 50; i++) {
			batch.add(event(source, "r-" + i, type, 2));
		}
		produce(topic, List.of(JSON.writeValueAsString(batch.subList(0, 25)), JSON.writeValueAsString(batch.subList(25, 50))));
		var first = consumer(topic, group);
		try {
			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(total(meter)).isEqualByComparingTo("100"));
		}
		finally {
			first.stop();
		}

		// as after a crash between the database commit and the offset commit: the group reads it all again
		try (var admin = AdminClient.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				broker.getBrokersAsString()))) {
			var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
			assertThat(committed.values()).as("offsets committed once the events were").isNotEmpty();
			var rewound = new LinkedHashMap<TopicPartition, OffsetAndMetadata>();
			committed.keySet().forEach(partition -> rewound.put(partition, new OffsetAndMetadata(0)));
			admin.alterConsumerGroupOffsets(group, rewound).all().get();
		}
		produce(topic, List.of(JSON.writeValueAsString(event(source, "r-50", type, 3))));
		var second = consumer(topic, group);
		try {
			// only the new event adds: every one read again is a duplicate
			await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(total(meter)).isEqualByComparingTo("103"));
		}
		finally {
			second.stop();
		}
		assertThat(total(meter)).isEqualByComparingTo("103");
	}

	@Test
	void whatCannotBeReadOrStoredIsDeadLetteredAndThePartitionGoesOn() throws Exception {
		var source = register();
		var type = unique("kafka.minutes");
		var meter = meter(type);
		var topic = topic();
		var group = unique("baton-usage");
		var poison = unique("poison");
		var constraint = "usage_event_key_" + poison.replace('-', '_');
		// a refusal no rule of Baton's foresees, as a constraint added later would be: found by splitting the poll
		jdbc.sql("ALTER TABLE usage_event_key ADD CONSTRAINT " + constraint + " CHECK (event_id <> '" + poison
				+ "') NOT VALID").update();
		try {
			produce(topic, List.of(
					JSON.writeValueAsString(event(source, "k-1", type, 10)),
					JSON.writeValueAsString(event(source, "nul-\u0000", type, 1)),
					JSON.writeValueAsString(event(source, "utf-16", type, 1)).getBytes(StandardCharsets.UTF_16),
					JSON.writeValueAsString(event(source, "huge", type, "@huge@")).replace("\"@huge@\"", "1e99999999999"),
					JSON.writeValueAsString(event("//\u0000" + source.substring(2), "nul-in-source", type, 1)),
					JSON.writeValueAsString(List.of(event(source, "k-2", type, 5), event(source, poison, type, 100),
							event(source, "k-3", type, 2))),
					JSON.writeValueAsString(event(source, "k-4", type, 1))));
			var consumer = consumer(topic, group);
			try {
				await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(committed(group, topic)).isEqualTo(7));
			}
			finally {
				consumer.stop();
			}
		}
		finally {
			jdbc.sql("ALTER TABLE usage_event_key DROP CONSTRAINT " + constraint).update();
		}

		assertThat(total(meter)).isEqualByComparingTo("18");
		var letters = deadLetters(topic, 5);
		assertThat(letters).extracting(l -> l.path("reasons").get(0).path("rule").asString()).containsExactlyInAnyOrder(
				"usage.event-envelope", "usage.event-envelope", "usage.event-envelope", "usage.event-source", "usage.event-data");
		assertThat(letters).filteredOn(l -> poison.equals(l.path("id").asString())).singleElement().satisfies(l -> {
			assertThat(l.path("index").asInt()).isEqualTo(1);
			assertThat(l.path("reasons").get(0).path("message").asString()).contains("PostgreSQL cannot store", constraint);
		});
	}

	@Test
	void offsetsStayUncommittedWhileTheDatabaseFailsAndTheEventsAreCountedOnceWhenItTakesThem() throws Exception {
		var source = register();
		var type = unique("kafka.minutes");
		var meter = meter(type);
		var topic = topic();
		var group = unique("baton-usage");
		produce(topic, List.of(JSON.writeValueAsString(event(source, "f-1", type, 10)),
				JSON.writeValueAsString(event(source, "f-2", type, 5)),
				JSON.writeValueAsString(List.of(event(source, "f-3", type, 2), event(source, "f-4", type, 1)))));
		try (var connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			// the lock a meter being defined holds: ingestion waits for it
			try (var lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
				lock.setLong(1, UsageEventRepository.METERS_LOCK);
				lock.execute();
			}
			var consumer = consumer(topic, group);
			try {
				// the waiting ingestion is cancelled, as a statement timeout or an operator would: the poll fails
				var failedAt = await().atMost(Duration.ofSeconds(40)).until(this::cancelWaitingIngestion, Objects::nonNull);
				// and is tried again, and waits again, with its offsets not committed and nothing counted
				await().atMost(Duration.ofSeconds(40)).until(() -> ingestionWaitingSince(failedAt));
				assertThat(committed(group, topic)).isZero();
				assertThat(total(meter)).isZero();

				connection.rollback();
				await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(committed(group, topic)).isEqualTo(3));
			}
			finally {
				connection.rollback();
				consumer.stop();
			}
		}
		assertThat(total(meter)).isEqualByComparingTo("18");
		assertThat(jdbc.sql("SELECT count(*) FROM usage_event WHERE source = :source").param("source", source)
				.query(Long.class).single()).isEqualTo(4);
	}

	private static final String WAITING_INGESTION = """
			FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'
			AND query LIKE '%pg_advisory_xact_lock_shared%' AND pid <> pg_backend_pid()""";

	/** Cancels the ingestion waiting for the meters' lock; when it did, answers when. */
	private Timestamp cancelWaitingIngestion() {
		return jdbc.sql("SELECT now() FROM (SELECT pg_cancel_backend(pid) AS cancelled " + WAITING_INGESTION + ") c WHERE cancelled")
				.query(Timestamp.class).list().stream().findFirst().orElse(null);
	}

	private boolean ingestionWaitingSince(Timestamp since) {
		return jdbc.sql("SELECT count(*) " + WAITING_INGESTION + " AND query_start > :since").param("since", since)
				.query(Long.class).single() > 0;
	}
}
