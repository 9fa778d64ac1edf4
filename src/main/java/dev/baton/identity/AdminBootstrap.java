package dev.baton.identity;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import dev.baton.platform.BatonException;

/**
 * Creates the first administrator of a new installation from {@code BATON_ADMIN_PASSWORD}, once:
 * only while no enabled administrator exists, so the variable can stay set without harm.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final BootstrapProperties properties;
	private final UserAccounts accounts;
	private final UserDirectory users;

	AdminBootstrap(BootstrapProperties properties, UserAccounts accounts, UserDirectory users) {
		this.properties = properties;
		this.accounts = accounts;
		this.users = users;
	}

	/**
	 * The first administrator's login.
	 *
	 * @param username the username to create
	 * @param email the e-mail address to give it
	 * @param password its password; nothing is created while empty
	 */
	@ConfigurationProperties("baton.bootstrap-admin")
	record BootstrapProperties(@DefaultValue("admin") String username, @DefaultValue("admin@baton.local") String email,
			String password) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!StringUtils.hasText(properties.password()) || accounts.countEnabledAdmins() > 0) {
			return;
		}
		try {
			users.create(new UserDirectory.NewUser(properties.username(), "Administrator", properties.email(),
					EnumSet.of(Role.ADMIN), properties.password()));
			log.info("Created the first administrator '{}'", properties.username());
		} catch (DuplicateKeyException | BatonException e) {
			// a wrong setting must not stop Baton: say which one, without a stack trace
			log.warn("Could not create the first administrator '{}' from baton.bootstrap-admin.* "
					+ "(BATON_ADMIN_PASSWORD): {}. Fix the setting and restart.", properties.username(), e.getMessage());
		}
	}
}
