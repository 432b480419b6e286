package dev.schemaguard.sandbox.check;

import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.deps.ImpactOfMigration;
import dev.schemaguard.tools.lint.LintReport;

import java.util.List;
import java.util.Locale;

/**
 * Everything an agent shows before asking to apply a migration.
 *
 * @param reportId identifies this check of this exact migration against this environment's schema (a hash of the
 *                 three), for the apply step to cite
 * @param verdict  "ready" (no lint errors, the dry run passes, the rollback is verified), "review" (it would work, but
 *                 there are warnings or data loss to accept), or "blocked" (a lint error, a failing statement or a
 *                 rollback that does not restore the schema)
 * @param reasons  why, one line each
 * @param impact   what the migration breaks or changes in the database and, with code roots configured, in the code
 * @param provenOn how the environment it is proven on (proven-on) differs in the objects it touches; null: none configured
 */
public record CheckReport(
        String reportId,
        String environment,
        String verdict,
        List<String> reasons,
        LintReport lint,
        DryRunReport dryRun,
        RoundTripReport rollback,
        ImpactOfMigration.ImpactReport impact,
        ProvenOnDrift provenOn) {

    public CheckReport(
            String reportId,
            String environment,
            String verdict,
            List<String> reasons,
            LintReport lint,
            DryRunReport dryRun,
            RoundTripReport rollback,
            ImpactOfMigration.ImpactReport impact) {
        this(reportId, environment, verdict, reasons, lint, dryRun, rollback, impact, null);
    }

    public String toText() {
        StringBuilder out = new StringBuilder("Check of a migration for '" + environment + "': "
                + verdict.toUpperCase(Locale.ROOT) + " (report " + reportId + ")\n");
        reasons.forEach(r -> out.append("  - ").append(r).append('\n'));
        out.append("\n== lint\n").append(lint.toText());
        out.append("\n== dry run\n").append(dryRun.toText());
        out.append("\n== rollback\n").append(rollback.toText());
        if (impact != null && !impact.statements().isEmpty()) {
            out.append("\n== impact\n").append(impact.toText());
        }
        if (provenOn != null) {
            out.append("\n== drift from ")
                    .append(provenOn.provenOn())
                    .append('\n')
                    .append(provenOn.toText(environment));
        }
        return out.toString();
    }
}
