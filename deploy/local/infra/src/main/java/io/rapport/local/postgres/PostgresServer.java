package io.rapport.local.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server reachable with a superuser: where it came from, how to connect, and the
 * database administration the local stack and the tests need.
 *
 * @param source {@code configured}, {@code local-5432} or {@code embedded}
 */
public record PostgresServer(String source, String host, int port, String user, String password) {

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "3");
        props.setProperty("loginTimeout", "3");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Creates the database unless it exists; returns true when it was created. */
    public boolean createDatabase(String name) throws SQLException {
        requireValidName(name);
        try (Connection c = connect("postgres");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + name);
            }
            return true;
        }
    }

    public void dropDatabase(String name) throws SQLException {
        requireValidName(name);
        try (Connection c = connect("postgres"); Statement drop = c.createStatement()) {
            drop.execute("drop database if exists " + name + " with (force)");
        }
    }

    public String describe() {
        return source + " PostgreSQL at " + host + ":" + port + " (user " + user + ")";
    }

    private static void requireValidName(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a valid database name: " + name);
        }
    }
}
