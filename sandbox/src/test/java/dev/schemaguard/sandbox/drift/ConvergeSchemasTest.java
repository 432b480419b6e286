package dev.schemaguard.sandbox.drift;

import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.fixtures.TargetDatabases;
import dev.schemaguard.tools.drift.CompareSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift with the way back: staging and a prod that drifted (a column type, an extra column and index, a missing view);
 * the SQL that makes prod like staging is proven on a copy of prod — and prod itself is not touched (judged on prod).
 */
@Tag("database")
class ConvergeSchemasTest {

    static TargetDatabases targets;
    static Sandboxes sandboxes;

    @BeforeAll
    static void start() {
        targets = new TargetDatabases()
                .load(
                        "staging",
                        "CREATE TABLE public.t (id int PRIMARY KEY, note text); CREATE VIEW public.v AS SELECT id, note FROM public.t;")
                .load(
                        "prod",
                        "CREATE TABLE public.t (id int PRIMARY KEY, note varchar(20), legacy int); CREATE INDEX t_note ON public.t (note);"
                                + "INSERT INTO public.t VALUES (1, 'kept', 7);");
        sandboxes = Sandboxes.embedded();
    }

    @AfterAll
    static void stop() {
        sandboxes.close();
        targets.close();
    }

    @Test
    void theSqlThatMakesProdLikeStagingIsProvenOnACopyOfProdAndProdIsNotTouched() throws Exception {
        CompareSchemas.Comparison comparison =
                new ConvergeSchemas(targets.environments(), sandboxes).compare("staging", "prod", false);
        assertThat(comparison.differences())
                .extracting(CompareSchemas.Difference::object)
                .contains("public.v", "public.t_note", "public.t");
        assertThat(comparison.convergence()).isNotNull();
        assertThat(comparison.convergence().verdict()).as(comparison.toText()).isEqualTo("proven");
        assertThat(String.join("\n", comparison.convergence().statements()))
                .contains("DROP INDEX")
                .contains("legacy")
                .contains("CREATE VIEW");
        assertThat(comparison.convergence().irreversible())
                .as("dropping legacy loses its values")
                .isNotEmpty();
        assertThat(comparison.toText())
                .contains("SQL that makes 'prod' like 'staging' (proven on a sandbox copy of 'prod'");

        try (Connection c = targets.connect("prod");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT (SELECT count(*) FROM pg_indexes WHERE indexname = 't_note'), (SELECT legacy FROM public.t WHERE id = 1), "
                                + "(SELECT count(*) FROM pg_views WHERE viewname = 'v')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("prod's index").isEqualTo(1);
            assertThat(rs.getInt(2)).as("prod's legacy value").isEqualTo(7);
            assertThat(rs.getInt(3)).as("no view made on prod").isZero();
        }
    }

    @Test
    void limitedToSchemasItComparesAndConvergesOnlyThose() {
        TargetDatabases two = new TargetDatabases()
                .load(
                        "east",
                        "CREATE SCHEMA billing; CREATE TABLE billing.invoice (id int PRIMARY KEY); CREATE SCHEMA ops; CREATE TABLE ops.job (id int);")
                .load(
                        "west",
                        "CREATE SCHEMA billing; CREATE TABLE billing.invoice (id int PRIMARY KEY, paid boolean); CREATE SCHEMA ops; "
                                + "CREATE TABLE ops.job (id int, state text); CREATE TABLE ops.extra (id int);");
        try (two) {
            CompareSchemas.Comparison billing = new ConvergeSchemas(two.environments(), sandboxes)
                    .compare("east", "west", false, java.util.Set.of("billing"));
            assertThat(billing.differences())
                    .extracting(CompareSchemas.Difference::object)
                    .containsExactly("billing.invoice");
            assertThat(billing.convergence().verdict()).as(billing.toText()).isEqualTo("proven");
            assertThat(String.join("\n", billing.convergence().statements()))
                    .contains("paid")
                    .doesNotContain("ops.");
            CompareSchemas.Comparison all =
                    new ConvergeSchemas(two.environments(), sandboxes).compare("east", "west", false);
            assertThat(all.differences())
                    .extracting(CompareSchemas.Difference::object)
                    .contains("billing.invoice", "ops.job", "ops.extra");
        }
    }

