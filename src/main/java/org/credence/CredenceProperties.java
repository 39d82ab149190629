package org.credence;

import java.nio.file.Path;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application-wide settings. Every one is documented in the README's configuration
 * reference.
 *
 * @param dataDir where the embedded database, documents and generated keys live
 * @param timeZone the company's time zone: "today" for aging, reviews and dunning
 * @param db the database connection; without a URL an embedded PostgreSQL is started
 */
@ConfigurationProperties("credence")
public record CredenceProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("Asia/Shanghai") ZoneId timeZone,
		@DefaultValue Db db) {

	/**
	 * @param url JDBC URL of an external PostgreSQL; empty for the embedded one
	 * @param ephemeral run the embedded PostgreSQL in a throw-away directory (tests)
	 * @param embeddedPort port of the embedded PostgreSQL, 0 for any free one
	 */
	public record Db(@Nullable String url, @Nullable String username, @Nullable String password,
			@DefaultValue("false") boolean ephemeral, @DefaultValue("0") int embeddedPort,
			@DefaultValue("20") int maxPoolSize) {

		public boolean isExternal() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
