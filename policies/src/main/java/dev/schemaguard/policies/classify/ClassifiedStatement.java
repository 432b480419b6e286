package dev.schemaguard.policies.classify;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One statement of a migration as a policy sees it.
 *
 * @param index    0-based position in the migration
 * @param kind     what it is, in lower case: "alter table", "create index", "insert", "do" …
 * @param classes  the change classes it belongs to
 * @param lock     the strongest table lock it takes (PostgreSQL's documented level for its kind)
 * @param table    the table it is about, schema-qualified, or null
 * @param tableRows estimated rows of that table in the environment (pg_class.reltuples), or -1 when not known (never analysed)
 * @param tableBytes on-disk size of that table with its indexes, or -1 when not known
 * @param refusal  why the guard never runs it, whatever a policy says (transaction control, role switching, COPY to a
 *                 program …), or null
 * @param findings the lint findings on it
 * @param relations the tables and views PostgreSQL named in what it did on the sandbox copy (through functions, views,
 *                  rules, triggers and CTEs), schema-qualified; empty when not observed
 * @param effects  what it did on the copy, in words, or why that could not be observed; null before the dry run
 */
public record ClassifiedStatement(
        int index,
        String file,
        int line,
        String text,
        String kind,
        Set<ChangeClass> classes,
        LockMode lock,
        String table,
        long tableRows,
        long tableBytes,
        String refusal,
        List<Finding> findings,
        List<String> relations,
        String effects) {

    public ClassifiedStatement(
            int index,
            String file,
            int line,
            String text,
            String kind,
            Set<ChangeClass> classes,
            LockMode lock,
            String table,
            long tableRows,
            long tableBytes,
            String refusal,
            List<Finding> findings) {
        this(
                index,
                file,
                line,
                text,
                kind,
                classes,
                lock,
                table,
                tableRows,
                tableBytes,
                refusal,
                findings,
                List.of(),
                null);
    }

    /** With what it did on the copy: the classes those effects add (never fewer) and the relations they name. */
    public ClassifiedStatement withEffects(Set<ChangeClass> added, List<String> observedRelations, String observed) {
        EnumSet<ChangeClass> all = EnumSet.noneOf(ChangeClass.class);
        all.addAll(classes);
        all.addAll(added);
        return new ClassifiedStatement(
                index,
                file,
                line,
                text,
                kind,
                all,
                lock,
                table,
                tableRows,
                tableBytes,
                refusal,
                findings,
                List.copyOf(observedRelations),
                observed);
    }

    /** BEGIN first or COMMIT last around a migration of {@code statements}: the apply runs its own transaction and skips them. */
    public boolean isTransactionWrapper(int statements) {
        boolean firstOrLast = index == 0 || index == statements - 1;
        return firstOrLast
                && refusal == null
                && (kind.equals("begin") || kind.equals("start") || kind.equals("commit") || kind.equals("end"));
    }

    /** The statement's own table and every relation its effects named. */
    public Set<String> touchedRelations() {
        Set<String> all = new LinkedHashSet<>(relations);
        if (table != null) {
            all.add(table);
        }
        return all;
    }

    public boolean is(ChangeClass c) {
        return classes.contains(c);
    }
}