    @Test
    void aMigrationDirectoryIsReplayedAndComparedWithAnEnvironment(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(
                dir.resolve("V1__t.sql"), "CREATE TABLE public.t (id int PRIMARY KEY, note text);");
        java.nio.file.Files.writeString(
                dir.resolve("V2__v.sql"), "CREATE VIEW public.v AS SELECT id, note FROM public.t;");
        CompareSchemas.Comparison same = new ConvergeSchemas(targets.environments(), sandboxes)
                .compare(dir.toString(), "staging", dev.schemaguard.tools.drift.ComparisonScope.ALL);
        assertThat(same.differences()).as(same.toText()).isEmpty();

        CompareSchemas.Comparison drifted = new ConvergeSchemas(targets.environments(), sandboxes)
                .compare(dir.toString(), "prod", dev.schemaguard.tools.drift.ComparisonScope.ALL);
        assertThat(drifted.differences())
                .extracting(CompareSchemas.Difference::object)
                .contains("public.v", "public.t_note", "public.t");
        assertThat(drifted.convergence().verdict()).as(drifted.toText()).isEqualTo("proven");

        java.nio.file.Path schemaFile = dir.resolveSibling(dir.getFileName() + "-schema.sql");
        java.nio.file.Files.writeString(
                schemaFile, "SET statement_timeout = 0;\nCREATE TABLE public.t (id int PRIMARY KEY, note text);\n");
        CompareSchemas.Comparison fromFile = new ConvergeSchemas(targets.environments(), sandboxes)
                .compare("staging", schemaFile.toString(), dev.schemaguard.tools.drift.ComparisonScope.ALL);
        assertThat(fromFile.differences())
                .as(fromFile.toText())
                .extracting(CompareSchemas.Difference::object)
                .containsExactly("public.v", "VIEW public.v"); // the view, and its owner
        assertThat(fromFile.convergence().verdict()).isEqualTo("proven");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConvergeSchemas(targets.environments(), sandboxes)
                        .compare("staging", "no-such-thing", dev.schemaguard.tools.drift.ComparisonScope.ALL))
                .hasMessageContaining("'no-such-thing' is neither an environment (known: staging, prod)");
    }

    /**
     * Neither side an environment: the migrations run as the database's owner would run them — found on crates.io's
     * Diesel tree, whose first migration creates functions in public, which PostgreSQL 15 and later let only the
     * owner do.
     */
    @Test
    void twoReplayedSidesRunAsTheDatabasesOwner(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path tree = java.nio.file.Files.createDirectories(dir.resolve("tree"));
        java.nio.file.Files.writeString(
                tree.resolve("V1__setup.sql"),
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
                        + "CREATE TABLE item (id int PRIMARY KEY, updated_at timestamptz);\n");
        java.nio.file.Path file = dir.resolve("schema.sql");
        java.nio.file.Files.writeString(
                file,
                "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n"
                        + "CREATE TABLE item (id int PRIMARY KEY);\n");
        CompareSchemas.Comparison comparison = new ConvergeSchemas(targets.environments(), sandboxes)
                .compare(tree.toString(), file.toString(), dev.schemaguard.tools.drift.ComparisonScope.ALL);
        assertThat(comparison.differences())
                .as(comparison.toText())
                .extracting(CompareSchemas.Difference::object)
                .containsExactly("public.item");
        assertThat(comparison.convergence().verdict()).isEqualTo("proven");
    }

    @Test
    void namesOfIndexesAndConstraintsCanBeIgnoredAndTablesAndKindsLimitTheComparison() {
        TargetDatabases two = new TargetDatabases()
                .load(
                        "a",
                        "CREATE TABLE public.t (id int CONSTRAINT t_pkey PRIMARY KEY, n int); CREATE INDEX t_n ON public.t (n); "
                                + "CREATE TABLE public.u (id int);")
                .load(
                        "b",
                        "CREATE TABLE public.t (id int CONSTRAINT t_id_pk PRIMARY KEY, n int); CREATE INDEX idx_t_n ON public.t (n); "
                                + "CREATE TABLE public.u (id int, extra int);");
        try (two) {
            ConvergeSchemas compare = new ConvergeSchemas(two.environments(), sandboxes);
            CompareSchemas.Comparison named =
                    compare.compare("a", "b", dev.schemaguard.tools.drift.ComparisonScope.ALL);
            assertThat(named.differences())
                    .extracting(CompareSchemas.Difference::object)
                    .contains("public.t_n", "public.idx_t_n", "public.t.t_pkey", "public.t.t_id_pk", "public.u");

            CompareSchemas.Comparison nameBlind = compare.compare(
                    "a",
                    "b",
                    dev.schemaguard.tools.drift.ComparisonScope.of(null, null, null, java.util.List.of("names")));
            assertThat(nameBlind.differences())
                    .as(nameBlind.toText())
                    .extracting(CompareSchemas.Difference::object)
                    .containsExactly("public.u");
            assertThat(nameBlind.convergence().verdict()).isEqualTo("proven");
            assertThat(String.join("\n", nameBlind.convergence().statements()))
                    .doesNotContain("idx_t_n")
                    .doesNotContain("t_id_pk");

            CompareSchemas.Comparison onlyT = compare.compare(
                    "a",
                    "b",
                    dev.schemaguard.tools.drift.ComparisonScope.of(
                            null, java.util.List.of("t"), java.util.List.of("index"), null));
            assertThat(onlyT.differences())
                    .extracting(CompareSchemas.Difference::object)
                    .containsExactlyInAnyOrder("public.t_n", "public.idx_t_n");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.schemaguard.tools.drift.ComparisonScope.of(
                            null, null, java.util.List.of("tables"), null))
                    .hasMessageContaining("unknown object kind 'tables'");
        }
    }

    /** pagila's shape (views over joins, a gist index, triggers, a domain, rows): the drift of a real app's schema. */
    @Test
    void onARentalStoresDriftTheSqlIsProvenToo() throws Exception {
        String drift = """
                ALTER TABLE public.film ADD COLUMN legacy_code text;
                DROP INDEX public.idx_title;
                CREATE INDEX idx_title_lower ON public.film (lower(title));
                ALTER TABLE public.customer ALTER COLUMN email TYPE varchar(200);
                COMMENT ON TABLE public.actor IS 'drifted';""";
        try (TargetDatabases rental = new TargetDatabases()
                .rentalStore()
                .load(
                        "rental_drifted",
                        TargetDatabases.resource("rental-store"),
                        TargetDatabases.resource("rental-store-data"),
                        drift)) {
            CompareSchemas.Comparison comparison =
                    new ConvergeSchemas(rental.environments(), sandboxes).compare("rental", "rental_drifted", false);
            assertThat(comparison.differences())
                    .extracting(CompareSchemas.Difference::object)
                    .contains("public.film", "public.idx_title", "public.idx_title_lower", "public.customer");
            assertThat(comparison.convergence().verdict())
                    .as(comparison.toText())
                    .isEqualTo("proven");
            assertThat(comparison.convergence().irreversible())
                    .anySatisfy(i -> assertThat(i).contains("legacy_code"));
            try (Connection c = rental.connect("rental_drifted");
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'idx_title_lower'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .as("the drifted environment itself is only read")
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void environmentsThatDoNotDifferNeedNoSql() {
        CompareSchemas.Comparison same =
                new ConvergeSchemas(targets.environments(), sandboxes).compare("staging", "staging", false);
        assertThat(same.differences()).isEmpty();
        assertThat(same.convergence()).isNull();
    }
}
