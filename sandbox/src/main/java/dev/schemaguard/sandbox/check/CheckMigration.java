package dev.schemaguard.sandbox.check;

import dev.schemaguard.sandbox.SandboxProvider;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.sandbox.rollback.RoundTripReport;
import dev.schemaguard.tools.Cancellation;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.deps.ImpactOfMigration;
import dev.schemaguard.tools.deps.MapDependencies;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.run.Linter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code check_migration} use case: lint against the environment's live schema, dry run on a copy, rollback
 * generated (or the shipped one checked) and verified — one report, one verdict, one id.
 */
public final class CheckMigration {

    /**
     * Rows per table copied (masked, foreign keys kept) for the dry run, so that what a statement does to rows — through
     * functions, rules, triggers — is seen, and data-dependent failures show. Small: the template keeps it between calls.
     */
    public static final int DRY_RUN_SAMPLE_ROWS = 20;

    private final Environments environments;
    private final Linter linter;
    private final DryRun dryRun;
    private final RoundTrip roundTrip;
    private final List<java.nio.file.Path> codeRoots;
    private final java.util.Map<String, java.nio.file.Path> codeServices;

    public CheckMigration(Environments environments, LintSettings lintSettings, SandboxProvider sandboxes) {
        this(environments, lintSettings, sandboxes, List.of());
    }

    public CheckMigration(
            Environments environments,
            LintSettings lintSettings,
            SandboxProvider sandboxes,
            List<java.nio.file.Path> codeRoots) {
        this(environments, lintSettings, sandboxes, codeRoots, java.util.Map.of());
    }

    /**
     * @param codeRoots    application code whose breakage the report includes (the config's code.roots); empty: none
     * @param codeServices explicit services in that code (code.services)
     */
    public CheckMigration(
            Environments environments,
            LintSettings lintSettings,
            SandboxProvider sandboxes,
            List<java.nio.file.Path> codeRoots,
            java.util.Map<String, java.nio.file.Path> codeServices) {
        this.codeServices = java.util.Map.copyOf(codeServices);
        this.environments = environments;
        this.codeRoots = List.copyOf(codeRoots);
        this.linter = new Linter(environments, lintSettings);
        this.dryRun = new DryRun(environments, sandboxes);
        this.roundTrip = new RoundTrip(environments, sandboxes);
    }

    public CheckReport check(String environment, List<MigrationUnit> units) {
        return check(environment, units, ProgressListener.NONE);
    }

