package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.deps.ImpactOfMigration.StatementImpact;
import dev.schemaguard.tools.deps.code.CodeSite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order to deploy a change of a domain's rules in, expand → migrate → contract. A rule that tightens (a CHECK or
 * NOT NULL added, a default dropped): the writers first, so that none writes what the domain will refuse, then the rows
 * that break the rule found and fixed, then the statement. A rule that loosens (a constraint or NOT NULL dropped): the
 * readers first, so that none meets a value it assumed could not be stored, then the statement.
 */
final class DomainDeployOrder {

    private DomainDeployOrder() {}

    /** The steps for a migration whose one changing statement is an ALTER DOMAIN; empty otherwise. */
    static List<String> of(List<StatementImpact> impacts) {
        List<StatementImpact> domain = impacts.stream()
                .filter(i -> i.change().change() == ChangeKind.DOMAIN_CHANGED)
                .toList();
        boolean onlyDomain = impacts.stream()
                .allMatch(i -> i.change().change() == ChangeKind.DOMAIN_CHANGED
                        || i.change().severity().equals("changes") && i.code().isEmpty());
        if (domain.isEmpty()
                || !onlyDomain
                || domain.stream().map(i -> i.change().statement()).distinct().count() != 1) {
            return List.of();
        }
        SchemaChanges.TypeChange change = SchemaChanges.typeChanges(
                        domain.get(0).change().sql())
                .stream()
                .findFirst()
                .orElse(null);
        if (change == null || change.domain() == null) {
            return List.of();
        }
        DomainRule rule = change.domain();
        if (!rule.tightens() && !rule.loosens()) {
            return List.of();
        }
        List<String> columns = domain.stream()
                .map(i -> i.change().target())
                .filter(t -> t.split("\\.").length == 3)
                .distinct()
                .toList();
        String what = columns.isEmpty() ? "the columns of " + change.type() : String.join(", ", columns);
        Map<String, List<String>> sitesByService = new TreeMap<>();
        for (StatementImpact i : domain) {
            for (CodeSite site : i.code()) {
                if (site.access().contains(rule.tightens() ? "write" : "read")) {
                    sitesByService
                            .computeIfAbsent(site.service(), s -> new ArrayList<>())
                            .add(Path.of(site.file()).getFileName() + ":" + site.line());
                }
            }
        }
        List<String> order = new ArrayList<>();
        String teach = rule.tightens()
                ? rule.action().equals("drop-default")
                        ? "give " + what + " a value in every insert (the domain's default goes)"
                        : "write only values the domain will accept (" + rule.shown() + ") to " + what
                : "read " + what + " expecting what the domain no longer refuses ("
                        + (rule.action().equals("drop-not-null") ? "NULL" : "values outside " + rule.constraint())
                        + ")";
        if (sitesByService.isEmpty()) {
            order.add("Expand: make every " + (rule.tightens() ? "writer" : "reader") + " " + teach
                    + " — no code roots showed which; deploy them.");
        } else {
            sitesByService.forEach((service, sites) -> order.add("Expand " + service + ": make it " + teach + " at "
                    + String.join(", ", sites.stream().distinct().toList()) + "; deploy it."));
        }
        List<String> checks = new ArrayList<>();
        for (String column : columns) {
            String broken = rule.brokenBy(column.substring(column.lastIndexOf('.') + 1));
            if (broken != null) {
                checks.add("SELECT count(*) FROM " + column.substring(0, column.lastIndexOf('.')) + " WHERE " + broken
                        + ";");
            }
        }
        if (!checks.isEmpty()) {
            order.add("Migrate: find the rows that break the rule, and fix them (UPDATE … SET the column to a value it "
                    + "accepts WHERE the same condition) until each count is 0: " + String.join(" ", checks));
        }
        order.add("Then run: " + change.sql().strip().replaceAll(";\\s*$", "") + ";"
                + (rule.tightens() && !rule.notValid() && !rule.action().equals("drop-default")
                        ? " — PostgreSQL checks every column of the domain, and writes to their tables wait while it reads"
                                + " them."
                        : rule.notValid()
                                ? " — NOT VALID checks no existing row: VALIDATE CONSTRAINT it afterwards, once the "
                                        + "rows are fixed."
                                : ""));
        return order;
    }
}
