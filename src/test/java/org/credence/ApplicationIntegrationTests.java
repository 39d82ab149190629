package org.credence;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnPostgresqlWithMigrationsApplied() {
		String version = this.jdbc.sql("select version()").query(String.class).single();
		assertThat(version).startsWith("PostgreSQL");
		long schemas = this.jdbc.sql("select count(*) from information_schema.schemata where schema_name = 'identity'")
			.query(Long.class)
			.single();
		assertThat(schemas).isEqualTo(1);
	}

}
