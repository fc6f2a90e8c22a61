package vn.hanoi.hcc.testsupport.embedded;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a PostgreSQL database is, as the services' {@code HCC_DB_*} variables say it.
 *
 * @param password empty for trust authentication
 */
public record PostgresAddress(String host, int port, String database, String user, String password) {

    /**
     * Reads {@code postgresql://user[:password]@host[:port]/database}, the form of
     * {@code HCC_DB_URL} and {@code HCC_TEST_DB_URL}.
     */
    public static PostgresAddress parse(String url) {
        URI uri = URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Expected postgresql://user[:password]@host[:port]/database");
        }
        String userInfo = uri.getRawUserInfo() == null ? "postgres" : uri.getRawUserInfo();
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        String database = uri.getPath() == null || uri.getPath().length() <= 1
                ? "postgres"
                : uri.getPath().substring(1);
        return new PostgresAddress(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password);
    }

    public PostgresAddress withDatabase(String otherDatabase) {
        return new PostgresAddress(host, port, otherDatabase, user, password);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The variables the BFF's configuration reads. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("HCC_DB_HOST", host);
        environment.put("HCC_DB_PORT", Integer.toString(port));
        environment.put("HCC_DB_NAME", database);
        environment.put("HCC_DB_USER", user);
        environment.put("HCC_DB_PASSWORD", password);
        return environment;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database; // never the password
    }
}
