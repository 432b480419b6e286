package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.CancellableStatement;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.drift.ComparisonScope;
import dev.schemaguard.tools.drift.Convergence;
import dev.schemaguard.tools.drift.NamesIgnored;
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
    public CompareSchemas.Comparison compare(
            String first, String second, boolean ignoreColumnOrder, java.util.Set<String> schemas) {
        return compare(first, second, ComparisonScope.schemas(schemas, ignoreColumnOrder));
    }

    /**
     * @param first  an environment, a migration directory or a schema file (replayed on a sandbox)
     * @param second the same; the answer says how it differs from the first, and the SQL that makes it like the first
     */
    public CompareSchemas.Comparison compare(String first, String second, ComparisonScope scope) {
        java.util.function.Predicate<SchemaObject> keep = scope.keep();
        TargetSchema[] sides = read(first, second);
        SchemaScript a = sides[0].schema().only(keep);
        TargetSchema b = sides[1];
        SchemaScript bPart = b.schema().only(keep);
        if (scope.ignoreNames()) {
            bPart = NamesIgnored.align(a, bPart);
        }
        CompareSchemas.Comparison comparison =
                CompareSchemas.compare(first, a, second, bPart, scope.ignoreColumnOrder());
        if (comparison.differences().isEmpty()) {
            return comparison;
        }
        return comparison.withConvergence(converge(a, b, bPart, first, scope, keep));
    }

    /** Whether {@code side} names a configured environment (else it is a migration directory or a schema file). */
    public boolean isEnvironment(String side) {
        return environments.list().stream().anyMatch(e -> e.name().equals(side));
    }

    /**
     * Both sides' schemas: an environment's as read, a migration directory's or schema file's as it comes out replayed on
     * an empty sandbox — with the roles, PostgreSQL version and migration role of the other side when that is an
     * environment, so that owners and grants compare like for like.
     */
    private TargetSchema[] read(String first, String second) {
        // two environments are read at once, each on its own connection: the catalog reads of one wait on the network
        // and the server while the other's are parsed
        java.util.concurrent.CompletableFuture<TargetSchema> secondRead = isEnvironment(second)
                ? CompareSchemas.alongside(() -> TargetSchema.read(environments, second))
                : java.util.concurrent.CompletableFuture.completedFuture(null);
        TargetSchema a;
        TargetSchema b;
        try {
            a = isEnvironment(first) ? TargetSchema.read(environments, first) : null;
        } finally {
            b = joined(secondRead);
        }
        TargetSchema aRead = a != null ? a : replay(first, b);
        TargetSchema bRead = b != null ? b : replay(second, aRead == a ? a : null);
        return new TargetSchema[] {aRead, bRead};
    }

    private static TargetSchema joined(java.util.concurrent.CompletableFuture<TargetSchema> read) {
        try {
            return read.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private TargetSchema replay(String side, TargetSchema like) {
        java.nio.file.Path path;
        try {
            path = java.nio.file.Path.of(side);
        } catch (java.nio.file.InvalidPathException e) {
            path = null;
        }
        if (path == null || !java.nio.file.Files.exists(path)) {
            throw new dev.schemaguard.tools.InputException("'" + side + "' is neither an environment (known: "
                    + String.join(
                            ", ",
                            environments.list().stream().map(e -> e.name()).toList())
                    + ") nor an existing migration directory or schema file");
        }
        List<dev.schemaguard.tools.lint.input.MigrationUnit> units =
                dev.schemaguard.tools.lint.input.MigrationSources.read(List.of(side), true);
        ReplayedMigrations.Result result =
                ReplayedMigrations.replay(sandboxes, side, units, like, dev.schemaguard.tools.ProgressListener.NONE);
        if (result.failure() != null) {
            throw new ToolException("'" + side
                    + "' does not replay on an empty database, so there is no schema to compare: " + result.failure());
        }
        return result.target();
    }

    /** @param bPart the part of the second's schema compared; the copy is of all of it */
    private Convergence converge(
            SchemaScript a,
            TargetSchema b,
            SchemaScript bPart,
            String first,
            ComparisonScope scope,
            java.util.function.Predicate<SchemaObject> keep) {
        boolean ignoreColumnOrder = scope.ignoreColumnOrder();
        SchemaReconciler.Plan plan = new SchemaReconciler().plan(bPart, a, Map.of(), Map.of(), !ignoreColumnOrder);
        List<String> notes = new ArrayList<>(plan.notes());
        List<String> lost = new ArrayList<>(plan.irreversible());
        lost.addAll(dataLost(bPart, a));
        try (Sandbox sandbox = sandboxes.create(b, null)) {
            try (Connection c = sandbox.connectForMigration();
                    Statement s = c.createStatement()) {
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
            List<CompareSchemas.Difference> remaining = CompareSchemas.compare(
                            first, a, "the converged copy", after, ignoreColumnOrder, scope.ignoreNames())
                    .differences();
            return new Convergence(
                    remaining.isEmpty() ? "proven" : "differences-remain", plan.statements(), lost, notes, remaining);
        } catch (SQLException e) {
            throw new ToolException(
                    "The sandbox failed while proving the SQL that converges the schemas: " + e.getMessage());
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
            table.columns().stream()
                    .filter(c -> !keptColumns.contains(c.name()))
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
