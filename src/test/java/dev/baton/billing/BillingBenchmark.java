package dev.baton.billing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonApplication;
import dev.baton.MutableClock;
import dev.baton.catalog.Catalog;
import dev.baton.catalog.Grandfathering;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * The billing benchmark (docs/benchmarks.md): seeds a population of subscriptions with SQL into a
 * fresh embedded PostgreSQL, then times the billing run over all of them, the same run again (nothing
 * due), a recomputation of every subscription from its first period (nothing new to bill), and a
 * shadow billing run of a proposed price book version over the same population. It reports
 * throughput, the share of the time spent in JDBC calls, the CPU of the JVM and of PostgreSQL, and
 * memory. Not a test: run by hand with the command in docs/benchmarks.md.
 */
public final class BillingBenchmark {

	private static final AtomicLong JDBC_NANOS = new AtomicLong();
	private static final AtomicLong STATEMENTS = new AtomicLong();
	private static final java.util.Map<String, java.util.concurrent.atomic.LongAdder> BY_STATEMENT =
			new java.util.concurrent.ConcurrentHashMap<>();
	private static volatile long heapPeak;

	private BillingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int subscriptions = Integer.getInteger("bench.subscriptions", 1_000_000);
		int perOwner = Integer.getInteger("bench.per-owner", 5);
		int batch = Integer.getInteger("bench.batch", 1000);
		var dir = Path.of(System.getProperty("bench.data", "/tmp/baton-billing-bench"));
		deleteRecursively(dir);
		// as command-line arguments, which take precedence over application.yml
		var context = new SpringApplicationBuilder(BatonApplication.class, Timing.class)
				.run("--baton.database.embedded.data-directory=" + dir, "--baton.demo.enabled=true",
						"--baton.demo.sample-requests=false", "--baton.scheduler.enabled=false", "--server.port=0",
						"--baton.billing.run-batch-size=" + batch, "--baton.licensing.key-directory=",
						"--logging.level.root=WARN", "--logging.level.dev.baton.billing=INFO");
		try {
			var clock = context.getBean(MutableClock.class);
			var jdbc = context.getBean(JdbcClient.class);
			// the demo price book takes effect on the day Baton started: bill a year and more later, so every
			// subscription's first day has prices
			var today = LocalDate.now(clock).plusDays(400);
			clock.set(today.atTime(6, 0).toInstant(ZoneOffset.UTC));
			var sampler = new Thread(BillingBenchmark::sampleHeap, "heap-sampler");
			sampler.setDaemon(true);
			sampler.start();

			var seeding = System.nanoTime();
			for (var statement : seed(subscriptions, perOwner, today)) {
				jdbc.sql(statement).update();
			}
			System.out.printf("seeded %,d subscriptions (%,d invoice owners, %,d with a seat change) in %.1f s%n",
					subscriptions, (subscriptions + perOwner - 1) / perOwner, subscriptions / 7,
					(System.nanoTime() - seeding) / 1e9);
			var run = context.getBean(BillingRun.class);
			var postmaster = postmaster(dir);

			measure("billing run", postmaster, run::run);
			System.out.println("  lines: " + jdbc.sql("SELECT count(*) FROM invoice_line").query(Long.class).single()
					+ ", drafts: " + jdbc.sql("SELECT count(*) FROM invoice WHERE status = 'DRAFT'").query(Long.class).single());
			measure("billing run again", postmaster, run::run);
			// every subscription billed again from its first period: recompute and diff finds nothing new
			jdbc.sql("""
					UPDATE billing_subscription b SET billed_version = -1, next_bill_on = v.effective_on
					FROM subscription_version v WHERE v.subscription_id = b.subscription_id AND v.version = 0""").update();
			jdbc.sql("VACUUM ANALYZE billing_subscription").update();
			measure("recompute of every subscription", postmaster, run::run);
			System.out.println("  lines: " + jdbc.sql("SELECT count(*) FROM invoice_line").query(Long.class).single());

			var catalog = context.getBean(Catalog.class);
			var shadow = context.getBean(ShadowBilling.class);
			var inEffect = catalog.versionInEffect(today).orElseThrow();
			var draft = catalog.draft(new Catalog.NewVersion("Proposal", today.plusDays(30),
					Grandfathering.KEEP_UNTIL_RENEWAL, inEffect.id()));
			draft = catalog.setPrice(draft.id(), "premium-saas-annual", "USD",
					new Catalog.NewPrice(new java.math.BigDecimal("382.80"), null, null, null), draft.version());
			var proposal = draft.id();
			var started = context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
					.execute(status -> shadow.start(proposal, today, "benchmark"));
			measure("shadow billing", postmaster, () -> shadow.run(ShadowBillingRunId.of(started.id())));
			var report = shadow.report(ShadowBillingRunId.of(started.id()));
			System.out.println("  " + report.totals() + "\n  " + report.distribution());
			System.out.printf("heap peak %d MB (max %d MB); JVM resident peak %s; PostgreSQL shared_buffers %s%n",
					heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20, status("VmHWM"),
					jdbc.sql("SHOW shared_buffers").query(String.class).single());
			System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).strip());
		}
		finally {
			context.close();
		}
	}

	private static void measure(String what, long postmaster, Supplier<?> work) {
		System.gc();
		var jdbc = JDBC_NANOS.get();
		var statements = STATEMENTS.get();
		var cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		var pg = postgresCpu(postmaster);
		var load = load();
		var start = System.nanoTime();
		var result = work.get();
		var seconds = (System.nanoTime() - start) / 1e9;
		var jvm = (((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() - cpu) / 1e9;
		var database = (postgresCpu(postmaster) - pg);
		if (Boolean.getBoolean("bench.statements")) {
			BY_STATEMENT.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum())).limit(8)
					.forEach(e -> System.out.printf("    %6.1f s  %s%n", e.getValue().sum() / 1e9, e.getKey()));
		}
		BY_STATEMENT.clear();
		var inJdbc = (JDBC_NANOS.get() - jdbc) / 1e9;
		System.out.printf("%s: %s%n  %.1f s wall; %,d statements; %.1f s in JDBC calls (%.0f%% of the time); CPU: JVM %.1f s, "
				+ "PostgreSQL %.1f s (%.0f%% of the CPU used); load average before %s%n", what, result, seconds,
				STATEMENTS.get() - statements, inJdbc, 100 * inJdbc / seconds, jvm, database,
				100 * database / Math.max(0.001, database + jvm), load);
	}

	/** The statements that seed the population: invoice owners, subscriptions, their timelines, billing's rows. */
	static List<String> seed(int subscriptions, int perOwner, LocalDate today) {
		var owners = (subscriptions + perOwner - 1) / perOwner;
		return List.of("""
				INSERT INTO account (id, external_id, name, industry, named, version, created_at, updated_at)
				SELECT md5('bench-account-' || a)::uuid, 'BENCH-' || a, 'Benchmark account ' || a, 'Software', false, 0,
				  now(), now()
				FROM generate_series(1, %d) a""".formatted(owners),
				// 60% Premium annual, 30% Premium monthly, 10% Ultimate annual; 1 to 50 seats; each started within
				// its current period, so the run bills one period each; one in seven changed its seats since
				"""
				CREATE TEMPORARY TABLE bench AS
				SELECT i, md5('bench-subscription-' || i)::uuid AS id, md5('bench-account-' || (1 + (i - 1) / %d))::uuid AS owner,
				  CASE WHEN i %% 10 < 6 THEN 'premium-saas-annual' WHEN i %% 10 < 9 THEN 'premium-saas-monthly'
				    ELSE 'ultimate-saas-annual' END AS plan,
				  1 + i %% 50 AS seats,
				  CASE WHEN i %% 10 BETWEEN 6 AND 8 THEN DATE '%s' - (i %% 28) ELSE DATE '%s' - (i %% 300) END AS start,
				  CASE WHEN i %% 10 BETWEEN 6 AND 8 THEN 1 ELSE 12 END AS months,
				  (SELECT id FROM price_book_version WHERE status = 'PUBLISHED' ORDER BY effective_from DESC LIMIT 1) AS prices
				FROM generate_series(1, %d) i""".formatted(perOwner, today, today, subscriptions),
				"""
				INSERT INTO subscription (id, number, owner_account_id, invoice_owner_account_id, plan_code, currency, seats,
				  add_ons, discounts, status, term_start, term_end, term_months, auto_renew, renewal_pricing,
				  price_book_version_id, version)
				SELECT id, 'B-' || lpad(i::text, 7, '0'), owner, owner, plan, 'USD',
				  CASE WHEN i %% 7 = 0 THEN seats + 2 ELSE seats END, '{}', '{}', 'ACTIVE', start,
				  (start + make_interval(months => months))::date, months, true, 'PRICE_BOOK_AT_RENEWAL', prices,
				  CASE WHEN i %% 7 = 0 THEN 1 ELSE 0 END
				FROM bench""".formatted(),
				"""
				INSERT INTO subscription_version (subscription_id, version, order_id, order_number, action, effective_on, actor,
				  reason, recorded_at, snapshot)
				SELECT b.id, v.version, md5('bench-order-' || b.i || '-' || v.version)::uuid, 'O-BENCH',
				  CASE WHEN v.version = 0 THEN 'CREATE_SUBSCRIPTION' ELSE 'CHANGE_SEATS' END,
				  CASE WHEN v.version = 0 THEN b.start ELSE LEAST(b.start + b.i %% 20, DATE '%s') END, 'system', 'benchmark',
				  now(),
				  jsonb_build_object('id', b.id, 'number', 'B-' || lpad(b.i::text, 7, '0'),
				    'parties', jsonb_build_object('ownerAccountId', b.owner, 'invoiceOwnerAccountId', b.owner,
				      'distributorAccountId', NULL),
				    'opportunityId', NULL, 'planCode', b.plan, 'currency', 'USD', 'seats', b.seats + 2 * v.version,
				    'addOns', '{}'::jsonb, 'discounts', '{}'::jsonb, 'status', 'ACTIVE', 'termStart', b.start,
				    'termEnd', (b.start + make_interval(months => b.months))::date, 'termMonths', b.months, 'autoRenew', true,
				    'renewalPricing', 'PRICE_BOOK_AT_RENEWAL', 'priceBookVersionId', b.prices, 'cancelsOn', NULL,
				    'version', v.version)
				FROM bench b CROSS JOIN LATERAL generate_series(0, CASE WHEN b.i %% 7 = 0 THEN 1 ELSE 0 END) AS v (version)"""
						.formatted(today),
				"""
				INSERT INTO billing_subscription (subscription_id, invoice_owner_account_id, known_version, billed_version,
				  next_bill_on, updated_at)
				SELECT id, owner, CASE WHEN i %% 7 = 0 THEN 1 ELSE 0 END, -1, start, now() FROM bench""".formatted(),
				"DROP TABLE bench", "ANALYZE");
	}

	/** The postmaster's process id, from the data directory. */
	private static long postmaster(Path dir) throws IOException {
		return Long.parseLong(Files.readAllLines(dir.resolve("postgres").resolve("postmaster.pid")).get(0).strip());
	}

	/** The CPU seconds of the postmaster and its children (the backends, the writer, the WAL writer) so far. */
	private static double postgresCpu(long postmaster) {
		double ticks = 0;
		try (var processes = Files.list(Path.of("/proc"))) {
			for (var process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
				try {
					var stat = Files.readString(process.resolve("stat"));
					var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					var pid = Long.parseLong(process.getFileName().toString());
					if (pid == postmaster || Long.parseLong(fields[1]) == postmaster) {
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				}
				catch (IOException | RuntimeException gone) {
					// the process ended while being read
				}
			}
		}
		catch (IOException e) {
			return 0;
		}
		return ticks / 100.0;
	}

	private static String status(String field) {
		try {
			return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith(field + ":"))
					.map(l -> l.substring(field.length() + 1).strip()).findFirst().orElse("?");
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static String load() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static void sampleHeap() {
		var memory = ManagementFactory.getMemoryMXBean();
		while (true) {
			heapPeak = Math.max(heapPeak, memory.getHeapMemoryUsage().getUsed());
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				return;
			}
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	/**
	 * A clock the benchmark moves, and the time every JDBC statement takes summed, on every thread.
	 * A source of the benchmark's application only: not a configuration class, so the tests' component
	 * scan never picks it up.
	 */
	static class Timing {

		@Bean
		@org.springframework.context.annotation.Primary
		MutableClock benchmarkClock() {
			return new MutableClock();
		}

		@Bean
		static BeanPostProcessor jdbcTiming() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !name.startsWith("scopedTarget")) {
						var started = new ThreadLocal<Long>();
						return ProxyDataSourceBuilder.create(dataSource).name("timed").listener(new QueryExecutionListener() {
							@Override
							public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
								started.set(System.nanoTime());
							}

							@Override
							public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
								var nanos = System.nanoTime() - started.get();
								JDBC_NANOS.addAndGet(nanos);
								STATEMENTS.incrementAndGet();
								var sql = queries.isEmpty() ? "" : queries.get(0).getQuery().strip().replaceAll("\\s+", " ");
								BY_STATEMENT.computeIfAbsent(sql.substring(0, Math.min(70, sql.length())),
										k -> new java.util.concurrent.atomic.LongAdder()).add(nanos);
							}
						}).build();
					}
					return bean;
				}
			};
		}
	}
}
