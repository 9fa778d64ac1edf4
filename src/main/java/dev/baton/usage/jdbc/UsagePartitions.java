package dev.baton.usage.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of {@code usage_event} (one per UTC month, {@code usage_event_y2026m12}),
 * made when events of a month first arrive, and at start for this month and the next. Each is made
 * in its own transaction under an advisory lock, so two instances never race to make the same one;
 * each instance remembers the months it has seen made.
 */
@Component
public class UsagePartitions {

	private static final long LOCK = 0x75736167655054L;

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

	UsagePartitions(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void thisMonthAndNext() {
		var month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
		ensure(java.util.List.of(month, month.plusMonths(1)));
	}

	/** Makes sure a partition holds every instant given. */
	public void ensureFor(Collection<Instant> times) {
		var months = new TreeSet<YearMonth>();
		for (var time : times) {
			months.add(YearMonth.from(time.atZone(ZoneOffset.UTC)));
		}
		ensure(months);
	}

	void ensure(Collection<YearMonth> months) {
		for (var month : months) {
			if (known.contains(month)) {
				continue;
			}
			transactions.executeWithoutResult(status -> {
				jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", LOCK).query(Object.class).single();
				var name = name(month);
				var exists = jdbc.sql("SELECT to_regclass(:name) IS NOT NULL").param("name", name).query(Boolean.class).single();
				if (!exists) {
					// the month is formatted from a YearMonth, never from input
					jdbc.sql("CREATE TABLE " + name + " PARTITION OF usage_event FOR VALUES FROM ('" + month.atDay(1)
							+ " 00:00:00+00') TO ('" + month.plusMonths(1).atDay(1) + " 00:00:00+00')").update();
				}
			});
			known.add(month);
		}
	}

	/** The partitions there are, oldest first. */
	public java.util.List<String> partitions() {
		return jdbc.sql("""
				SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
				WHERE i.inhparent = CAST('usage_event' AS regclass) ORDER BY c.relname""").query(String.class).list();
	}

	static String name(YearMonth month) {
		return "usage_event_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
	}
}
