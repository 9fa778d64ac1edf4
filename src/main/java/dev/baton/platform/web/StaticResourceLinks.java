package dev.baton.platform.web;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Versions the links to static resources in rendered pages (a webjar's path gets its version), as
 * Boot's {@link ResourceUrlEncodingFilter} does, and leaves every other link as it is.
 * <p>
 * The stock filter asks the resource chain about every link a page renders. For a link that is no
 * static resource (each card's {@code /requests/{id}} on the board) the chain looks for a file of
 * that name in every static location, which in the executable jar means a miss searched through
 * every nested jar: about a millisecond a link, most of the cost of a board page of 125 cards.
 * Declaring this filter makes Boot's back off.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceLinks {

	/** The paths static resources are served under (webjars and {@code static/}); only these are versioned. */
	static final List<String> PREFIXES = List.of("/webjars/", "/css/", "/js/");

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> staticResourceLinkFilter() {
		var registration = new FilterRegistrationBean<ResourceUrlEncodingFilter>(new StaticOnly());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static boolean isStaticResource(String contextPath, String url) {
		if (!url.startsWith(contextPath)) {
			return false;
		}
		var path = url.substring(contextPath.length());
		return PREFIXES.stream().anyMatch(path::startsWith);
	}

	/** The stock filter, consulted for links under {@link #PREFIXES} only. */
	static final class StaticOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
				chain.doFilter(request, response);
				return;
			}
			var contextPath = http.getContextPath();
			super.doFilter(request, response, (wrappedRequest, versioning) -> chain.doFilter(wrappedRequest,
					new HttpServletResponseWrapper((HttpServletResponse) versioning) {

						@Override
						public String encodeURL(String url) {
							return isStaticResource(contextPath, url) ? super.encodeURL(url) : plain.encodeURL(url);
						}
					}));
		}
	}
}
