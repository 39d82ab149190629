package org.credence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL is the only database. With {@code credence.db.url} set Credence uses that
 * server; otherwise it starts an embedded PostgreSQL whose data stays under the data
 * directory across restarts, so a fresh machine needs nothing but a JDK.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	private static final String DATABASE = "credence";

	/** One throw-away server per JVM, shared by every test context. */
	private static EmbeddedPostgres ephemeral;

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(CredenceProperties properties) {
		CredenceProperties.Db db = properties.db();
		HikariConfig config = new HikariConfig();
		config.setPoolName("credence");
		config.setMaximumPoolSize(db.maxPoolSize());
		if (db.isExternal()) {
			config.setJdbcUrl(db.url());
			config.setUsername(db.username());
			config.setPassword(db.password());
			log.info("Using PostgreSQL at {}", db.url());
		}
		else {
			EmbeddedPostgres server = db.ephemeral() ? ephemeralServer() : EmbeddedServer.start(properties);
			createDatabaseIfMissing(server.getPostgresDatabase());
			config.setJdbcUrl(server.getJdbcUrl("postgres", DATABASE));
			config.setUsername("postgres");
		}
		return new HikariDataSource(config);
	}

	private static synchronized EmbeddedPostgres ephemeralServer() {
		if (ephemeral == null) {
			try {
				ephemeral = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
			}
			// Stopped after every application context has closed, not by a JVM shutdown
			// hook of its own (nor Zonky's): that would run concurrently and stop the
			// server under beans still using it.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					ephemeral.close();
				}
				catch (IOException ex) {
					// the JVM is going away; the temporary directory goes with it
				}
			});
		}
		return ephemeral;
	}

	private static void createDatabaseIfMissing(DataSource postgres) {
		try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
			if (!exists.next()) {
				statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	/** The embedded server of a normal run, stopped with the application context. */
	static final class EmbeddedServer {

		private static EmbeddedPostgres server;

		static synchronized EmbeddedPostgres start(CredenceProperties properties) {
			if (server != null) {
				return server;
			}
			Path dir = properties.dataDir().resolve("postgres").toAbsolutePath().normalize();
			try {
				Files.createDirectories(dir.getParent());
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setDataDirectory(dir)
					.setCleanDataDirectory(false)
					.setRegisterShutdownHook(false);
				if (properties.db().embeddedPort() > 0) {
					builder.setPort(properties.db().embeddedPort());
				}
				server = builder.start();
				log.info("Embedded PostgreSQL running on port {} with data in {}", server.getPort(), dir);
				SpringApplication.getShutdownHandlers().add(EmbeddedServer::stop);
				return server;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
			}
		}

		static synchronized void stop() {
			if (server != null) {
				try {
					server.close();
				}
				catch (IOException ex) {
					log.warn("Embedded PostgreSQL did not stop cleanly", ex);
				}
				server = null;
			}
		}

	}

}
