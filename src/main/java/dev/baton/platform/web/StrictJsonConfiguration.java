package dev.baton.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Strict JSON binding for the API: a value must have its field's JSON type. Jackson would
 * otherwise turn {@code 0} and {@code false} into the text "0" and "false", "12" into an integer,
 * {@code 1.9} into the integer 1 and {@code 0} into an enum's first constant. Unknown fields are
 * refused too ({@code spring.jackson.deserialization.fail-on-unknown-properties}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJsonBinding() {
		return builder -> builder
				.withCoercionConfig(LogicalType.Enum, config -> config
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Textual, config -> config
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Integer, config -> config
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				// a decimal may come as a string ("1234.50"), the usual way to send an exact amount;
				// it must still be a number, or binding fails
				.withCoercionConfig(LogicalType.Float, config -> config
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Boolean, config -> config
						.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
	}
}
