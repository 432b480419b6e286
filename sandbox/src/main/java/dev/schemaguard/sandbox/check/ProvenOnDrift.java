package dev.schemaguard.sandbox.check;

import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.tools.drift.CompareSchemas;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.schema.ddl.SchemaScript;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the environment a migration was proven on (its {@code proven-on}, e.g. staging for production) still has
 * the objects the migration touches as this environment has them — before the migration (staging has not run it
 * yet) or after it, as the dry run left the copy (staging has). An object that matches neither has drifted: what the
 * migration did there proves nothing about it here.
 *
 * @param touched     the objects the migration touches (schema-qualified)
 * @param differences how those objects differ, as this environment has them before the migration against the other
 */
public record ProvenOnDrift(String provenOn, List<String> touched, List<CompareSchemas.Difference> differences) {

    /** Null when the environment has no proven-on configured. */
    static ProvenOnDrift of(Environments environments, TargetSchema target, List<String> touched, SchemaScript after) {
        String provenOn = environments.get(target.environment()).drift().provenOn();
        if (provenOn == null) {
            return null;
        }
        Set<String> objects = Set.copyOf(touched);
        SchemaScript proven = TargetSchema.read(environments, provenOn)
                .schema()
                .only(o -> objects.contains(CompareSchemas.relation(o)));
        List<CompareSchemas.Difference> before = CompareSchemas.compare(
                        provenOn,
                        proven,
                        target.environment(),
                        target.schema().only(o -> objects.contains(CompareSchemas.relation(o))),
                        false)
                .differences();
        if (after == null || before.isEmpty()) {
            return new ProvenOnDrift(provenOn, List.copyOf(touched), before);
        }
        Set<String> differAfter = new HashSet<>();
        CompareSchemas.compare(
                        provenOn,
                        proven,
                        target.environment(),
                        after.only(o -> objects.contains(CompareSchemas.relation(o))),
                        false)
                .differences()
                .forEach(d -> differAfter.add(d.kind() + " " + d.object()));
        return new ProvenOnDrift(
                provenOn,
                List.copyOf(touched),
                before.stream()
                        .filter(d -> differAfter.contains(d.kind() + " " + d.object()))
                        .toList());
    }

    public String toText(String environment) {
        if (differences.isEmpty()) {
            return "'" + environment + "' has the " + touched.size() + " object(s) the migration touches as '"
                    + provenOn + "' (where it is proven) has them.\n";
        }
        StringBuilder out = new StringBuilder("'" + environment + "' differs from '" + provenOn
                + "' (where the migration is proven) in " + differences.size()
                + " of the objects it touches — neither as before nor as after the migration:\n");
        differences.forEach(d -> d.appendTo(out, provenOn, environment));
        return out.toString();
    }
}
