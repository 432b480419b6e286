package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.CancellableStatement;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.Convergence;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.ddl.ObjectKind;
import dev.schemaguard.tools.schema.ddl.PostgresSchemaExporter;
import dev.schemaguard.tools.schema.ddl.SchemaObject;
import dev.schemaguard.tools.schema.ddl.SchemaReconciler;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drift, with the way back: how the second environment differs from the first, and the SQL that makes it like the
 * first (the rollback generator's reconciler, from the second's schema to the first's), run on a sandbox copy of the
 * second and compared again with the first. Both environments are only read.
 */
public final class ConvergeSchemas {

    private final Environments environments;
    private final SandboxProvider sandboxes;

    public ConvergeSchemas(Environments environments, SandboxProvider sandboxes) {
        this.environments = environments;
        this.sandboxes = sandboxes;
    }

    public CompareSchemas.Comparison compare(String first, String second, boolean ignoreColumnOrder) {
        return compare(first, second, ignoreColumnOrder, java.util.Set.of());
    }

    /** @param schemas compare and converge only the objects in these schemas; empty: all */
    public CompareSchemas.Comparison compare(String first, String second, boolean ignoreColumnOrder, java.util.Set<String> schemas) {
        java.util.function.Predicate<SchemaObject> keep = o -> schemas.isEmpty() || CompareSchemas.inSchemas(o, schemas);
        SchemaScript a = TargetSchema.read(environments, first).schema().only(keep);
        TargetSchema b = TargetSchema.read(environments, second);
        SchemaScript bPart = b.schema().only(keep);
        CompareSchemas.Comparison comparison = CompareSchemas.compare(first, a, second, bPart, ignoreColumnOrder);
        if (comparison.differences().isEmpty()) {
            return comparison;
        }
        return comparison.withConvergence(converge(a, b, bPart, first, ignoreColumnOrder, keep));
    }

    /** @param bPart the part of the second's schema compared; the copy is of all of it */
    private Convergence converge(SchemaScript a, TargetSchema b, SchemaScript bPart, String first, boolean ignoreColumnOrder,
                                 java.util.function.Predicate<SchemaObject> keep) {
        SchemaReconciler.Plan plan = new SchemaReconciler().plan(bPart, a, Map.of(), Map.of(), !ignoreColumnOrder);
        List<String> notes = new ArrayList<>(plan.notes());
        List<String> lost = new ArrayList<>(plan.irreversible());
        lost.addAll(dataLost(bPart, a));
        try (Sandbox sandbox = sandboxes.create(b, null)) {
            try (Connection c = sandbox.connectForMigration(); Statement s = c.createStatement()) {
                for (String statement : plan.statements()) {
                    try {
                        CancellableStatement.execute(s, statement);
                    } catch (SQLException e) {
                        notes.add("on the copy, " + firstLine(statement) + " failed: " + firstLine(e.getMessage()));
                        return new Convergence("failed", plan.statements(), lost, notes, List.of());
                    }
                }
            }
            SchemaScript after;
            try (Connection c = sandbox.connect()) {
                after = new PostgresSchemaExporter().export(c).only(keep);
            }
            List<CompareSchemas.Difference> remaining = CompareSchemas.compare(first, a, "the converged copy", after, ignoreColumnOrder)
                    .differences();
            return new Convergence(remaining.isEmpty() ? "proven" : "differences-remain", plan.statements(), lost, notes, remaining);
        } catch (SQLException e) {
            throw new ToolException("The sandbox failed while proving the SQL that converges the schemas: " + e.getMessage());
        }
    }

    /** The tables and columns the second has and the first does not: making the second like the first drops their data. */
    private static List<String> dataLost(SchemaScript second, SchemaScript first) {
        Map<String, SchemaObject> wanted = new java.util.HashMap<>();
        first.objects().forEach(o -> wanted.put(o.key(), o));
        List<String> lost = new ArrayList<>();
        for (SchemaObject table : second.objects()) {
            if (table.kind() != ObjectKind.TABLE) {
                continue;
            }
            SchemaObject kept = wanted.get(table.key());
            if (kept == null) {
                lost.add("table " + table.name() + " is dropped with its rows");
                continue;
            }
            java.util.Set<String> keptColumns = new java.util.HashSet<>();
            kept.columns().forEach(c -> keptColumns.add(c.name()));
            table.columns().stream().filter(c -> !keptColumns.contains(c.name()))
                    .forEach(c -> lost.add("column " + table.name() + "." + c.name() + " is dropped with its values"));
        }
        return lost;
    }

    private static String firstLine(String text) {
        String line = text == null ? "" : text.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl);
    }
}
