package dev.schemaguard.sandbox.dryrun;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.check.CheckReport;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox copy is the target: a dry run that changes nothing reports no difference between the copy and the
 * target — on the demo shop, a DVD rental store in pagila's shape, a schema of every kind of object, graphile-worker's
 * schema rebuilt from its whole migration history, and 10,000 tables. Where the copy cannot be faithful, the check
 * says its proofs cannot be trusted.
 */
@Tag("database")
class CloneFidelityTest {

    private static TargetDatabases targets;
    private static Sandboxes sandboxes;
    private static DryRun dryRun;

    @BeforeAll
    static void start() {
        targets = new TargetDatabases().demo().rentalStore().everyKind().withBaseType();
        sandboxes = Sandboxes.embedded();
        dryRun = new DryRun(targets.environments(), sandboxes);
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        targets.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "rental", "kinds"})
    void aDryRunThatChangesNothingFindsTheCopyTheSameAsTheTarget(String environment) {
        DryRunReport report = dryRun.run(environment, List.of(unit("SELECT 1;")));
        assertThat(report.cloneDifferences()).as(report.toText()).isEmpty();
        assertThat(report.verdict()).isEqualTo("ok");
        assertThat(report.schemaChanges().added()).isEmpty();
        assertThat(report.schemaChanges().removed()).isEmpty();
    }

    @Test
    void aSchemaRebuiltFromARealProjectsWholeMigrationHistoryIsCopiedFaithfully() {
        targets.graphileWorker();
        DryRun onWorker = new DryRun(targets.environments(), sandboxes);
        DryRunReport report = onWorker.run("worker", List.of(unit("SELECT 1;")));
        assertThat(report.cloneDifferences()).as(report.toText()).isEmpty();
        assertThat(report.verdict()).isEqualTo("ok");
    }

    @Test
    void tenThousandTablesAreCopiedFaithfully() {
        targets.wide(10_000);
        long started = System.nanoTime();
        DryRunReport report = new DryRun(targets.environments(), sandboxes).run("wide", List.of(unit("SELECT 1;")));
        System.out.printf(
                "10,000 tables: cold no-op dry run %d ms (export, template build, copy, compare)%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(report.cloneDifferences()).as("differences").isEmpty();
        assertThat(report.verdict()).isEqualTo("ok");
    }

    @Test
    void aMigrationThePostgresOfTheTargetRefusesIsRefusedOnTheCopy() {
        DryRunReport report = dryRun.run(
                "rental", List.of(unit("ALTER TABLE public.film ALTER COLUMN rental_rate TYPE numeric(6,2);")));
        assertThat(report.verdict()).isEqualTo("failed");
        assertThat(report.statements().get(0).error().message())
                .contains("cannot alter type of a column used by a view or rule");
    }

    @Test
    void aCopyThatDiffersFromItsTargetBlocksTheCheckAndSaysWhereFirst() {
        DryRunReport dry = dryRun.run("basetype", List.of(unit("SELECT 1;")));
        assertThat(dry.cloneDifferences())
                .anySatisfy(d -> assertThat(d).startsWith("not copied: type public.code_text"));
        assertThat(dry.toText()).startsWith("Dry run").contains("The copy differs from the target");
        CheckReport check = new CheckMigration(targets.environments(), LintSettings.defaults(), sandboxes)
                .check("basetype", List.of(unit("ALTER TABLE public.codes ADD COLUMN seen boolean;")));
        assertThat(check.verdict()).isEqualTo("blocked");
        assertThat(check.reasons().get(0))
                .startsWith("the sandbox copy differs from 'basetype'")
                .contains("prove nothing about it");
        assertThat(check.rollback().cloneDifferences()).isEqualTo(dry.cloneDifferences());
    }

    private static MigrationUnit unit(String sql) {
        return new MigrationUnit("migration.sql", 1, sql, true, "plain", "up");
    }
}
