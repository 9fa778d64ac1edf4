package dev.baton.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.baton.webhooks.domain.RetrySchedule;
import dev.baton.webhooks.domain.Signature;
import dev.baton.webhooks.jdbc.WebhookRepository;

/**
 * Sends due deliveries on a few worker threads, on every instance: each claims one delivery at a
 * time (skipping those another holds, and endpoints that already have their share in flight),
 * posts it signed in the Standard Webhooks format, logs the attempt, and settles it: delivered on a
 * 2xx answer, otherwise tried again after the next wait of the retry schedule, or failed after the
 * last. Timeouts bound every attempt, so a slow endpoint costs only its own deliveries' time.
 */
@Component
class WebhookSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
	private static final int ERROR_LENGTH = 500;

	private final WebhookRepository repository;
	private final WebhookProperties properties;
	private final RetrySchedule retries;
	private final Clock clock;
	private final HttpClient http;
	private final MeterRegistry meters;
	private final Timer lag;
	private ExecutorService workers;
	private Semaphore free;
	private ScheduledExecutorService poller;

	WebhookSender(WebhookRepository repository, WebhookProperties properties, Clock clock, MeterRegistry meters) {
		this.repository = repository;
		this.properties = properties;
		this.retries = new RetrySchedule(properties.retries());
		this.clock = clock;
		this.meters = meters;
		this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
				.followRedirects(HttpClient.Redirect.NEVER).build();
		this.lag = Timer.builder("baton.webhooks.delivery.lag")
				.description("From an event's delivery being written to the endpoint's 2xx answer, retries included")
				.publishPercentileHistogram().register(meters);
		Gauge.builder("baton.webhooks.backlog.age", this, WebhookSender::oldestDueWait).baseUnit("seconds")
				.description("How long the delivery due the longest has waited past its due time").register(meters);
	}

	private double oldestDueWait() {
		try {
			return repository.oldestDueWait(clock.instant());
		}
		catch (DataAccessException e) {
			return Double.NaN;
		}
	}

	/** One settled attempt: delivered, to be retried, or failed for good. */
	private void count(WebhookRepository.Claimed claim, String outcome) {
		meters.counter("baton.webhooks.deliveries", "outcome", outcome, "type", claim.eventType()).increment();
	}

	/**
	 * Polls on a thread of its own, not the application's shared scheduler thread, so that no other
	 * scheduled work (a slow mail server, say) delays webhooks.
	 */
	@Override
	public synchronized void start() {
		// started and stopped with the context (a test context is paused while another runs)
		free = new Semaphore(properties.workers());
		workers = Executors.newFixedThreadPool(properties.workers(), runnable -> {
			var thread = new Thread(runnable, "webhook-sender");
			thread.setDaemon(true);
			return thread;
		});
		poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
			var thread = new Thread(runnable, "webhook-poller");
			thread.setDaemon(true);
			return thread;
		});
		var interval = properties.pollInterval().toMillis();
		poller.scheduleWithFixedDelay(this::sendDue, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (poller != null) {
			poller.shutdownNow();
			poller = null;
		}
		if (workers != null) {
			// an attempt cut short is not settled: its lease runs out and any instance tries again
			workers.shutdownNow();
			workers = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return poller != null;
	}

	void sendDue() {
		ExecutorService workers;
		Semaphore free;
		synchronized (this) {
			workers = this.workers;
			free = this.free;
		}
		if (workers == null) {
			return;
		}
		try {
			while (free.tryAcquire()) {
				var now = clock.instant();
				var claimed = repository.claim(now, now.plus(lease()), properties.perEndpoint());
				if (claimed.isEmpty()) {
					free.release();
					return;
				}
				try {
					workers.execute(() -> {
						try {
							send(claimed.get());
						}
						finally {
							free.release();
						}
					});
				}
				catch (java.util.concurrent.RejectedExecutionException stopping) {
					// stopped between the claim and the hand-over: the claim's lease runs out and it is tried again
					free.release();
					return;
				}
			}
		}
		catch (DataAccessException e) {
			log.warn("Could not look for due webhook deliveries; trying again at the next poll: {}", e.getMessage());
		}
		catch (RuntimeException e) {
			// a scheduled executor stops a task that throws: log and poll again
			log.error("Webhook poll failed; trying again at the next poll", e);
		}
	}

	/** Long enough for one attempt to connect, be answered and be settled. */
	private Duration lease() {
		return properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(30);
	}

	private void send(WebhookRepository.Claimed claim) {
		var started = System.nanoTime();
		var attemptedAt = clock.instant();
		Integer status = null;
		String error = null;
		try {
			var timestamp = attemptedAt.getEpochSecond();
			var request = HttpRequest.newBuilder(URI.create(claim.url())).timeout(properties.readTimeout())
					.header("Content-Type", "application/json").header("User-Agent", "Baton-Webhooks/1")
					.header("webhook-id", claim.messageId()).header("webhook-timestamp", Long.toString(timestamp))
					.header("webhook-signature", Signature.header(claim.messageId(), timestamp, claim.payload(),
							claim.secret(), claim.previousSecret()))
					.POST(HttpRequest.BodyPublishers.ofString(claim.payload())).build();
			var response = http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status < 200 || status > 299) {
				error = "The endpoint answered " + status;
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "Interrupted while sending";
		}
		catch (Exception e) {
			error = describe(e);
		}
		var duration = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		try {
			repository.log(claim.deliveryId(), attemptedAt, status, duration, error);
			var now = clock.instant();
			if (error == null) {
				if (repository.settle(claim, "SUCCEEDED", now, null, status, null)) {
					count(claim, "delivered");
					// the stored time is rounded to the microsecond: a delivery sent at once may seem a little early
					var waited = Duration.between(claim.createdAt(), now);
					lag.record(waited.isNegative() ? Duration.ZERO : waited);
				}
				return;
			}
			var wait = retries.after(claim.attempts());
			if (wait.isPresent()) {
				if (repository.settle(claim, "PENDING", null, now.plus(wait.get()), status, error)) {
					count(claim, "retry");
				}
			}
			else {
				if (repository.settle(claim, "FAILED", null, null, status, error)) {
					count(claim, "failed");
				}
				log.warn("Webhook delivery {} to endpoint {} failed after {} attempts: {}", claim.messageId(),
						claim.endpointId(), claim.attempts(), error);
			}
		}
		catch (DataAccessException e) {
			// the lease runs out and any instance tries again
			log.warn("Could not record webhook delivery {}: {}", claim.messageId(), e.getMessage());
		}
	}

	private static String describe(Exception e) {
		var what = e instanceof java.net.http.HttpConnectTimeoutException ? "Could not connect within the connect timeout"
				: e instanceof java.net.http.HttpTimeoutException ? "No answer within the read timeout"
						: e instanceof java.net.ConnectException ? "Could not connect"
								: e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		return what.length() > ERROR_LENGTH ? what.substring(0, ERROR_LENGTH) : what;
	}
}
