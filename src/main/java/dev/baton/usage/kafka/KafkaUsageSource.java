package dev.baton.usage.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.baton.usage.UsageIngestion;
import dev.baton.usage.UsageProperties;
import dev.baton.usage.UsageRule;
import dev.baton.usage.domain.CloudEventReader;
import dev.baton.usage.domain.SentEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka source of usage events ({@code baton.usage.kafka.*}, off by default): consumes a topic
 * of CloudEvents in the structured JSON mode, a record holding one event or a JSON array of them,
 * and takes each poll's events in through the same path as HTTP, counted exactly once by (source,
 * id). Offsets are committed only after the poll's events are committed to the database, so a
 * crash in between redelivers them and they come back as duplicates. A rejected event (or a record
 * that is not a CloudEvent, or an event PostgreSQL refuses for what it holds) goes to the dead-letter
 * topic with its reasons and the partition goes on; any other failure (the database down, the
 * dead-letter topic out of reach) retries the whole poll, with backoff, until it goes in.
 */
@Component
@ConditionalOnProperty(name = "baton.usage.kafka.enabled", havingValue = "true")
class KafkaUsageSource implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaUsageSource.class);

	private final UsageIngestion ingestion;
	private final UsageProperties.Kafka settings;
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	private final CloudEventReader reader = new CloudEventReader(json);
	private KafkaMessageListenerContainer<byte[], byte[]> container;
	private DefaultKafkaProducerFactory<byte[], byte[]> producers;
	private KafkaTemplate<byte[], byte[]> deadLetters;

	@Autowired
	KafkaUsageSource(UsageIngestion ingestion, UsageProperties properties) {
		this(ingestion, properties.kafka());
	}

	/** A source on these settings, whatever {@code enabled} says: for tests against a broker of their own. */
	KafkaUsageSource(UsageIngestion ingestion, UsageProperties.Kafka settings) {
		this.ingestion = ingestion;
		this.settings = settings;
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		var consumer = new LinkedHashMap<String, Object>();
		consumer.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
		consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
		consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
		// events of a producer's aborted transaction are never counted
		consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		var properties = new ContainerProperties(settings.topic());
		// the offsets of a poll are committed once the listener returned, that is after the database commit
		properties.setAckMode(ContainerProperties.AckMode.BATCH);
		properties.setSyncCommits(true);
		properties.setMessageListener((BatchMessageListener<byte[], byte[]>) this::take);
		container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(consumer, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
				properties);
		container.setBeanName("usage-kafka");
		var backOff = new ExponentialBackOff(1000, 2);
		backOff.setMaxInterval(30_000);
		// no recoverer is ever reached: a poll that fails (the database is down) is retried, never skipped;
		// what fails for the events' own content was dead-lettered by take() and does not fail the poll
		container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		if (!settings.deadLetterTopic().isBlank()) {
			var producer = new LinkedHashMap<String, Object>();
			producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
			producer.put(ProducerConfig.ACKS_CONFIG, "all");
			producers = new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer());
			deadLetters = new KafkaTemplate<>(producers);
		}
		container.start();
		log.info("Consuming usage events from Kafka topic {} at {} (group {})", settings.topic(),
				settings.bootstrapServers(), settings.groupId());
	}

	@Override
	public synchronized void stop() {
		if (container != null) {
			container.stop();
			container = null;
		}
		if (producers != null) {
			producers.destroy();
			producers = null;
			deadLetters = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return container != null && container.isRunning();
	}

	/** Where an event came from: its record, and its place in the record's array (-1 for a single event). */
	private record Origin(ConsumerRecord<byte[], byte[]> record, int index) {
	}

	/** Takes in one poll's records; returns once its events are committed (or throws, and the poll comes again). */
	void take(List<ConsumerRecord<byte[], byte[]>> records) {
		var events = new ArrayList<SentEvent>();
		var origins = new ArrayList<Origin>();
		var sends = new ArrayList<CompletableFuture<?>>();
		for (var record : records) {
			if (record.value() == null) {
				sends.add(deadLetter(record, -1, null, null, List.of(Map.of("rule", "usage.event-envelope", "message",
						"the record has no value"))));
				continue;
			}
			try {
				var read = reader.read(record.value());
				if (read.root() == CloudEventReader.Root.OTHER) {
					sends.add(deadLetter(record, -1, null, null, List.of(Map.of("rule", "usage.event-envelope", "message",
							"a record holds a CloudEvent (a JSON object) or a JSON array of them"))));
					continue;
				}
				for (int i = 0; i < read.events().size(); i++) {
					events.add(read.events().get(i));
					origins.add(new Origin(record, read.root() == CloudEventReader.Root.ARRAY ? i : -1));
				}
			}
			catch (JacksonException e) {
				sends.add(deadLetter(record, -1, null, null, List.of(Map.of("rule", "usage.event-envelope", "message",
						"the record is not JSON: " + e.getOriginalMessage()))));
			}
			catch (RuntimeException e) {
				// a record the parser fails on in any other way (a number beyond what a decimal holds) is never read
				sends.add(deadLetter(record, -1, null, null, List.of(Map.of("rule", "usage.event-envelope", "message",
						"the record cannot be read as JSON: " + e.getMessage()))));
			}
		}
		var results = ingest(events);
		int rejected = 0;
		for (int i = 0; i < events.size(); i++) {
			var result = results.get(i);
			if (result.status() == UsageIngestion.Status.REJECTED) {
				rejected++;
				var reasons = result.reasons().stream().map(r -> Map.of("rule", r.rule(), "message", r.message())).toList();
				sends.add(deadLetter(origins.get(i).record(), origins.get(i).index(), result.source(), result.id(), reasons));
			}
		}
		// a dead letter that could not be written fails the poll: it comes again, its good events as duplicates
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
		if (!sends.isEmpty()) {
			log.warn("Kafka usage: {} of {} events rejected, {} records not CloudEvents", rejected, events.size(),
					sends.size() - rejected);
		}
	}

	/**
	 * Takes in the events; results in their order. An event PostgreSQL refuses for what it holds
	 * (a data exception or a constraint) would fail every try of the poll: the events are split in
	 * halves until it is alone, and it is rejected. Any other failure (the database is down) fails
	 * the poll, which is tried again.
	 */
	private List<UsageIngestion.Result> ingest(List<SentEvent> events) {
		try {
			return ingestion.ingestFromSources(events).results();
		}
		catch (DataIntegrityViolationException e) {
			if (events.size() == 1) {
				var event = events.get(0);
				var refusal = e.getMostSpecificCause().getMessage();
				log.warn("Kafka usage: PostgreSQL refused event {} of source {}: {}", event.id(), event.source(), refusal);
				return List.of(new UsageIngestion.Result(event.source(), event.id(), UsageIngestion.Status.REJECTED,
						List.of(new UsageIngestion.Reason(UsageRule.EVENT_DATA.id(), "PostgreSQL cannot store the event: "
								+ refusal))));
			}
			int half = events.size() / 2;
			var results = new ArrayList<>(ingest(events.subList(0, half)));
			results.addAll(ingest(events.subList(half, events.size())));
			return results;
		}
	}

	private CompletableFuture<?> deadLetter(ConsumerRecord<byte[], byte[]> record, int index, String source, String id,
			List<Map<String, String>> reasons) {
		var letter = new LinkedHashMap<String, Object>();
		letter.put("topic", record.topic());
		letter.put("partition", record.partition());
		letter.put("offset", record.offset());
		if (index >= 0) {
			letter.put("index", index);
		}
		letter.put("source", source);
		letter.put("id", id);
		letter.put("reasons", reasons);
		letter.put("record", record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8));
		var value = json.writeValueAsBytes(letter);
		if (deadLetters == null) {
			log.warn("Kafka usage event rejected: {}", new String(value, StandardCharsets.UTF_8));
			return CompletableFuture.completedFuture(null);
		}
		return deadLetters.send(new ProducerRecord<>(settings.deadLetterTopic(), record.key(), value));
	}
}
