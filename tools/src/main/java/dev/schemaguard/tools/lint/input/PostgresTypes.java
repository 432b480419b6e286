package dev.schemaguard.tools.lint.input;

import java.util.Locale;
import java.util.Map;

/** Translates the Liquibase type names that PostgreSQL does not know; other types are kept as written. */
final class PostgresTypes {

    private static final Map<String, String> TRANSLATED = Map.ofEntries(
            Map.entry("datetime", "TIMESTAMP WITHOUT TIME ZONE"),
            Map.entry("tinyint", "SMALLINT"),
            Map.entry("clob", "TEXT"),
            Map.entry("nclob", "TEXT"),
            Map.entry("longtext", "TEXT"),
            Map.entry("mediumtext", "TEXT"),
            Map.entry("blob", "BYTEA"),
            Map.entry("longblob", "BYTEA"),
            Map.entry("double", "DOUBLE PRECISION"),
            Map.entry("currency", "DECIMAL"),
            Map.entry("nvarchar", "VARCHAR"),
            Map.entry("nchar", "CHAR"));

    private PostgresTypes() {}

    static String of(String liquibaseType) {
        String type = liquibaseType.strip();
        if (type.regionMatches(true, 0, "java.sql.Types.", 0, 15)) {
            type = type.substring(15);
        }
        int paren = type.indexOf('(');
        String base = (paren < 0 ? type : type.substring(0, paren)).strip();
        String translated = TRANSLATED.get(base.toLowerCase(Locale.ROOT));
        if (translated == null) {
            return type;
        }
        return paren < 0 ? translated : translated + type.substring(paren);
    }
}
