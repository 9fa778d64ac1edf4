package dev.baton.platform.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.ConditionalGenericConverter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.baton.platform.Identifier;

/**
 * Binds the typed ids from paths and request parameters as a plain UUID is bound: through the id's
 * {@code of(String)}, which refuses anything but a UUID as a bad field, and with an empty optional
 * parameter ({@code ?ownerId=}) meaning none rather than a refusal.
 */
@Configuration(proxyBeanMethods = false)
class IdentifierBinding implements WebMvcConfigurer {

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addConverter(new TextToIdentifier());
	}

	/** Text to any {@link Identifier} with a static {@code of(String)}; blank text is no id. */
	static final class TextToIdentifier implements ConditionalGenericConverter {

		private final Map<Class<?>, Optional<Method>> parsers = new ConcurrentHashMap<>();

		@Override
		public Set<ConvertiblePair> getConvertibleTypes() {
			return Set.of(new ConvertiblePair(String.class, Identifier.class));
		}

		@Override
		public boolean matches(TypeDescriptor sourceType, TypeDescriptor targetType) {
			return parser(targetType.getType()).isPresent();
		}

		@Override
		public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
			if (source == null || ((String) source).isBlank()) {
				return null;
			}
			try {
				return parser(targetType.getType()).orElseThrow().invoke(null, source);
			} catch (InvocationTargetException e) {
				// the id's own refusal (a BatonException naming the field) goes on as it is
				throw e.getCause() instanceof RuntimeException refusal ? refusal : new IllegalStateException(e.getCause());
			} catch (IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		}

		private Optional<Method> parser(Class<?> type) {
			return parsers.computeIfAbsent(type, t -> {
				try {
					var of = t.getMethod("of", String.class);
					return Modifier.isStatic(of.getModifiers()) && t.isAssignableFrom(of.getReturnType()) ? Optional.of(of)
							: Optional.empty();
				} catch (NoSuchMethodException e) {
					return Optional.empty();
				}
			});
		}
	}
}
