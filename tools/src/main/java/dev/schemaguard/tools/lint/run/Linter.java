package dev.schemaguard.tools.lint.run;

import dev.schemaguard.tools.InputException;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.LintMigration;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintRequest;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationSources;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.rules.LintRules;

import java.util.List;

/**
 * The {@code lint_migration} use case: settings from the {@code lint} section overridden by the request, the
 * migration read in its tool's layout, and with an environment, its live schema read for the length of the lint.
 */
public final class Linter {

    private final Environments environments;
    private final LintSettings defaults;

    public Linter(Environments environments, LintSettings defaults) {
        this.environments = environments;
        this.defaults = defaults;
    }

    public LintReport lint(LintRequest request) {
        LintSettings settings = defaults;
        if (request.targetVersion() != null) {
            if (request.targetVersion() < 9 || request.targetVersion() > 99) {
                throw new InputException("target_version must be a PostgreSQL major version such as 16, was "
                        + request.targetVersion() + ".");
            }
            settings = settings.withTargetVersion(request.targetVersion());
        }
        if (request.assumeInTransaction() != null) {
            settings = settings.withAssumeInTransaction(request.assumeInTransaction());
        }
        if (request.baseline() != null) {
            settings = settings.withBaseline(request.baseline().isEmpty() ? null : request.baseline());
        }
        List<String> skipped = new java.util.ArrayList<>();
        List<MigrationUnit> units =
                MigrationSources.of(request.sql(), request.paths(), settings.assumeInTransaction(), skipped::add);
        LintReport report = lint(units, request.environment(), settings);
        if (skipped.isEmpty()) {
            return report;
        }
        String notLinted = "Not linted: " + String.join("; ", skipped) + ".";
        return new LintReport(
                report.findings(),
                report.summary(),
                report.note() == null ? notLinted : report.note() + " " + notLinted);
    }

    /** Units already read, with the configured settings; {@code environment} null: the SQL alone. */
    public LintReport lint(List<MigrationUnit> units, String environment) {
        return lint(units, environment, defaults);
    }

    private LintReport lint(List<MigrationUnit> units, String environment, LintSettings settings) {
        if (environment == null) {
            return new LintMigration(LintRules.all(), settings, null).lint(units);
        }
        try (LiveSchema schema = LiveSchema.open(environments, environment)) {
            return new LintMigration(LintRules.all(), settings, schema).lint(units);
        }
    }
}
