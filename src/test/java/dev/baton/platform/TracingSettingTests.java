package dev.baton.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.sun.net.httpserver.HttpServer;

import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * Tracing with Baton's own configuration ({@code application.yml}) and Spring Boot's OpenTelemetry
 * auto-configuration, against a real local HTTP server standing in for an OpenTelemetry Collector:
 * off by default (no exporter, nothing sent), and one setting, {@code BATON_TRACING_ENABLED=true},
 * sends spans over OTLP/HTTP. A small context of the tracing configuration only, not the
 * application's.
 */
class TracingSettingTests {

	private HttpServer collector;
	private final List<String> received = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startCollector() throws IOException {
		collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		collector.createContext("/", exchange -> {
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
					+ exchange.getRequestHeaders().getFirst("Content-Type"));
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		collector.start();
	}

	@AfterEach
	void stopCollector() {
		collector.stop(0);
	}

	private ApplicationContextRunner baton() {
		return new ApplicationContextRunner().withInitializer(new ConfigDataApplicationContextInitializer())
				.withPropertyValues("BATON_TRACING_ENDPOINT=http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces")
				.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
						OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class));
	}

	private static void traceAnOrder(org.springframework.context.ApplicationContext context) {
		var tracer = context.getBean(Tracer.class);
		var span = tracer.nextSpan().name("order placed").start();
		span.tag("channel", "SALES");
		span.end();
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
	}

	@Test
	void tracingIsOffByDefaultAndNothingLeavesBaton() {
		baton().run(context -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(SpanExporter.class);
			assertThat(context.getEnvironment().getProperty("management.tracing.export.enabled", Boolean.class)).isFalse();
			traceAnOrder(context);
			assertThat(received).isEmpty();
		});
	}

	@Test
	void oneSettingSendsSpansToTheCollectorOverOtlp() {
		baton().withPropertyValues("BATON_TRACING_ENABLED=true").run(context -> {
			assertThat(context).hasNotFailed().hasSingleBean(SpanExporter.class);
			traceAnOrder(context);
			await().atMost(Duration.ofSeconds(40)).until(() -> !received.isEmpty());
			assertThat(received.get(0)).startsWith("POST /v1/traces application/x-protobuf");
		});
	}
}
