package dev.baton;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Every event of Baton's own modules published while the tests run, in order, so tests can check
 * what other modules were told. A plain (not transactional) listener, so the event publication
 * registry does not mistake it for a module listener.
 */
public class RecordedEvents {

	private final List<Object> published = new CopyOnWriteArrayList<>();

	@EventListener
	void record(Object event) {
		if (event.getClass().getName().startsWith("dev.baton.")) {
			published.add(event);
		}
	}

	/** Events published so far; tests only publish from transactions that commit. */
	public List<Object> committed() {
		return List.copyOf(published);
	}
}
