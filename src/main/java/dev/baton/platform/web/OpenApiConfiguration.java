package dev.baton.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description's title and the two ways to authenticate, so Swagger UI can call the API.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI batonOpenApi() {
		return new OpenAPI()
				.info(new Info().title("Baton API").version("v1").description("""
						The go-to-market system's JSON API. Errors are RFC 9457 Problem Details (see /problems); \
						creating POSTs honour Idempotency-Key; updates need If-Match. Conventions: docs/api.md."""))
				.components(new Components()
						.addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
								.description("A personal API token (bat_...) from /account/tokens"))
						.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
				.addSecurityItem(new SecurityRequirement().addList("token"))
				.addSecurityItem(new SecurityRequirement().addList("basic"));
	}
}
