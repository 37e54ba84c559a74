package com.paymentmigration.rehearsal.databacked;

import com.paymentmigration.rehearsal.data.Endpoint;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a server named by the operator must offer before a data rehearsal can replicate through it, each missing item
 * named with its fix: a PostgreSQL the rehearsal can reach, {@code wal_level = logical}, slots and senders to spare,
 * and a user that may create subscriptions and slots.
 */
public final class ServerRequirements {

    private ServerRequirements() {
    }

    /**
     * {@code jdbc:postgresql://host[:port]/database[?user=..&password=..]}; {@code user} and {@code password} given
     * apart take precedence over the URL's.
     */
    public static Endpoint endpoint(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("'" + jdbcUrl + "' is not a PostgreSQL JDBC URL: give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE[?user=USER&password=PASSWORD]");
        }
        var uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        var database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (uri.getHost() == null || database.isEmpty()) {
            throw new IllegalArgumentException("'" + withoutPassword(jdbcUrl) + "' names no host or no database: give "
                    + "jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        var query = query(uri.getRawQuery());
        var login = user != null ? user : query.get("user");
        if (login == null) {
            throw new IllegalArgumentException("no user for " + withoutPassword(jdbcUrl) + ": add ?user=NAME to the URL "
                    + "or give the user option");
        }
        return new Endpoint(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, login,
                password != null ? password : query.get("password"));
    }

    /** Everything {@code endpoint} lacks for the rehearsal, each with its fix; empty when it is ready. */
    public static List<String> missing(String label, Endpoint endpoint) {
        var missing = new ArrayList<String>();
        try (var connection = endpoint.connect(); var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT current_setting('wal_level'),"
                     + " current_setting('max_replication_slots')::int - (SELECT count(*) FROM pg_replication_slots),"
                     + " current_setting('max_wal_senders')::int - (SELECT count(*) FROM pg_stat_replication),"
                     + " current_setting('server_version_num')::int,"
                     + " (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)")) {
            result.next();
            if (!"logical".equals(result.getString(1))) {
                missing.add(label + ": wal_level is " + result.getString(1) + ", not logical: set wal_level = logical "
                        + "in postgresql.conf and restart (on Aurora: rds.logical_replication = 1 and reboot)");
            }
            if (result.getInt(2) < 3) {
                missing.add(label + ": fewer than 3 free replication slots: raise max_replication_slots and restart");
            }
            if (result.getInt(3) < 3) {
                missing.add(label + ": fewer than 3 free WAL senders: raise max_wal_senders and restart");
            }
            if (result.getInt(4) < 130000) {
                missing.add(label + ": PostgreSQL " + result.getInt(4) + " is older than 13, which the rehearsal needs");
            }
            if (!result.getBoolean(5)) {
                missing.add(label + ": user " + endpoint.user() + " is not a superuser; the rehearsal creates "
                        + "subscriptions and slots as DMS would: ALTER ROLE " + endpoint.user() + " SUPERUSER, on a copy");
            }
        } catch (SQLException e) {
            missing.add(label + ": cannot connect to " + endpoint + ": " + e.getMessage());
        }
        return missing;
    }

    private static Map<String, String> query(String raw) {
        var values = new HashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
