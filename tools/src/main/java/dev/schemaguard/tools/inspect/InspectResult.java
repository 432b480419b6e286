package dev.schemaguard.tools.inspect;

import dev.schemaguard.tools.schema.Index;
import dev.schemaguard.tools.schema.Routine;
import dev.schemaguard.tools.schema.SchemaInfo;
import dev.schemaguard.tools.schema.Sequence;
import dev.schemaguard.tools.schema.Table;
import dev.schemaguard.tools.schema.TableReferences;
import dev.schemaguard.tools.schema.Trigger;
import dev.schemaguard.tools.schema.UserType;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * One page of an environment's schema.
 *
 * @param detail     {@code summary} or {@code full}: what the objects on this page carry
 * @param totals     how many objects of each kind match the filters, over all pages
 * @param returned   how many objects this page holds
 * @param truncated  true when more pages follow; {@code nextCursor} fetches the next one
 * @param schemas    the schemas, on the first page only
 * @param references for a single table: what points at it
 * @param note       why the answer has the shape it has (summary chosen for size, an object too big for the budget)
 */
public record InspectResult(
        String environment,
        String database,
        String serverVersion,
        String detail,
        Map<String, Integer> totals,
        int returned,
        boolean truncated,
        String nextCursor,
        List<SchemaInfo> schemas,
        List<Table> tables,
        List<Sequence> sequences,
        List<UserType> types,
        List<Routine> routines,
        List<IndexEntry> indexes,
        List<Trigger> triggers,
        TableReferences references,
        String note) {

    /** An index listed on its own (when {@code kinds} asks for indexes), with the table it belongs to. */
    public record IndexEntry(String table, Index index) {}

    /** A short human-readable account of this page, for the text part of a tool answer and for the CLI. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Environment ")
                .append(environment)
                .append(" — database ")
                .append(database)
                .append(", PostgreSQL ")
                .append(serverVersion)
                .append('\n');
        StringJoiner counts = new StringJoiner(", ");
        totals.forEach((kind, n) -> {
            if (n > 0) {
                counts.add(n + " " + kind.replace('_', ' ') + (n == 1 ? "" : "s"));
            }
        });
        out.append("Matching objects: ")
                .append(counts.length() == 0 ? "none" : counts.toString())
                .append('\n');
        if (references != null && tables.size() == 1) {
            appendTable(out, tables.get(0));
            out.append("Referenced by: ");
            out.append(
                    references.referencedBy().isEmpty()
                            ? "no foreign keys"
                            : String.join(
                                    ", ",
                                    references.referencedBy().stream()
                                            .map(fk -> fk.table() + "(" + String.join(", ", fk.columns())
                                                    + ") ON DELETE " + fk.onDelete())
                                            .toList()));
            out.append('\n');
            if (!references.dependentViews().isEmpty()) {
                out.append("Views reading it: ")
                        .append(String.join(", ", references.dependentViews()))
                        .append('\n');
            }
            if (!references.partitionsOrChildren().isEmpty()) {
                out.append("Partitions or children: ")
                        .append(String.join(", ", references.partitionsOrChildren()))
                        .append('\n');
            }
        } else {
            out.append("This page (")
                    .append(detail)
                    .append("): ")
                    .append(returned)
                    .append(" objects\n");
            int shown = 0;
            for (Table t : tables) {
                if (shown++ >= 25) {
                    break;
                }
                out.append("  ").append(t.kind().replace('_', ' ')).append(' ').append(t.qualifiedName());
                if (t.rowEstimate() != null) {
                    out.append(" ~").append(t.rowEstimate()).append(" rows");
                }
                if (t.totalBytes() != null) {
                    out.append(", ").append(humanBytes(t.totalBytes()));
                }
                out.append(", ").append(t.columnCount()).append(" columns\n");
            }
            if (tables.size() > shown) {
                out.append("  … and ")
                        .append(tables.size() - shown)
                        .append(" more tables and views in the structured result\n");
            }
            int others = sequences.size() + types.size() + routines.size() + indexes.size() + triggers.size();
            if (others > 0) {
                out.append("  plus ")
                        .append(others)
                        .append(" sequences, types, routines, indexes or triggers in the structured result\n");
            }
        }
        if (note != null) {
            out.append("Note: ").append(note).append('\n');
        }
        if (truncated) {
            out.append("More objects follow: call again with cursor=")
                    .append(nextCursor)
                    .append('\n');
        }
        return out.toString();
    }

    private static void appendTable(StringBuilder out, Table t) {
        out.append(t.kind().replace('_', ' ')).append(' ').append(t.qualifiedName());
        if (t.rowEstimate() != null) {
            out.append(" (~").append(t.rowEstimate()).append(" rows");
            if (t.totalBytes() != null) {
                out.append(", ").append(humanBytes(t.totalBytes()));
            }
            out.append(')');
        }
        out.append('\n');
        if (t.comment() != null) {
            out.append("  comment: ").append(t.comment()).append('\n');
        }
        if (t.columns() != null) {
            for (var c : t.columns()) {
                out.append("  ").append(c.name()).append(' ').append(c.type());
                if (!c.nullable()) {
                    out.append(" not null");
                }
                if (c.identity() != null) {
                    out.append(" identity ").append(c.identity());
                }
                if (c.generated() != null) {
                    out.append(" generated as ").append(c.generated());
                }
                if (c.defaultValue() != null) {
                    out.append(" default ").append(c.defaultValue());
                }
                out.append('\n');
            }
        }
        if (t.constraints() != null) {
            for (var c : t.constraints()) {
                out.append("  constraint ").append(c.name()).append(' ').append(c.definition());
                if (!c.validated()) {
                    out.append(" (not validated)");
                }
                out.append('\n');
            }
        }
        if (t.indexes() != null) {
            for (var i : t.indexes()) {
                out.append("  index ")
                        .append(i.name())
                        .append(i.valid() ? "" : " (INVALID)")
                        .append('\n');
            }
        }
        if (t.triggers() != null) {
            for (var tr : t.triggers()) {
                out.append("  trigger ")
                        .append(tr.name())
                        .append(' ')
                        .append(tr.timing())
                        .append(' ')
                        .append(String.join("/", tr.events()))
                        .append(" → ")
                        .append(tr.function())
                        .append('\n');
            }
        }
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
