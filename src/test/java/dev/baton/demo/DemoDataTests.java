package dev.baton.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.baton.BatonApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Demo data, with its administrator and known password, never lands in an external (production)
 * database unless asked for.
 */
class DemoDataTests {

	@Test
	void externalDatabaseGetsDemoDataOnlyWhenAskedFor() throws Exception {
		try (var external = EmbeddedPostgres.builder().start()) {
			var url = "jdbc:postgresql://127.0.0.1:" + external.getPort() + "/postgres";

			try (var baton = start(url)) {
				assertThat(count(baton, "user_account")).as("accounts").isZero();
				assertThat(count(baton, "region")).as("regions").isZero();
			}

			try (var baton = start(url, "--baton.demo.enabled=true")) {
				assertThat(count(baton, "user_account")).as("accounts").isPositive();
				assertThat(count(baton, "region")).as("regions").isPositive();
			}
		}
	}

	private static ConfigurableApplicationContext start(String url, String... more) {
		// command-line arguments: they win over application.yml, as BATON_DATABASE_URL would
		var arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
				"--spring.datasource.username=postgres", "--baton.scheduler.enabled=false"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(BatonApplication.class).run(arguments.toArray(String[]::new));
	}

	private static long count(ConfigurableApplicationContext context, String table) {
		return context.getBean(JdbcClient.class).sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}
}
