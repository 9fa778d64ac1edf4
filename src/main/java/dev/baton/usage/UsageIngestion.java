package dev.baton.usage;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.baton.usage.domain.CloudEventReader;
import dev.baton.usage.domain.EventPolicy;
import dev.baton.usage.domain.SentEvent;
import dev.baton.usage.domain.UsageEvent;
import dev.baton.usage.jdbc.UsageEventRepository;
import dev.baton.usage.jdbc.UsagePartitions;
import dev.baton.usage.jdbc.UsageRepository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes in usage events from a source: judges each on its own, then stores the good ones of the
 * batch in one transaction of its own (one statement), counted exactly once by (source, id). A
 * copy of an event already counted, in an earlier request or earlier in the same batch, is a
 * duplicate; a rejected event never holds back the good ones beside it. When the answer is sent,
 * every event it calls accepted or duplicate is committed.
 */
@Service
@EnableConfigurationProperties(UsageProperties.class)
public class UsageIngestion {

	private static final int ATTEMPTS = 4;

	private final UsageRepository meters;
	private final UsageEventRepository events;
	private final UsagePartitions partitions;
	private final UsageProperties properties;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final EventPolicy policy;
	private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	private final CloudEventReader reader = new CloudEventReader(json);
	private final UsageMetrics metrics;

	UsageIngestion(UsageRepository meters, UsageEventRepository events, UsagePartitions partitions,
			UsageProperties properties, PlatformTransactionManager transactionManager, Clock clock,
			io.micrometer.core.instrument.MeterRegistry registry) {
		this.metrics = new UsageMetrics(registry);
		this.meters = meters;
		this.events = events;
		this.partitions = partitions;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.policy = new EventPolicy(properties.maxEventAge(), properties.clockSkew(), properties.maxDataBytes(),
				JsonMapper.builder().build());
	}

	public enum Status {
		ACCEPTED, DUPLICATE, REJECTED
	}

	/** Why an event was rejected: the rule's id and what to change. */
	public record Reason(String rule, String message) {
	}

	/** What became of one event; reasons only when rejected. */
	public record Result(String source, String id, Status status, List<Reason> reasons) {
	}

	/** What became of a request's events, in the order they were sent. */
	public record Outcome(int accepted, int duplicates, int rejected, List<Result> results) {
	}

	public int maxBatch() {
		return properties.maxBatch();
	}

	/** Takes in events given as JSON trees, as if their array had been sent with the token of {@code source}. */
	public Outcome ingestJson(String source, List<JsonNode> sent) {
		return ingest(source, reader.read(json.writeValueAsBytes(sent)).events());
	}

	/**
	 * Takes in events of any registered source, from a channel where no token speaks for one (the
	 * Kafka topic): an event whose source is not registered, or revoked, is rejected; the others are
	 * taken in per source as if sent with its token, one transaction each. Results in the order given.
	 */
	public Outcome ingestFromSources(List<SentEvent> sent) {
		var bySource = new LinkedHashMap<String, List<Integer>>();
		for (int i = 0; i < sent.size(); i++) {
			var source = sent.get(i).source();
			// text PostgreSQL cannot take names no registered source, and would fail the query for all
			if (source != null && EventPolicy.storable(source)) {
				bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(i);
			}
		}
		var registered = events.activeSources(bySource.keySet());
		var results = new Result[sent.size()];
		for (var group : bySource.entrySet()) {
			if (!registered.contains(group.getKey())) {
				continue;
			}
			var outcome = ingest(group.getKey(), group.getValue().stream().map(sent::get).toList());
			for (int k = 0; k < group.getValue().size(); k++) {
				results[group.getValue().get(k)] = outcome.results().get(k);
			}
		}
		int accepted = 0;
		int duplicates = 0;
		int rejected = 0;
		for (int i = 0; i < results.length; i++) {
			if (results[i] == null) {
				var event = sent.get(i);
				results[i] = new Result(event.source(), event.id(), Status.REJECTED, List.of(new Reason(
						UsageRule.EVENT_SOURCE.id(), event.source() == null ? "source names the system that sent the event"
								: "source '" + event.source() + "' is not a registered usage source (or its token was revoked)")));
			}
			switch (results[i].status()) {
				case ACCEPTED -> accepted++;
				case DUPLICATE -> duplicates++;
				case REJECTED -> rejected++;
			}
		}
		return new Outcome(accepted, duplicates, rejected, List.of(results));
	}

	/** Takes in the events sent with the token of {@code source}. */
	public Outcome ingest(String source, List<SentEvent> sent) {
		var types = new LinkedHashSet<String>();
		for (var event : sent) {
			// a type PostgreSQL cannot take is no meter's, and would fail the query for all
			if (event.type() != null && EventPolicy.storable(event.type())) {
				types.add(event.type());
			}
		}
		for (int attempt = 1;; attempt++) {
			try {
				return metrics.counted(sent, attempt(source, sent, types), clock.instant());
			}
			catch (ConcurrencyFailureException e) {
				// a deadlock or serialization failure rolled the batch back whole: nothing of it was stored
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}

	private Outcome attempt(String source, List<SentEvent> sent, Set<String> types) {
		return transactions.execute(status -> {
			events.lockMetersShared();
			var now = clock.instant();
			Map<String, List<Meter>> byType = meters.activeMeters(types).stream()
					.collect(Collectors.groupingBy(Meter::eventType));
			var judged = new ArrayList<EventPolicy.Judged>(sent.size());
			// every event accepted is of the token's source: its id alone tells copies apart
			var ids = new HashSet<String>();
			var fresh = new ArrayList<UsageEvent>();
			for (var event : sent) {
				var verdict = policy.judge(event, source, byType, now);
				judged.add(verdict);
				if (verdict.accepted() && ids.add(verdict.id())) {
					fresh.add(verdict.event());
				}
			}
			partitions.ensureFor(fresh.stream().map(UsageEvent::time).toList());
			var stored = new HashSet<>(events.insert(source, fresh, now));
			var results = new ArrayList<Result>(judged.size());
			int accepted = 0;
			int duplicates = 0;
			int rejected = 0;
			for (var verdict : judged) {
				if (!verdict.accepted()) {
					rejected++;
					results.add(new Result(verdict.source(), verdict.id(), Status.REJECTED, verdict.decision().refusals().stream()
							.map(r -> new Reason(r.rule().id(), r.reason())).toList()));
				}
				else if (stored.remove(verdict.id())) {
					accepted++;
					results.add(new Result(verdict.source(), verdict.id(), Status.ACCEPTED, List.of()));
				}
				else {
					duplicates++;
					results.add(new Result(verdict.source(), verdict.id(), Status.DUPLICATE, List.of()));
				}
			}
			return new Outcome(accepted, duplicates, rejected, results);
		});
	}
}
