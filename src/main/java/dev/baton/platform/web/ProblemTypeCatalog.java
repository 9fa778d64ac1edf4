package dev.baton.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import dev.baton.platform.ProblemType;

/**
 * Loads every module's problem types at start-up: each {@code *Problems} class under
 * {@code dev.baton} is initialised, so its {@link ProblemType} constants register.
 * <p>
 * Without this a type registers only when its class first loads, so {@code /problems} would miss
 * types no request has needed yet, and a slug declared twice would fail at first use instead of
 * at start-up.
 */
@Component
class ProblemTypeCatalog {

	static final String BASE_PACKAGE = "dev.baton";
	static final String SUFFIX = "Problems";

	private static final Logger log = LoggerFactory.getLogger(ProblemTypeCatalog.class);

	private final List<String> declaringClasses;

	ProblemTypeCatalog() {
		this.declaringClasses = load(BASE_PACKAGE, SUFFIX, ClassUtils.getDefaultClassLoader());
		log.debug("Problem types declared in {}: {}", declaringClasses, ProblemType.all().size());
	}

	/** The classes that declare problem types, by name. */
	List<String> declaringClasses() {
		return declaringClasses;
	}

	/**
	 * Initialises every class under the package whose simple name ends with the suffix
	 * ({@code Problems}).
	 *
	 * @throws IllegalStateException naming the class when one cannot be initialised, for example
	 *         because it declares a slug another class declared already
	 */
	static List<String> load(String basePackage, String suffix, ClassLoader loader) {
		var scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				// holders of constants are final classes with private constructors, not components
				return definition.getMetadata().isIndependent();
			}
		};
		scanner.setResourceLoader(new DefaultResourceLoader(loader));
		scanner.addIncludeFilter((reader, factory) -> ClassUtils.getShortName(reader.getClassMetadata().getClassName())
				.endsWith(suffix));
		var names = new ArrayList<String>();
		for (var candidate : scanner.findCandidateComponents(basePackage)) {
			var name = candidate.getBeanClassName();
			try {
				Class.forName(name, true, loader);
			} catch (ExceptionInInitializerError e) {
				var cause = e.getCause() == null ? e : e.getCause();
				throw new IllegalStateException("Problem types of " + name + " cannot be declared: " + cause.getMessage(),
						cause);
			} catch (ClassNotFoundException | LinkageError e) {
				throw new IllegalStateException("Problem types of " + name + " cannot be loaded: " + e.getMessage(), e);
			}
			names.add(name);
		}
		names.sort(null);
		return List.copyOf(names);
	}
}
