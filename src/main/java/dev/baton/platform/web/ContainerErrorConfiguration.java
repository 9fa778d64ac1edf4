package dev.baton.platform.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} in the place of Tomcat's HTML error report.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorConfiguration {

	@Bean
	TomcatContextCustomizer problemErrorReport() {
		return context -> {
			if (context.getParent() instanceof StandardHost host) {
				// Spring Boot adds a plain ErrorReportValve in another customizer, and the host adds one
				// when it starts unless one of the configured class is there: swap them just before
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
				host.addLifecycleListener(event -> {
					if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
						var pipeline = host.getPipeline();
						for (var valve : pipeline.getValves()) {
							if (valve instanceof ErrorReportValve) {
								pipeline.removeValve(valve);
							}
						}
						pipeline.addValve(new ProblemErrorReportValve());
					}
				});
			}
		};
	}
}
