package io.rapport.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A real outage of the test's database, as the service sees it: while it lasts, the database refuses
 * every new connection and the service's open connections are terminated by the server (SQLSTATE
 * 57P01, then 08xxx / "does not allow connections"). Run from the {@code postgres} maintenance database
 * with the test's superuser, so it works on any PostgreSQL the test resource chose. {@link #close()}
 * ends the outage.
 */
public final class DatabaseOutage implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/]+)/([a-z0-9_]+).*");

    private final String serverUrl;
    private final String database;
    private final Properties credentials;

    private DatabaseOutage(String serverUrl, String database, Properties credentials) {
        this.serverUrl = serverUrl;
        this.database = database;
        this.credentials = credentials;
    }

    /** Starts an outage of the running test application's database. */
    public static DatabaseOutage begin() {
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL URL with a plain database name: " + url);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class)
            .ifPresent(p -> credentials.setProperty("password", p));
        DatabaseOutage outage = new DatabaseOutage("jdbc:postgresql://" + m.group(1) + "/postgres", m.group(2), credentials);
        outage.execute("alter database " + outage.database + " allow_connections false");
        outage.terminateConnections();
        return outage;
    }

    private void terminateConnections() {
        try (Connection c = DriverManager.getConnection(serverUrl, credentials);
             PreparedStatement kill = c.prepareStatement(
                 "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()")) {
            kill.setString(1, database);
            kill.executeQuery().close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not terminate the connections to " + database, e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, credentials); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "'", e);
        }
    }

    /** Ends the outage: the database accepts connections again. */
    @Override
    public void close() {
        execute("alter database " + database + " allow_connections true");
    }
}
