package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.deps.code.CodeIndex;
import dev.schemaguard.tools.deps.code.CodeSite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code impact_of_migration} use case: per statement of a migration, the database objects and code sites that
 * break or change behaviour (dropped or renamed tables and columns, type changes, NOT NULL, changed foreign-key
 * actions), grouped by service and ranked, with a deploy order for the breaking ones (expand → migrate code → contract).
 */
public final class ImpactOfMigration {

    private final MapDependencies dependencies;

    public ImpactOfMigration(MapDependencies dependencies) {
        this.dependencies = dependencies;
    }

    public record StatementImpact(SchemaChange change, List<DatabaseDependency> database, List<CodeSite> code) {}

    /** @param breaks code sites that fail once the migration runs; changes: sites whose behaviour may change */
    public record ServiceImpact(String service, int breaks, int changes, List<String> sites) {}

    public record ImpactReport(
            String environment,
            List<StatementImpact> statements,
            List<ServiceImpact> services,
            List<String> deployOrder,

            @com.fasterxml.jackson.annotation.JsonProperty("blind_spots")
            List<String> blindSpots) {

        public String toText() {
            StringBuilder out = new StringBuilder(
                    "Impact of the migration" + (environment == null ? "" : " on '" + environment + "'") + ": "
                            + statements.size() + " change(s) that affect existing tables or columns\n");
            for (StatementImpact s : statements) {
                SchemaChange c = s.change();
                out.append("\n")
                        .append(c.severity().toUpperCase(java.util.Locale.ROOT))
                        .append("  line ")
                        .append(c.line())
                        .append(": ")
                        .append(c.change())
                        .append(' ')
                        .append(c.target())
                        .append(" — ")
                        .append(c.detail())
                        .append('\n');
                s.database()
                        .forEach(d -> out.append("    db    ")
                                .append(d.kind())
                                .append(' ')
                                .append(d.object())
                                .append(" — ")
                                .append(d.detail())
                                .append('\n'));
                s.code()
                        .forEach(k -> out.append("    code  ")
                                .append(k.service())
                                .append(' ')
                                .append(k.file())
                                .append(':')
                                .append(k.line())
                                .append(" (")
                                .append(k.kind())
                                .append(", ")
                                .append(k.access())
                                .append(")\n"));
            }
            if (!services.isEmpty()) {
                out.append("\nServices, most affected first:\n");
                services.forEach(s -> out.append("  ")
                        .append(s.service())
                        .append(": ")
                        .append(s.breaks())
                        .append(" break, ")
                        .append(s.changes())
                        .append(" change\n"));
            }
            if (!deployOrder.isEmpty()) {
                out.append("\nDeploy order:\n");
                for (int i = 0; i < deployOrder.size(); i++) {
                    out.append("  ")
                            .append(i + 1)
                            .append(". ")
                            .append(deployOrder.get(i))
                            .append('\n');
                }
            }
            out.append("\nNot looked at:\n");
            blindSpots.forEach(b -> out.append("  - ").append(b).append('\n'));
            return out.toString();
        }
    }

    public ImpactReport impact(String environment, String sql, List<Path> roots) {
        return impact(environment, sql, roots, dev.schemaguard.tools.ProgressListener.NONE);
    }

