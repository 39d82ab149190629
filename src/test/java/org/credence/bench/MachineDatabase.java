package org.credence.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A throw-away database on the machine's PostgreSQL server (127.0.0.1:5432, user
 * {@code postgres}, no password), for benchmarks run with {@code DB=machine}: durable
 * commits, as in production, where the embedded server runs with
 * {@code synchronous_commit=off}.
 */
final class MachineDatabase {

	private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private MachineDatabase() {
	}

	/** Drops the database if it is there and creates it empty; its JDBC URL. */
	static String recreate(String name) throws SQLException {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name + " encoding 'UTF8' template template0");
		}
		return SERVER + name;
	}

	static void drop(String name) {
		try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
		catch (SQLException ex) {
			System.out.println("Could not drop the database " + name + ": " + ex.getMessage());
		}
	}

}
