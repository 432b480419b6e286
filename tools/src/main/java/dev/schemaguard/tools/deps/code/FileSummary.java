package dev.schemaguard.tools.deps.code;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;

/**
 * What one source file says about the database on its own, before any other file is known: its JPA types, string
 * constants, repositories, SQL call sites, and the sites that need nothing else (SQL files, mapper XML, literals). It
 * is what the on-disk cache keeps per file content hash, so an unchanged file is never parsed again; sites are
 * resolved from all summaries together ({@link CodeModel}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record FileSummary(
        List<JpaType> types,
        Map<String, StringExpression> constants,
        List<Repository> repositories,
        List<SqlCall> sqlCalls,
        List<Found> found,
        String problem,
        EnumCode.Facts enums,
        MapperXml mapper,
        EventCode.Facts events,
        OutboxCode.Facts outbox) {

    /** Empty parts are left out of the cache: read back as empty, not null. */
    FileSummary {
        types = types == null ? List.of() : types;
        constants = constants == null ? Map.of() : constants;
        repositories = repositories == null ? List.of() : repositories;
        sqlCalls = sqlCalls == null ? List.of() : sqlCalls;
        found = found == null ? List.of() : found;
        enums = enums == null ? EnumCode.Facts.NONE : enums;
        events = events == null ? EventCode.Facts.NONE : events;
        outbox = outbox == null ? OutboxCode.Facts.NONE : outbox;
    }

    FileSummary(
            List<JpaType> types,
            Map<String, StringExpression> constants,
            List<Repository> repositories,
            List<SqlCall> sqlCalls,
            List<Found> found,
            String problem,
            EnumCode.Facts enums,
            MapperXml mapper,
            EventCode.Facts events) {
        this(types, constants, repositories, sqlCalls, found, problem, enums, mapper, events, null);
    }

    FileSummary(
            List<JpaType> types,
            Map<String, StringExpression> constants,
            List<Repository> repositories,
            List<SqlCall> sqlCalls,
            List<Found> found,
            String problem,
            EnumCode.Facts enums) {
        this(types, constants, repositories, sqlCalls, found, problem, enums, null, null);
    }

    static FileSummary ofEvents(EventCode.Facts events) {
        return new FileSummary(List.of(), Map.of(), List.of(), List.of(), List.of(), null, null, null, events);
    }

    /**
     * A MyBatis mapper's {@code <sql id>} fragments and the statements that {@code <include>} them: read once every
     * mapper's fragments are known, as an include may name another mapper's ({@code namespace.id}).
     *
     * @param fragments  id → the fragment's text, tags and all
     * @param statements the statements with includes, by the line they start on
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record MapperXml(String namespace, Map<String, String> fragments, List<MapperStatement> statements) {

        MapperXml {
            fragments = fragments == null ? Map.of() : fragments;
            statements = statements == null ? List.of() : statements;
        }
    }

    record MapperStatement(int line, String body) {}

    static FileSummary ofSites(List<Found> found) {
        return new FileSummary(List.of(), Map.of(), List.of(), List.of(), found, null, null);
    }

    /** A file that could not be read as its language: nothing in it is seen, and results say so. */
    static FileSummary unreadable(String problem) {
        return new FileSummary(List.of(), Map.of(), List.of(), List.of(), List.of(), problem, null);
    }

    /**
     * A site before its service and file are known; {@code text} is the full SQL for column matching. Written to the
     * cache as an array: a code base has hundreds of thousands of them.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    @JsonPropertyOrder({"line", "kind", "access", "confidence", "table", "column", "evidence", "text"})
    record Found(
            int line,
            String kind,
            String access,
            String confidence,
            String table,
            String column,
            String evidence,
            String text) {}

    /**
     * A class annotated {@code @Entity}, {@code @MappedSuperclass} or {@code @Embeddable}.
     *
     * @param table           the {@code @Table} name, or null for the default
     * @param entityName      the {@code @Entity(name)}, or null
     * @param inheritance     the {@code @Inheritance} strategy on this class, or null
     * @param discriminator   the {@code @DiscriminatorColumn} name, or null
     * @param secondaryTables the {@code @SecondaryTable} names
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JpaType(
            String name,
            String kind,
            String table,
            String entityName,
            List<String> parents,
            String inheritance,
            String discriminator,
            List<String> secondaryTables,
            int line,
            List<Field> fields) {

        JpaType {
            parents = parents == null ? List.of() : parents;
            secondaryTables = secondaryTables == null ? List.of() : secondaryTables;
            fields = fields == null ? List.of() : fields;
        }
    }

    /**
     * A persistent field.
     *
     * @param type      the field's type (simple name; for collections, the element type)
     * @param column    the column for a basic or to-one field, or null when the field maps no column of its own table
     * @param table     {@code @Column(table)}: a secondary table, or null
     * @param embedded  true for {@code @Embedded}/{@code @EmbeddedId}; a field whose type is an embeddable is embedded too
     * @param overrides {@code @AttributeOverride}: embedded attribute → column
     * @param joinTable the table a collection lives in ({@code @JoinTable}, {@code @CollectionTable} or the default),
     *                  or null
     * @param enumMapping how its values are read from the column when they are an enum's: STRING, ORDINAL (JPA's
     *                  {@code @Enumerated}; ORDINAL is JPA's default for an enum type), NAMED (Hibernate's PostgreSQL
     *                  named enum, {@code @JdbcType}/{@code @JdbcTypeCode}); null when not known to be an enum
     * @param converter the {@code @Convert(converter)} class, or null
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Field(
            String name,
            int line,
            String type,
            String column,
            String table,
            boolean embedded,
            Map<String, String> overrides,
            TableOfCollection joinTable,
            String enumMapping,
            String converter) {

        Field {
            overrides = overrides == null ? Map.of() : overrides;
        }

        Field(
                String name,
                int line,
                String type,
                String column,
                String table,
                boolean embedded,
                Map<String, String> overrides,
                TableOfCollection joinTable) {
            this(name, line, type, column, table, embedded, overrides, joinTable, null, null);
        }
    }

    /**
     * Where a collection's rows are: {@code name} null means the JPA default, which needs the owner's (and for
     * many-to-many the target's) table.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record TableOfCollection(String kind, String name, List<String> columns) {

        TableOfCollection {
            columns = columns == null ? List.of() : columns;
        }
    }

    /** A Spring Data repository interface and its query methods. */
    record Repository(String entity, List<QueryMethod> methods) {

        Repository {
            methods = methods == null ? List.of() : methods;
        }
    }

    /**
     * A query method: {@code @Query} JPQL, or a derived query read from its name (native queries are sites already).
     *
     * @param query      the JPQL, or null for a derived query
     * @param access     for a derived query: read, or write for delete/remove
     * @param properties for a derived query: the entity attributes its criteria name
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record QueryMethod(String name, int line, String query, String access, List<String> properties) {

        QueryMethod {
            properties = properties == null ? List.of() : properties;
        }
    }

    /** The first argument of a call that takes SQL (JdbcTemplate, JDBC, jOOQ) when it names a constant. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SqlCall(int line, StringExpression sql) {}

    /**
     * A string as code spells it, kept unresolved because constants may live in other files: literal parts, constant
     * references, and parts that cannot be known (null both).
     */
    record StringExpression(List<Part> parts) {

        StringExpression {
            parts = parts == null ? List.of() : parts;
        }

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        record Part(String literal, String constant) {}
    }
}
