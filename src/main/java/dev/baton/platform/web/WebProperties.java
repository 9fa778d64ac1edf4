package dev.baton.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the web edge.
 *
 * @param maxRequestBody the largest request body accepted on the API
 */
@ConfigurationProperties("baton.web")
record WebProperties(@DefaultValue("1MB") DataSize maxRequestBody) {
}
