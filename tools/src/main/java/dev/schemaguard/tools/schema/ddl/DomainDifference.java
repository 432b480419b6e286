package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a domain differs between two scripts, undone in place with ALTER DOMAIN: its checks dropped and added back (a
 * NOT VALID check comes back NOT VALID), its default and NOT NULL set back. Its base type cannot change in place.
 */
final class DomainDifference {

    private DomainDifference() {}

    /** @param from the domain as it is; {@code to} as it must become */
    static List<String> undo(SchemaObject from, SchemaObject to, List<String> irreversible) {
        String name = to.name();
        Head now = Head.of(from.statements().get(0), name);
        Head was = Head.of(to.statements().get(0), name);
        List<String> down = new ArrayList<>();
        if (!now.type().equals(was.type())) {
            irreversible.add(name + ": its base type changed from " + was.type() + " to " + now.type()
                    + "; a domain's type cannot be changed back in place: make it again by hand");
            return down;
        }
        List<String> nowChecks = from.statements().subList(1, from.statements().size());
        List<String> wasChecks = to.statements().subList(1, to.statements().size());
        for (String check : nowChecks) {
            if (!wasChecks.contains(check)) {
                down.add("ALTER DOMAIN " + name + " DROP CONSTRAINT " + constraintName(check, name));
            }
        }
        if (!Objects.equals(now.defaultValue(), was.defaultValue())) {
            down.add("ALTER DOMAIN " + name
                    + (was.defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + was.defaultValue()));
        }
        if (now.notNull() != was.notNull()) {
            down.add("ALTER DOMAIN " + name + (was.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        for (String check : wasChecks) {
            if (!nowChecks.contains(check)) {
                down.add(check);
            }
        }
        return down;
    }

    private static String constraintName(String addConstraint, String domain) {
        String rest = addConstraint.substring(("ALTER DOMAIN " + domain + " ADD CONSTRAINT ").length());
        return rest.substring(0, TableDifference.endOfName(rest, 0));
    }

    /** {@code CREATE DOMAIN name AS type [COLLATE c] [DEFAULT e] [NOT NULL]}, as the exporter writes it. */
    private record Head(String type, String defaultValue, boolean notNull) {

        static Head of(String create, String name) {
            String rest = create.substring(("CREATE DOMAIN " + name + " AS ").length());
            boolean notNull = rest.endsWith(" NOT NULL");
            if (notNull) {
                rest = rest.substring(0, rest.length() - " NOT NULL".length());
            }
            int at = rest.indexOf(" DEFAULT ");
            return at < 0
                    ? new Head(rest, null, notNull)
                    : new Head(rest.substring(0, at), rest.substring(at + 9), notNull);
        }
    }
}
