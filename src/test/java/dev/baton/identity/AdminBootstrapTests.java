package dev.baton.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new installation without demo data gets its first administrator from configuration, once.
 */
@SpringBootTest(properties = { "baton.demo.enabled=false", "baton.bootstrap-admin.username=first.admin",
		"baton.bootstrap-admin.password=a long first password" })
@ActiveProfiles("test")
class AdminBootstrapTests {

	@Autowired
	UserDirectory users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AdminBootstrap bootstrap;

	@Test
	void createsTheFirstAdministratorOnlyWhileNoneExists() throws Exception {
		var admin = users.findByUsername("first.admin");
		assertThat(admin).isPresent();
		assertThat(admin.get().roles()).containsExactly(Role.ADMIN);
		assertThat(accounts.count()).isEqualTo(1);

		bootstrap.run(null);

		assertThat(accounts.count()).isEqualTo(1);
	}
}
