package dev.baton.platform;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@link Rule.Id} of each rule constant, read once per rule enum.
 */
final class RuleDeclarations {

	private static final ClassValue<Map<String, Rule.Id>> DECLARED = new ClassValue<>() {
		@Override
		protected Map<String, Rule.Id> computeValue(Class<?> type) {
			var declared = new HashMap<String, Rule.Id>();
			for (var field : type.getDeclaredFields()) {
				if (field.isEnumConstant()) {
					var id = field.getAnnotation(Rule.Id.class);
					if (id == null) {
						throw new IllegalStateException(type.getName() + "." + field.getName() + " has no @Rule.Id");
					}
					declared.put(field.getName(), id);
				}
			}
			return Map.copyOf(declared);
		}
	};

	private RuleDeclarations() {
	}

	static Rule.Id of(Rule rule) {
		if (!(rule instanceof Enum<?> constant)) {
			throw new IllegalStateException(rule.getClass().getName() + " is not an enum: it declares id() itself");
		}
		return DECLARED.get(constant.getDeclaringClass()).get(constant.name());
	}
}
