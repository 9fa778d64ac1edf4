package dev.baton.demo;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.baton.usage.Aggregation;
import dev.baton.usage.Meters;
import dev.baton.usage.UsageIngestion;
import dev.baton.usage.UsageSources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads demo usage when no meter exists: meters for CI compute minutes (by runner and project),
 * storage (the latest gigabytes, and in GB-months over time) and active users, a source for the demo CI runners (an
 * administrator takes its token with "New token" on the usage page), and a week of events for
 * Acme Logistics ({@code CRM-ACC-1001}) and Initech Health ({@code CRM-ACC-1003}).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoUsage implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsage.class);
	static final String SOURCE = "//ci.demo.baton.example/runners";

	private final DemoDataLoader demo;
	private final Meters meters;
	private final UsageSources sources;
	private final UsageIngestion ingestion;
	private final Clock clock;
	private final JsonMapper json = JsonMapper.builder().build();

	DemoUsage(DemoDataLoader demo, Meters meters, UsageSources sources, UsageIngestion ingestion, Clock clock) {
		this.demo = demo;
		this.meters = meters;
		this.sources = sources;
		this.ingestion = ingestion;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || !meters.meters().isEmpty()) {
			return;
		}
		try {
			meters.define(new Meters.Definition("ci-minutes", "CI compute minutes", "ci.job.finished", Aggregation.SUM,
					"/minutes", Map.of("runner", "/runner", "project", "/project"), "minutes"), "demo");
			meters.define(new Meters.Definition("storage-gb", "Storage used", "storage.sampled", Aggregation.LATEST, "/gb",
					Map.of("bucket", "/bucket"), "GB"), "demo");
			meters.define(new Meters.Definition("active-users", "Active users", "ci.job.finished", Aggregation.UNIQUE_COUNT,
					"/user", Map.of(), "users"), "demo");
			meters.define(new Meters.Definition("storage", "Storage", "storage.sampled", Aggregation.TIME_WEIGHTED_AVERAGE, "/gb",
					Map.of("bucket", "/bucket"), "GB"), "demo");
			sources.register(SOURCE, "The demo CI runners", "demo");
		}
		catch (dev.baton.platform.BatonException alreadyThere) {
			// another instance loaded them at the same moment
			return;
		}
		var events = new ArrayList<JsonNode>();
		var now = clock.instant().truncatedTo(ChronoUnit.HOURS);
		var random = new java.util.Random(42);
		for (int hour = 7 * 24; hour > 0; hour--) {
			var at = now.minus(hour, ChronoUnit.HOURS);
			for (var subject : List.of("CRM-ACC-1001", "CRM-ACC-1003")) {
				for (int job = 0; job < 2 + random.nextInt(3); job++) {
					var data = new LinkedHashMap<String, Object>();
					data.put("minutes", 1 + random.nextInt(40));
					data.put("runner", random.nextInt(4) == 0 ? "linux-large" : "linux-small");
					data.put("project", List.of("checkout", "search", "billing").get(random.nextInt(3)));
					data.put("user", "dev" + random.nextInt(12) + "@" + subject.toLowerCase());
					events.add(event(subject + "-job-" + hour + "-" + job, "ci.job.finished", subject,
							at.plus(random.nextInt(60), ChronoUnit.MINUTES), data));
				}
				if (hour % 6 == 0) {
					events.add(event(subject + "-storage-" + hour, "storage.sampled", subject, at,
							Map.of("gb", 120 + (7 * 24 - hour) / 4, "bucket", "artifacts")));
				}
			}
		}
		int accepted = 0;
		for (int from = 0; from < events.size(); from += 500) {
			accepted += ingestion.ingestJson(SOURCE, events.subList(from, Math.min(events.size(), from + 500))).accepted();
		}
		log.info("Demo usage loaded: 4 meters, the source {} and {} events over the last week", SOURCE, accepted);
	}

	private JsonNode event(String id, String type, String subject, java.time.Instant time, Map<String, Object> data) {
		var event = new LinkedHashMap<String, Object>();
		event.put("specversion", "1.0");
		event.put("id", id);
		event.put("source", SOURCE);
		event.put("type", type);
		event.put("subject", subject);
		event.put("time", time.toString());
		event.put("data", data);
		return json.valueToTree(event);
	}
}
