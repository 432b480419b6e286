package dev.schemaguard.tools.deps.code;

/**
 * One place in application code that reads or writes a table or column.
 *
 * @param kind       entity-mapping, derived-query, jpql-query, native-query, jdbc-sql, mybatis-sql, sql-file or sql-string;
 *                   for an enum type's change, the code that decodes its values: enum-mapping (a field mapped to a Java
 *                   enum), enum-converter (read through an AttributeConverter), enum-switch and enum-string-switch
 *                   (a switch over the values)
 * @param access     read, write or read/write
 * @param confidence high (a mapping or a parsed query), medium (SQL found in a string) or low (a string in another
 *                   language that looks like SQL)
 * @param table      the table, lower case, without schema unless the code names one
 * @param column     the column, or null when the site is about the table as a whole
 * @param evidence   the annotation, method or SQL it was read from (shortened)
 */
public record CodeSite(
        String service,
        String file,
        int line,
        String kind,
        String access,
        String confidence,
        String table,
        String column,
        String evidence) {}
