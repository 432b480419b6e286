package dev.schemaguard.tools.lint.input;

import java.util.Locale;

/** Liquibase's {@code dbms} attribute: whether a changeset or change applies to PostgreSQL. */
final class LiquibaseDbms {

    private LiquibaseDbms() {}

    static boolean appliesToPostgres(String dbms) {
        if (dbms == null || dbms.isBlank()) {
            return true;
        }
        boolean anyPositive = false;
        for (String raw : dbms.split(",")) {
            String name = raw.strip().toLowerCase(Locale.ROOT);
            if (name.equals("!postgresql")) {
                return false;
            }
            if (name.equals("postgresql") || name.equals("all")) {
                return true;
            }
            if (!name.startsWith("!") && !name.isEmpty()) {
                anyPositive = true;
            }
        }
        return !anyPositive;
    }
}
