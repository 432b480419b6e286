package dev.schemaguard.tools.sql;

/**
 * One statement of a migration, where it stands in its file, and what precedes it.
 *
 * @param text             the statement without its terminating semicolon; for COPY ... FROM STDIN, with its data
 * @param line             1-based line of the statement's first character
 * @param column           1-based column of the statement's first character
 * @param offset           0-based character offset of the statement's first character
 * @param leadingComments  the comments between the previous statement and this one (where inline directives live)
 * @param kind             SQL, or PSQL_META for a psql meta-command ({@code \set}, {@code \i} ...), which no server runs
 * @param terminated       false when the file ended inside a string, comment, dollar quote or COPY data
 */
public record SqlStatement(
        String text,
        String file,
        int line,
        int column,
        int offset,
        String leadingComments,
        Kind kind,
        boolean terminated) {

    public enum Kind {
        SQL,
        PSQL_META
    }
}
