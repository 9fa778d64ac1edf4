package dev.baton.sizing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sizing settings.
 *
 * @param edition the data edition recommendations use unless a caller names another; empty means
 *        the newest edition on the classpath
 */
@ConfigurationProperties("baton.sizing")
record SizingProperties(String edition) {
}
