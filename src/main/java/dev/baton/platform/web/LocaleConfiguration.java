package dev.baton.platform.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the pages: the best of the bundle's languages that the browser asks for
 * (Accept-Language), English when it asks for none of them, so a page never mixes languages.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	/** The languages {@code messages*.properties} speak; English is the bundle's default file. */
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		var resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(LANGUAGES);
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}
}