    /** @param progress hears how far the code index has come (the slow part of a first scan) */
    public ImpactReport impact(
            String environment, String sql, List<Path> roots, dev.schemaguard.tools.ProgressListener progress) {
        if (sql == null || sql.isBlank()) {
            throw new InputException("The migration is empty.");
        }
        List<SchemaChange> changes = SchemaChanges.of(sql);
        CodeIndex index = roots.isEmpty() ? null : dependencies.codeIndex(roots, progress);
        List<StatementImpact> impacts = new ArrayList<>();
        List<String> blind = new ArrayList<>();
        for (SchemaChange change : changes) {
            DependencyReport deps = environment == null && index == null
                    ? null
                    : dependencies.map(environment, change.target(), 1, index);
            if (deps != null && blind.isEmpty()) {
                blind.addAll(deps.blindSpots());
            }
            impacts.add(new StatementImpact(
                    change, deps == null ? List.of() : deps.database(), deps == null ? List.of() : deps.code()));
        }
        // a type's change reaches every column of that type: each is followed as a column change is
        for (SchemaChanges.TypeChange change : SchemaChanges.typeChanges(sql)) {
            List<String> columns =
                    environment == null ? List.of() : dependencies.columnsOfType(environment, change.type());
            List<DatabaseDependency> users =
                    environment == null ? List.of() : dependencies.usersOfType(environment, change.type());
            if (!users.isEmpty()) {
                // what names the type itself (function signatures, casts), once for the statement
                impacts.add(new StatementImpact(
                        new SchemaChange(
                                change.statement(),
                                change.line(),
                                change.sql(),
                                change.change(),
                                change.severity(),
                                change.type(),
                                change.detail() + " — functions and casts that name the type"),
                        users,
                        List.of()));
            }
            if (columns.isEmpty() && users.isEmpty()) {
                impacts.add(new StatementImpact(
                        new SchemaChange(
                                change.statement(),
                                change.line(),
                                change.sql(),
                                change.change(),
                                change.severity(),
                                change.type(),
                                change.detail()
                                        + (environment == null
                                                ? " (the columns of this type are known with an environment)"
                                                : " (no column or function uses this type)")),
                        List.of(),
                        List.of()));
                continue;
            }
            for (String column : columns) {
                DependencyReport deps =
                        index == null && environment == null ? null : dependencies.map(environment, column, 1, index);
                SchemaChange columnChange = new SchemaChange(
                        change.statement(),
                        change.line(),
                        change.sql(),
                        change.change(),
                        change.severity(),
                        column,
                        change.detail() + " — " + column + " is of this type");
                impacts.add(new StatementImpact(
                        columnChange,
                        deps == null ? List.of() : deps.database(),
                        deps == null ? List.of() : deps.code()));
            }
            if (index != null && !change.values().isEmpty()) {
                impacts.addAll(EnumDecoders.impacts(
                        change,
                        columns,
                        index,
                        environment == null ? List.of() : dependencies.enumValues(environment, change.type())));
            }
        }
        impacts.sort(java.util.Comparator.comparingInt(i -> i.change().statement()));
        if (environment == null && index == null) {
            blind.add("no environment and no code roots: only the changes themselves are listed");
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, List<String>> sites = new LinkedHashMap<>();
        for (StatementImpact i : impacts) {
            for (CodeSite site : i.code()) {
                int[] c = counts.computeIfAbsent(site.service(), s -> new int[2]);
                c[i.change().severity().equals("breaks") ? 0 : 1]++;
                sites.computeIfAbsent(site.service(), s -> new ArrayList<>()).add(site.file() + ":" + site.line());
            }
        }
        List<ServiceImpact> services = counts.entrySet().stream()
                .map(e -> new ServiceImpact(e.getKey(), e.getValue()[0], e.getValue()[1], sites.get(e.getKey())))
                .sorted(java.util.Comparator.comparingInt(ServiceImpact::breaks)
                        .reversed()
                        .thenComparing(ServiceImpact::service))
                .toList();
        return new ImpactReport(environment, impacts, services, deployOrder(impacts, services), blind);
    }

    /** Breaking changes go expand → migrate code → contract; the services that use what breaks change first. */
    private static List<String> deployOrder(List<StatementImpact> impacts, List<ServiceImpact> services) {
        List<String> domainOrder = DomainDeployOrder.of(impacts);
        if (!domainOrder.isEmpty()) {
            return domainOrder;
        }
        List<StatementImpact> breaking = impacts.stream()
                .filter(i -> i.change().severity().equals("breaks"))
                .toList();
        if (breaking.isEmpty()) {
            return List.of();
        }
        List<String> typeOrder = EnumDecoders.deployOrder(breaking);
        if (!typeOrder.isEmpty()) {
            return typeOrder;
        }
        List<String> first = services.stream()
                .filter(s -> s.breaks() > 0)
                .map(ServiceImpact::service)
                .toList();
        List<String> order = new ArrayList<>();
        boolean renames = breaking.stream().anyMatch(i -> i.change().change().rename());
        order.add("Expand: ship the additive part first"
                + (renames
                        ? " — for a rename, add the new column or table (or a view "
                                + "under the new name) and keep both in step with a trigger"
                        : " — nothing is dropped yet")
                + ".");
        order.add("Migrate code: change "
                + (first.isEmpty() ? "every reader and writer (no code roots showed which)" : String.join(", ", first))
                + " to stop using "
                + String.join(
                        ", ",
                        breaking.stream()
                                .map(i -> i.change().target())
                                .distinct()
                                .toList())
                + ", and deploy them.");
        boolean dbObjects = breaking.stream().anyMatch(i -> !i.database().isEmpty());
        if (dbObjects) {
            order.add("Rework the database objects listed (views, functions, foreign keys, triggers) that use them.");
        }
        order.add("Contract: only then run the dropping or renaming statements, as their own migration.");
        return order;
    }
}
