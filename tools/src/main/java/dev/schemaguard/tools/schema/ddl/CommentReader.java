package dev.schemaguard.tools.schema.ddl;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Comments on every object the script writes, and on the columns of its tables, views and composite types. */
final class CommentReader {

    private final ExportContext x;

    CommentReader(ExportContext x) {
        this.x = x;
    }

    void read() throws SQLException {
        java.util.List<SchemaObject> comments = new java.util.ArrayList<>();
        x.rows(
                "SELECT d.classoid, d.objoid, d.objsubid, d.description, "
                        + "CASE WHEN d.objsubid > 0 THEN d.objoid::regclass::text || '.' || quote_ident(a.attname) END "
                        + "FROM pg_description d LEFT JOIN pg_attribute a ON d.classoid = 'pg_class'::regclass AND d.objsubid > 0 "
                        + "AND a.attrelid = d.objoid AND a.attnum = d.objsubid WHERE d.objoid >= 16384",
                rs -> {
                    String objectKey = x.primaryOf(rs.getLong(1), rs.getLong(2));
                    if (objectKey == null) {
                        return; // an extension's object, or one the script does not write
                    }
                    SchemaObject object = x.object(objectKey);
                    String target = rs.getInt(3) > 0
                            ? rs.getString(5) == null ? null : "COLUMN " + rs.getString(5)
                            : object.sqlName();
                    if (target == null) {
                        return;
                    }
                    comments.add(new SchemaObject(
                            ObjectKind.COMMENT,
                            target,
                            object.table(),
                            null,
                            List.of("COMMENT ON " + target + " IS " + DatabaseObjectsReader.literal(rs.getString(4))),
                            Set.of(objectKey),
                            Set.of(),
                            List.of(),
                            null));
                });
        comments.sort(java.util.Comparator.comparing(SchemaObject::name)); // the same order whatever the objects' OIDs
        comments.forEach(x::add);
    }
}