    /** @param progress hears each of the five steps as it starts (a cold sandbox or a first code scan takes seconds) */
    public CheckReport check(String environment, List<MigrationUnit> units, ProgressListener progress) {
        int steps = 5;
        Cancellation.current().throwIfCancelled();
        progress.progress(0, steps, "linting against " + environment + "'s live schema");
        LintReport lint = linter.lint(units, environment);
        Cancellation.current().throwIfCancelled();
        progress.progress(1, steps, "reading " + environment + "'s schema for the sandbox");
        TargetSchema target = TargetSchema.read(environments, environment);
        List<MigrationUnit> up = units.stream()
                .filter(u -> !List.of("down", "undo", "rollback").contains(u.role()))
                .toList();
        Cancellation.current().throwIfCancelled();
        progress.progress(2, steps, "dry run on a sandbox copy");
        DryRunReport dry = dryRun.run(target, up, DRY_RUN_SAMPLE_ROWS, ProgressListener.NONE);
        Cancellation.current().throwIfCancelled();
        progress.progress(3, steps, "proving the rollback: up, down, compare, up again");
        RoundTripReport rollback = roundTrip.run(target, units);
        Cancellation.current().throwIfCancelled();
        progress.progress(
                4,
                steps,
                codeRoots.isEmpty()
                        ? "what the changes break in the database"
                        : "what the changes break in the database and the code");
        ImpactOfMigration.ImpactReport impact = new ImpactOfMigration(new MapDependencies(environments, codeServices))
                .impact(
                        environment,
                        String.join("\n", up.stream().map(MigrationUnit::sql).toList()),
                        codeRoots);
        ProvenOnDrift provenOn = ProvenOnDrift.of(
                environments,
                target,
                dry.schemaChanges().objects(),
                dry.schemaChanges().after());
        progress.progress(steps, steps, "checked");

        List<String> blocking = new ArrayList<>();
        List<String> review = new ArrayList<>();
        if (!dry.cloneDifferences().isEmpty()) {
            blocking.add(
                    "the sandbox copy differs from '" + environment + "' in "
                            + dry.cloneDifferences().size() + " place(s) ("
                            + dry.cloneDifferences().get(0)
                            + (dry.cloneDifferences().size() > 1 ? ", …" : "")
                            + "): the dry run and the rollback proof ran on a copy that is not the target, so they prove nothing about it");
        }
        long errors = lint.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .count();
        long warnings = lint.findings().stream()
                .filter(f -> f.severity() == Severity.WARNING)
                .count();
        if (errors > 0) {
            blocking.add(errors + " lint error(s): "
                    + String.join(
                            ", ",
                            lint.findings().stream()
                                    .filter(f -> f.severity() == Severity.ERROR)
                                    .map(f -> f.rule())
                                    .distinct()
                                    .toList()));
        }
        if (!dry.verdict().equals("ok")) {
            blocking.add("the dry run fails: "
                    + dry.statements().stream()
                            .filter(s -> s.error() != null)
                            .map(s -> s.file() + ":" + s.error().line() + " "
                                    + s.error().message())
                            .findFirst()
                            .orElse("see the dry run"));
        }

        switch (rollback.verdict()) {
            case "failed" ->
                blocking.add("the rollback does not restore the schema"
                        + (rollback.failure() == null ? "" : ": " + rollback.failure()));
            case "verified-with-data-loss" ->
                review.add("the migration destroys data the rollback cannot restore ("
                        + rollback.dataLoss().size() + " statement(s)): back it up first");
            default -> {}
        }
        if (warnings > 0) {
            review.add(warnings + " lint warning(s)");
        }
        List<ImpactOfMigration.StatementImpact> breaking = impact.statements().stream()
                .filter(i -> i.change().severity().equals("breaks")
                        && (!i.database().isEmpty() || !i.code().isEmpty()))
                .toList();
        if (!breaking.isEmpty()) {
            long sites = breaking.stream().mapToLong(i -> i.code().size()).sum();
            long objects = breaking.stream().mapToLong(i -> i.database().size()).sum();
            review.add(String.join(
                            ", ",
                            breaking.stream()
                                    .map(i -> i.change().change() + " "
                                            + i.change().target())
                                    .distinct()
                                    .toList())
                    + " break(s) " + objects + " database object(s)"
                    + (codeRoots.isEmpty() ? "" : " and " + sites + " code site(s)")
                    + ": deploy as expand → migrate code → contract (see impact)");
        }
        if (provenOn != null && !provenOn.differences().isEmpty()) {
            review.add("'" + environment + "' has drifted from '" + provenOn.provenOn()
                    + "', where the migration is proven, in "
                    + provenOn.differences().size() + " object(s) it touches ("
                    + String.join(
                            ", ",
                            provenOn.differences().stream()
                                    .map(d -> d.kind() + " " + d.object())
                                    .limit(3)
                                    .toList())
                    + (provenOn.differences().size() > 3 ? ", …" : "")
                    + "): the proof there does not carry over");
        }
        String verdict = !blocking.isEmpty() ? "blocked" : !review.isEmpty() ? "review" : "ready";
        List<String> reasons = new ArrayList<>(blocking);
        reasons.addAll(review);
        if (reasons.isEmpty()) {
            reasons.add("no lint errors or warnings, the dry run passes, and the rollback is verified");
        }
        return new CheckReport(
                reportId(target, units), environment, verdict, reasons, lint, dry, rollback, impact, provenOn);
    }

    /** The same migration against the same schema gives the same id; any change to either gives another. */
    private static String reportId(TargetSchema target, List<MigrationUnit> units) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(target.environment().getBytes(StandardCharsets.UTF_8));
            digest.update(target.schema().text().getBytes(StandardCharsets.UTF_8));
            for (MigrationUnit u : units) {
                digest.update((u.file() + "\n" + u.role() + "\n" + u.sql()).getBytes(StandardCharsets.UTF_8));
            }
            return "chk_" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
