package dev.schemaguard.sandbox.dryrun;

import java.util.List;
import java.util.Locale;

/**
 * What a dry run saw.
 *
 * @param verdict            "ok" when every statement ran, "failed" at the first error (later statements did not run)
 * @param cloneDifferences   how the sandbox's schema differs from the target's before the migration (empty: faithful)
 * @param schemaChanges      what the migration changed: statements of the schema script added and removed
 */
public record DryRunReport(
        String environment,
        String sandbox,
        String verdict,
        long totalMillis,
        List<String> cloneDifferences,
        List<StatementResult> statements,
        SchemaChanges schemaChanges,
        String note) {

    /**
     * @param objects what the changed statements create or hang on (schema-qualified names: a table for its columns,
     *                indexes and constraints), in the order first changed
     * @param after   the copy's schema after the migration (not part of the answer)
     */
    public record SchemaChanges(
            List<String> added,
            List<String> removed,
            List<String> objects,
            @com.fasterxml.jackson.annotation.JsonIgnore dev.schemaguard.tools.schema.ddl.SchemaScript after) {}

    /**
     * @param status  ok, error, or not-run (after an earlier error)
     * @param locks   relation locks the statement took, held until its transaction ends (empty outside a transaction:
     *                they were released when it finished)
     * @param rewritten tables and indexes whose storage was rewritten (a new relfilenode)
     * @param effects what PostgreSQL did for it (DDL, drops, rows written, functions run); null where not observed
     */
    public record StatementResult(
            String file,
            int line,
            String sql,
            String status,
            Long millis,
            Long rowsAffected,
            List<LockTaken> locks,
            List<String> rewritten,
            Error error,
            StatementEffects effects) {}

    /** @param blocks what others cannot do while it is held: "reads and writes", "writes" or "nothing" */
    public record LockTaken(String relation, String mode, String blocks) {}

    /** @param line the line in the migration file PostgreSQL's error position points at */
    public record Error(String sqlState, String message, int line) {}

    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Dry run of ")
                .append(statements.size())
                .append(" statements against a copy of '")
                .append(environment)
                .append("' (")
                .append(sandbox)
                .append("): ")
                .append(verdict.toUpperCase(Locale.ROOT))
                .append(" in ")
                .append(totalMillis)
                .append(" ms\n");
        if (!cloneDifferences.isEmpty()) {
            out.append("The copy differs from the target in ")
                    .append(cloneDifferences.size())
                    .append(" places:\n");
            cloneDifferences.forEach(d -> out.append("  ").append(d).append('\n'));
        }
        for (StatementResult s : statements) {
            out.append(s.file()).append(':').append(s.line()).append(": ").append(s.status());
            if (s.millis() != null) {
                out.append(", ").append(s.millis()).append(" ms");
            }
            if (s.rowsAffected() != null && s.rowsAffected() > 0) {
                out.append(", ").append(s.rowsAffected()).append(" rows");
            }
            out.append(" — ").append(s.sql()).append('\n');
            for (LockTaken l : s.locks()) {
                out.append("    lock ")
                        .append(l.mode())
                        .append(" on ")
                        .append(l.relation())
                        .append(" (blocks ")
                        .append(l.blocks())
                        .append(")\n");
            }
            s.rewritten().forEach(r -> out.append("    rewrote ").append(r).append('\n'));
            if (s.effects() != null && !s.effects().isEmpty()) {
                out.append("    effects: ").append(s.effects().describe()).append('\n');
            }
            if (s.error() != null) {
                out.append("    ERROR ")
                        .append(s.error().sqlState())
                        .append(" at line ")
                        .append(s.error().line())
                        .append(": ")
                        .append(s.error().message())
                        .append('\n');
            }
        }
        out.append("Schema changes: ")
                .append(schemaChanges.added().size())
                .append(" added, ")
                .append(schemaChanges.removed().size())
                .append(" removed\n");
        appendChanges(out);
        if (note != null) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    /**
     * An object whose statement changed (the same beginning before and after, e.g. {@code CREATE TABLE shop.orders (…})
     * is shown once, with only the parts that differ: the column added with its type, the type it changed from and to.
     */
    private void appendChanges(StringBuilder out) {
        java.util.Map<String, String> before = new java.util.LinkedHashMap<>();
        schemaChanges.removed().forEach(r -> before.putIfAbsent(head(r), r));
        java.util.Set<String> changed = new java.util.HashSet<>();
        for (String added : schemaChanges.added()) {
            String head = head(added);
            String old = before.get(head);
            if (old != null) {
                changed.add(head);
                out.append("  ~ ").append(head).append('\n');
                List<String> oldParts = parts(old);
                List<String> newParts = parts(added);
                oldParts.stream()
                        .filter(l -> !newParts.contains(l))
                        .forEach(
                                l -> out.append("      - ").append(shortened(l)).append('\n'));
                newParts.stream()
                        .filter(l -> !oldParts.contains(l))
                        .forEach(
                                l -> out.append("      + ").append(shortened(l)).append('\n'));
            }
        }
        before.forEach((head, r) -> {
            if (!changed.contains(head)) {
                out.append("  - ").append(head).append('\n');
            }
        });
        schemaChanges.added().stream()
                .filter(a -> !changed.contains(head(a)))
                .forEach(a -> out.append("  + ")
                        .append(a.contains("\n") ? firstLine(a) : shortened(a))
                        .append('\n'));
    }

    /**
     * The parts of a statement a person compares: its lines when it has several, else the elements of its outermost
     * parentheses (a table's columns and constraints) and what follows them.
     */
    private static List<String> parts(String statement) {
        if (statement.contains("\n")) {
            return statement.lines().skip(1).map(String::strip).toList();
        }
        int open = statement.indexOf('(');
        if (open < 0) {
            return List.of(statement);
        }
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = open + 1;
        boolean quoted = false;
        for (int i = open; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
                if (depth == 0) {
                    parts.add(statement.substring(start, i).strip());
                    String rest = statement.substring(i + 1).strip();
                    if (!rest.isEmpty() && !rest.equals(";")) {
                        parts.add(rest);
                    }
                    return parts;
                }
            } else if (!quoted && c == ',' && depth == 1) {
                parts.add(statement.substring(start, i).strip());
                start = i + 1;
            }
        }
        return List.of(statement);
    }

    /** What names the object: the first line, up to its first parenthesis (CREATE TABLE shop.orders). */
    private static String head(String statement) {
        String line = statement.lines().findFirst().orElse("");
        int open = line.indexOf('(');
        return open > 0 && line.startsWith("CREATE TABLE")
                ? line.substring(0, open).strip()
                : firstLine(statement);
    }

    private static String shortened(String line) {
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String firstLine(String s) {
        String line = s.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
