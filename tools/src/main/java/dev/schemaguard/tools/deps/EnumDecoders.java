package dev.schemaguard.tools.deps;

import dev.schemaguard.tools.deps.ImpactOfMigration.StatementImpact;
import dev.schemaguard.tools.deps.code.CodeIndex;
import dev.schemaguard.tools.deps.code.CodeSite;
import dev.schemaguard.tools.deps.code.EnumReader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An enum value added or renamed, against the code that decodes the type's columns: a Java enum that lacks the new
 * constant, read by Hibernate or a converter that throws, {@code breaks} on the first row that holds it; a converter
 * with a fallback, or a switch whose default does not throw, {@code changes} what the code does with it; a switch
 * whose default throws {@code breaks}. Each is reported at its file and line, with why.
 */
final class EnumDecoders {

    private EnumDecoders() {}

    static List<StatementImpact> impacts(
            SchemaChanges.TypeChange change, List<String> columns, CodeIndex index, List<String> typeValues) {
        boolean renamed = change.change() == ChangeKind.ENUM_VALUE_RENAMED;
        if (renamed && change.values().size() < 2) {
            return List.of();
        }
        String value = renamed ? change.values().get(1) : change.values().get(0);
        String old = renamed ? change.values().get(0) : null;
        List<StatementImpact> impacts = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split("\\.");
            if (parts.length != 3) {
                continue;
            }
            for (EnumReader r : index.enumReaders(parts[1], parts[2])) {
                if (renamed && r.ordinal()) {
                    continue; // read by position: a renamed value keeps its place
                }
                verdict(r, value, old)
                        .map(v -> change.placed() && r.ordinal() ? byPosition(v, r, value) : v)
                        .ifPresent(v -> impacts.add(impact(change, column, r, v)));
            }
        }
        // jOOQ's enum generated from the type, and the switches over it
        String bareType =
                change.type().substring(change.type().lastIndexOf('.') + 1).replace("\"", "");
        for (EnumReader r : index.jooqReaders(bareType)) {
            verdict(r, value, old).ifPresent(v -> impacts.add(impact(change, change.type(), r, v)));
        }
        // where the values cross a JSON boundary: message fields of an enum that mirrors the type
        for (EnumReader r : index.jsonEnumReaders(typeValues)) {
            verdict(r, value, old).ifPresent(v -> impacts.add(impact(change, change.type(), r, v)));
        }
        // switches over string labels that are this type's values: readers of it, wherever the strings come from
        Set<String> known = new LinkedHashSet<>(typeValues);
        for (EnumReader r : index.stringSwitches()) {
            if (!known.isEmpty() && known.containsAll(r.known())) {
                verdict(r, value, old).ifPresent(v -> impacts.add(impact(change, change.type(), r, v)));
            }
        }
        return impacts;
    }

    private record Verdict(String severity, String why, String confidence) {}

    private static java.util.Optional<Verdict> verdict(EnumReader r, String value, String old) {
        if (r.known().contains(value) && (old == null || !r.known().contains(old))) {
            return java.util.Optional.empty(); // it knows the new value already, and not the old one
        }
        String quoted = "'" + value + "'";
        boolean switchOver = r.kind().overSwitch();
        if (!r.known().contains(value) && r.whenUnknown() == EnumReader.WhenUnknown.AS_NULL) {
            return java.util.Optional.of(new Verdict(
                    "changes",
                    r.how() + " has no constant for " + quoted + ": jOOQ reads " + quoted
                            + " as null (no literal matches), so code that reads the column gets null",
                    "high"));
        }
        if (!r.known().contains(value) && r.whenUnknown() == EnumReader.WhenUnknown.NULL_SWITCH) {
            return java.util.Optional.of(new Verdict(
                    "breaks",
                    r.how() + ": jOOQ reads " + quoted + " as null, and a switch on null throws "
                            + "NullPointerException whatever its cases and default",
                    "medium"));
        }
        if (!r.known().contains(value)) {
            String lacks = switchOver
                    ? r.how() + " has no case " + quoted
                    : r.kind() == EnumReader.Kind.CONVERTER
                            ? r.how() + " (" + r.declaredAt() + "): " + r.javaEnum() + " has no constant " + value
                            : r.how() + ": " + r.javaEnum() + " (" + r.declaredAt() + ") has no constant " + value;
            return java.util.Optional.of(
                    switch (r.whenUnknown()) {
                        case THROWS ->
                            new Verdict(
                                    "breaks",
                                    lacks
                                            + (switchOver
                                                    ? ", and its default throws"
                                                    : r.kind() == EnumReader.Kind.CONVERTER
                                                            ? ", and the converter throws on a value it does not know"
                                                            : r.kind() == EnumReader.Kind.JSON_ENUM
                                                                    ? ": deserializing a message that holds " + quoted
                                                                            + " fails (InvalidFormatException)"
                                                                    : ": reading a row that holds " + quoted
                                                                            + " throws (Enum.valueOf, or no constant at that position)"),
                                    switchOver || r.kind() == EnumReader.Kind.JSON_ENUM ? "medium" : "high");
                        case FALLBACK ->
                            new Verdict(
                                    "changes",
                                    lacks
                                            + (r.kind() == EnumReader.Kind.JSON_ENUM
                                                    ? ": it is read as its fallback"
                                                    : ": the converter reads " + quoted + " as its fallback value"),
                                    "high");
                        case SKIPPED ->
                            new Verdict("changes", lacks + " and no default: " + quoted + " is passed over", "medium");
                        default -> new Verdict("changes", lacks + ": " + quoted + " goes to its default", "medium");
                    });
        }
        return java.util.Optional.of(new Verdict(
                "changes",
                r.how() + " still knows '" + old + "', which no row holds after the " + "rename: writing it fails",
                switchOver ? "medium" : "high"));
    }

    /**
     * A value placed BEFORE or AFTER another, read by an enum mapped by position: mirroring the type's order in the
     * Java enum moves every later constant to another ordinal, and the rows already stored are read as other values.
     */
    private static Verdict byPosition(Verdict v, EnumReader r, String value) {
        return new Verdict(
                "breaks",
                v.why() + "; and it is mapped by position: add " + value + " last in " + r.javaEnum()
                        + ", not where the type places it — a constant inserted before others gives every later one "
                        + "another ordinal, and the rows already stored are read as other values",
                v.confidence());
    }

    private static StatementImpact impact(SchemaChanges.TypeChange change, String target, EnumReader r, Verdict v) {
        SchemaChange decoded = new SchemaChange(
                change.statement(), change.line(), change.sql(), change.change(), v.severity(), target, v.why());
        CodeSite site = new CodeSite(
                r.service(),
                r.file(),
                r.line(),
                r.kind().siteKind(),
                "read",
                // outside Java the switch is read from its text, its selector's type unknown
                r.file().endsWith(".java") ? v.confidence() : "low",
                r.table() == null ? target : r.table(),
                r.column(),
                v.why());
        return new StatementImpact(decoded, List.of(), List.of(site));
    }

    /**
     * For an enum value that breaks readers: each service's readers first (they must know the value before any row
     * holds it), then the value; for a rename, the new value added beside the old, rows moved, and the old one removed
     * last — as steps per service and as the SQL of each step.
     */
    static List<String> deployOrder(List<StatementImpact> breaking) {
        List<StatementImpact> enumBreaks = breaking.stream()
                .filter(i -> i.change().change().enumValue() && !i.code().isEmpty())
                .toList();
        if (enumBreaks.isEmpty()
                || enumBreaks.size()
                        != breaking.stream().filter(i -> !i.code().isEmpty()).count()) {
            return List.of();
        }
        SchemaChanges.TypeChange change = SchemaChanges.typeChanges(
                        enumBreaks.get(0).change().sql())
                .stream()
                .findFirst()
                .orElse(null);
        if (change == null || change.values().isEmpty()) {
            return List.of();
        }
        boolean rename = change.change() == ChangeKind.ENUM_VALUE_RENAMED
                && change.values().size() == 2;
        String value = rename ? change.values().get(1) : change.values().get(0);
        java.util.Map<String, List<String>> sitesByService = new java.util.TreeMap<>();
        for (StatementImpact i : enumBreaks) {
            for (CodeSite site : i.code()) {
                sitesByService
                        .computeIfAbsent(site.service(), s -> new ArrayList<>())
                        .add(java.nio.file.Path.of(site.file()).getFileName() + ":" + site.line());
            }
        }
        List<String> order = new ArrayList<>();
        sitesByService.forEach(
                (service, sites) -> order.add("Expand " + service + ": teach its readers the value '" + value
                        + "' (a constant in the enum, a case in the switch, a converter that tolerates it) at "
                        + String.join(", ", sites.stream().distinct().toList()) + "; deploy it."));
        String literal = "'" + value.replace("'", "''") + "'";
        order.add("Then run: ALTER TYPE " + change.type() + " ADD VALUE " + literal
                + (rename ? " AFTER '" + change.values().get(0).replace("'", "''") + "'" : "")
                + "; — no reader meets a value it does not know.");
        if (rename) {
            String old = "'" + change.values().get(0).replace("'", "''") + "'";
            List<String> columns = breaking.stream()
                    .map(i -> i.change().target())
                    .filter(t -> t.split("\\.").length == 3)
                    .distinct()
                    .toList();
            order.add("Migrate: deploy code that writes " + literal + " instead of " + old + ", then move the rows: "
                    + String.join(
                            " ",
                            columns.stream()
                                    .map(c -> {
                                        int dot = c.lastIndexOf('.');
                                        return "UPDATE " + c.substring(0, dot) + " SET " + c.substring(dot + 1) + " = "
                                                + literal + " WHERE " + c.substring(dot + 1) + " = " + old + ";";
                                    })
                                    .toList()));
            order.add(
                    "Contract: only then remove " + old
                            + " as its own migration (PostgreSQL drops no enum value: make the type "
                            + "again without it, ALTER COLUMN … TYPE the new type USING column::text::the new type, drop the old type).");
        }
        return order;
    }
}
