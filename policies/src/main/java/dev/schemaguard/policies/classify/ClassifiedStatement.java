package dev.schemaguard.policies.classify;

import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.lint.LockMode;

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
 */
public record ClassifiedStatement(int index, String file, int line, String text, String kind, Set<ChangeClass> classes,
                                  LockMode lock, String table, long tableRows, long tableBytes, String refusal,
                                  List<Finding> findings) {

    public boolean is(ChangeClass c) {
        return classes.contains(c);
    }
}
