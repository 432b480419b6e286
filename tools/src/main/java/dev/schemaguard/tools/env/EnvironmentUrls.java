package dev.schemaguard.tools.env;

import java.util.regex.Pattern;

/** Shows a JDBC URL without anything secret in it, for listings and error messages. */
public final class EnvironmentUrls {

    private static final Pattern QUERY = Pattern.compile("\\?.*$");

    private EnvironmentUrls() {}

    /** The URL without its query string (where passwords, SSL keys and tokens live). */
    public static String redacted(String jdbcUrl) {
        return QUERY.matcher(jdbcUrl).replaceFirst("");
    }
}
