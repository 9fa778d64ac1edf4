package dev.baton.platform.events;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A listener of the tests' own event that fails the first time it hears each one and succeeds
 * after, as one meeting a database hiccup would; registered on the shared test context.
 */
public class FailingOnceListener {

	/** The event it hears. */
	public record Probed(UUID id) {
	}

	final Map<UUID, AtomicInteger> heard = new ConcurrentHashMap<>();

	@ApplicationModuleListener
	void on(Probed event) {
		if (heard.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet() == 1) {
			throw new IllegalStateException("the first hearing fails");
		}
	}

	int times(UUID id) {
		var count = heard.get(id);
		return count == null ? 0 : count.get();
	}
}
