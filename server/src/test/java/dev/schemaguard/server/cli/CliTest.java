package dev.schemaguard.server.cli;

import dev.schemaguard.examples.DemoDatabase;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI as a person or CI uses it: results on stdout, one clear line on stderr, documented exit codes. */
@Tag("database")
class CliTest {

    private static Path config;

    @TempDir
    static Path dir;

    @BeforeAll
    static void configureAnEnvironment() throws IOException {
        TestDatabase db = TestPostgres.createDatabase("cli");
        db.execute(DemoDatabase.schemaSql());
        config = Files.writeString(dir.resolve("schemaguard.yaml"), """
                environments:
                  shop:
                    url: %s
                    user: postgres
                    protection: staging
                """.formatted(db.url()));
    }

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void diffSaysHowTheSecondEnvironmentDiffersFromTheFirstAndExitsOneWhenItDoes() throws Exception {
        dev.schemaguard.tools.testing.TestDatabase a =
                dev.schemaguard.tools.testing.TestPostgres.createDatabase("cli_diff_a");
        dev.schemaguard.tools.testing.TestDatabase b =
                dev.schemaguard.tools.testing.TestPostgres.createDatabase("cli_diff_b");
        a.execute("CREATE TABLE t (id int PRIMARY KEY, note text);");
        b.execute("CREATE TABLE t (id int PRIMARY KEY, note varchar(20)); CREATE INDEX t_note ON t (note);");
        Path twoEnvironments = Files.writeString(dir.resolve("two.yaml"), """
                environments:
                  staging: {url: %s, user: postgres, protection: staging}
                  prod: {url: %s, user: postgres, protection: production}
                """.formatted(a.url(), b.url()));
        CliRun differs = run("diff", "--env", "staging", "prod", "--config", twoEnvironments.toString());
        assertThat(differs.exitCode()).as(differs.err()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(differs.out())
                .contains("'prod' differs from 'staging' in 2 object(s)")
                .contains("only in 'prod': index")
                .contains("prod: note character varying(20)")
                .contains("staging: note text")
                .contains("SQL that makes 'prod' like 'staging' (proven on a sandbox copy of 'prod'")
                .contains("DROP INDEX");
        try (java.sql.Connection c = b.connect();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 't_note'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("prod itself is only read").isEqualTo(1);
        }
        CliRun same = run("diff", "--env", "staging", "staging", "--config", twoEnvironments.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("'staging' has the schema of 'staging'");
    }

    @Test
    void historySaysWhatIsAppliedPendingAndWhetherTheSchemaIsWhatTheMigrationsMake() throws Exception {
        TestDatabase db = TestPostgres.createDatabase("cli_history");
        Path tree = Files.createDirectories(dir.resolve("history-migrations"));
        Files.writeString(
                tree.resolve("20240101120000_create_note.sql"), "-- migrate:up\nCREATE TABLE note (id int);\n");
        Files.writeString(
                tree.resolve("20240201120000_add_body.sql"), "-- migrate:up\nALTER TABLE note ADD COLUMN body text;\n");
        // dbmate's own table and rows, with one hand-made change dbmate knows nothing of
        db.execute(
                "CREATE TABLE IF NOT EXISTS public.schema_migrations (version character varying(128) NOT NULL PRIMARY KEY); "
                        + "CREATE TABLE note (id int); INSERT INTO public.schema_migrations (version) VALUES ('20240101120000'); "
                        + "CREATE INDEX note_by_hand ON note (id);");
        Path withMigrations = Files.writeString(dir.resolve("history.yaml"), """
                environments:
                  prod: {url: %s, user: postgres, protection: production, migrations: history-migrations}
                """.formatted(db.url()));

        CliRun history = run("history", "--env", "prod", "--config", withMigrations.toString());
        assertThat(history.exitCode()).as(history.err()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(history.out())
                .contains(
                        "dbmate migrations against 'prod' (history in public.schema_migrations): 1 applied, 1 pending")
                .contains("applied                20240101120000")
                .contains("pending                20240201120000")
                .contains("replayed on a sandbox: differs")
                .contains("+ only in 'prod': index public.note_by_hand");

        CliRun json = run(
                "history", "--env", "prod", "--no-replay", "--format", "json", "--config", withMigrations.toString());
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertThat(report.get("counts").get("pending").asInt()).isEqualTo(1);
        assertThat(report.get("replay")).as("not replayed: not in the answer").isNull();

        CliRun diff = run("diff", tree.toString(), "prod", "--config", withMigrations.toString());
        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(diff.out())
                .contains("only in 'prod': table public.schema_migrations")
                .contains("~ different: table public.note")
                .contains("only in 'prod': index public.note_by_hand")
                .doesNotContain("~ different: table public.schema_migrations");

        CliRun noSide = run("diff", "prod", "--config", withMigrations.toString());
        assertThat(noSide.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(noSide.err()).contains("give two sides to compare");
    }

    @Test
    void aWrongPasswordOrAMissingSecretIsAConfigurationProblemExitTwo() throws Exception {
        try (dev.schemaguard.sandbox.EmbeddedPostgresServer server =
                dev.schemaguard.sandbox.EmbeddedPostgresServer.start()) {
            Path secret = Files.writeString(dir.resolve("wrong-secret"), "not-the-password");
            Path wrong = Files.writeString(
                    dir.resolve("wrong-password.yaml"), """
                    environments:
                      shop:
                        url: %s
                        user: postgres
                        password-file: %s
                        protection: development
                    """.formatted(server.jdbcUrl("postgres"), secret));
            CliRun refused = run("inspect", "--env", "shop", "--config", wrong.toString());
            assertThat(refused.exitCode()).as(refused.err()).isEqualTo(SchemaguardMain.BAD_INPUT);
            assertThat(refused.err()).contains("password authentication failed").contains("environments.shop");
            Path unset = Files.writeString(dir.resolve("unset-secret.yaml"), """
                    environments:
                      shop:
                        url: %s
                        user: postgres
                        password: ${SCHEMAGUARD_TEST_SURELY_UNSET}
                        protection: development
                    """.formatted(server.jdbcUrl("postgres")));
            CliRun missing = run("inspect", "--env", "shop", "--config", unset.toString());
            assertThat(missing.exitCode()).as(missing.err()).isEqualTo(SchemaguardMain.BAD_INPUT);
            assertThat(missing.err()).contains("SCHEMAGUARD_TEST_SURELY_UNSET is not set");
        }
        CliRun noPolicy = run("policy", "check", dir.resolve("org.yaml").toString());
        assertThat(noPolicy.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(noPolicy.err()).as(noPolicy.err()).doesNotContain("cannot be read: " + dir.resolve("org.yaml"));
    }

    @Test
    void aOneShotCommandBuildsOnlyItsOwnSubcommandAndEverythingElseTheWholeTree() {
        assertThat(SchemaguardMain.commandLine("lint").getSubcommands().keySet())
                .containsExactly("lint");
        assertThat(SchemaguardMain.commandLine("--help").getSubcommands().keySet())
                .hasSize(SchemaguardMain.SUBCOMMANDS.size())
                .contains("serve", "lint", "apply", "help");
        assertThat(SchemaguardMain.commandLine("no-such-command").getSubcommands())
                .hasSize(SchemaguardMain.SUBCOMMANDS.size());
    }

    @Test
    void inspectPrintsASummaryAsText() {
        CliRun run = run("inspect", "--config", config.toString(), "--env", "shop");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Environment shop")
                .contains("Matching objects:")
                .contains("24 tables");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void depsSaysWhatBreaksIfAColumnGoes() {
        CliRun text = run("deps", "shop.customers.email", "--env", "shop", "--config", config.toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out())
                .contains("Dependencies of shop.customers.email")
                .contains("VIEW shop.order_summaries")
                .contains("Not looked at:");
        assertThat(run("deps", "shop.customers", "--env", "shop", "--format", "mermaid", "--config", config.toString())
                        .out())
                .startsWith("graph LR")
                .contains("foreign-key: shop.orders");
        CliRun code = run("deps", "--code", "../examples/services", "shop.customers.email");
        assertThat(code.exitCode())
                .as("the target after --code, as the README writes it: " + code.err())
                .isZero();
        assertThat(code.out()).contains("0 in the database, 6 in code").contains("service notifications:");
        assertThat(run("deps", "shop.customers", "--env", "shop", "--format", "dot", "--config", config.toString())
                        .out())
                .startsWith("digraph dependencies {")
                .contains("\"shop.customers\" -> \"foreign-key: shop.orders\"");
    }

    @Test
    void impactNamesWhatBreaksAndExitsOneWhenSomethingDoes() throws IOException {
        Path migration =
                Files.writeString(dir.resolve("impact.sql"), "ALTER TABLE shop.customers DROP COLUMN email;\n");
        CliRun r = run(
                "impact",
                migration.toString(),
                "--env",
                "shop",
                "--code",
                "../examples/services",
                "--config",
                config.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(r.out())
                .contains("BREAKS  line 1: dropped-column shop.customers.email")
                .contains("db    view shop.order_summaries")
                .contains("Deploy order:")
                .contains("Contract");
        Path additive = Files.writeString(
                dir.resolve("additive.sql"), "ALTER TABLE shop.customers ADD COLUMN nickname text;\n");
        assertThat(run("impact", additive.toString(), "--env", "shop", "--config", config.toString())
                        .exitCode())
                .isZero();
    }

    @Test
    void inspectOneTableAsJson() {
        CliRun run = run(
                "inspect",
                "--config",
                config.toString(),
                "--env",
                "shop",
                "--table",
                "shop.orders",
                "--format",
                "json");
        assertThat(run.exitCode()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        assertThat(json.at("/tables/0/name").asText()).isEqualTo("orders");
        assertThat(json.at("/references/referencedBy").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void kindsFilterAcceptsACommaSeparatedList() {
        CliRun run = run(
                "inspect",
                "--config",
                config.toString(),
                "--env",
                "shop",
                "--kinds",
                "view,materialized_view",
                "--format",
                "json");
        assertThat(run.exitCode()).isZero();
        JsonNode totals = JsonMapper.builder().build().readTree(run.out()).get("totals");
        assertThat(totals.get("view").asInt()).isEqualTo(2);
        assertThat(totals.has("table")).isFalse();
    }

    @Test
    void unknownTableExitsWithOneAndAnActionableMessage() {
        CliRun run = run("inspect", "--config", config.toString(), "--env", "shop", "--table", "shop.ordres");
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(run.err())
                .contains("Table shop.ordres not found")
                .contains("shop.orders")
                .doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badConfigurationExitsWithTwoNamingFileLineAndKey() throws IOException {
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"),
                "environments:\n  prod:\n    url: jdbc:postgresql://x/y\n    protection: prod\n");
        CliRun run = run("environments", "--config", bad.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(run.err()).contains(bad + ":4: 'environments.prod.protection'");
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun run = run("inspect", "--config", config.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(run.err()).contains("Missing required option: '--env=NAME'");
    }

    @Test
    void environmentsListsNamesAndProtectionWithoutSecrets() {
        CliRun run = run("environments", "--config", config.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("shop").contains("staging").contains("jdbc:postgresql://");
    }

    @Test
    void refusesToServeOnANonLoopbackAddressWithoutAuthentication() {
        CliRun run = run("serve", "--config", config.toString(), "--http", "--host", "0.0.0.0");
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(run.err()).contains("Refusing to bind to 0.0.0.0").contains("127.0.0.1");
    }

    @Test
    void refusesToServeWhileASecretIsMissing() throws IOException {
        Path withSecret = Files.writeString(dir.resolve("secret.yaml"), """
                environments:
                  prod:
                    url: jdbc:postgresql://db/shop
                    password: ${SCHEMAGUARD_TEST_SURELY_UNSET}
                    protection: production
                """);
        CliRun run = run("serve", "--config", withSecret.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(run.err()).contains("Not starting").contains("SCHEMAGUARD_TEST_SURELY_UNSET");
    }

    @Test
    void lintPrintsFindingsWithFixesAndExitsOneOnErrors() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(
                migrations.resolve("V1__init.sql"), "CREATE TABLE t (id int);\nCREATE INDEX t_id ON t (id);\n");
        Files.writeString(
                migrations.resolve("V2__orders.sql"), "ALTER TABLE t ADD COLUMN c text NOT NULL;\nDROP INDEX t_id;\n");
        CliRun run = run("lint", migrations.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(run.out())
                .contains("V2__orders.sql:2:1: warning [require-concurrent-index-deletion]")
                .contains("DROP INDEX CONCURRENTLY t_id")
                .doesNotContain("V1__init.sql:2");
        CliRun json = run(
                "lint",
                "--format",
                "json",
                "--fail-on",
                "warning",
                migrations.resolve("V2__orders.sql").toString());
        assertThat(json.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        JsonNode report = JsonMapper.builder().build().readTree(json.out());
        assertThat(report.at("/summary/warning").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/error").asInt()).isEqualTo(1);
        assertThat(report.get("findings").findValuesAsString("rule"))
                .containsExactly("adding-required-field", "require-lock-timeout", "require-concurrent-index-deletion");
    }

    @Test
    void lintTakesLiquibaseParametersAsLiquibasesOwnCommandLineDoes() throws IOException {
        Path changelog = Files.writeString(dir.resolve("changelog.xml"), """
                <databaseChangeLog>
                  <changeSet id="1" author="a">
                    <sql>ALTER TABLE ${schema}.orders ADD COLUMN note2 text NOT NULL;</sql>
                  </changeSet>
                </databaseChangeLog>
                """);
        CliRun run = run("lint", "-Dschema=billing", "--format", "json", changelog.toString());
        assertThat(run.out()).as(run.err()).contains("billing.orders").doesNotContain("${schema}");
    }

    @Test
    void lintOfASafeMigrationExitsZeroAndOfANonMigrationTwo() throws IOException {
        Path safe = Files.writeString(dir.resolve("003_safe_index.sql"), "CREATE INDEX CONCURRENTLY i ON t (id);\n");
        assertThat(run("lint", "--no-transaction", safe.toString()).exitCode()).isZero();
        Path alone = Files.writeString(dir.resolve("V3__index.sql"), "CREATE INDEX CONCURRENTLY i ON t (id);\n");
        assertThat(run("lint", alone.toString()).out())
                .as("Flyway runs a migration of only non-transactional statements outside a transaction")
                .doesNotContain("[ban-concurrent-index-creation-in-transaction]");
        Path mixed = Files.writeString(
                dir.resolve("V4__table_and_index.sql"),
                "CREATE TABLE u (id int);\nCREATE INDEX CONCURRENTLY j ON u (id);\n");
        assertThat(run("lint", "--no-transaction", mixed.toString()).out())
                .as("Flyway runs a mixed V4__ in a transaction, whatever the flag says")
                .contains("[ban-concurrent-index-creation-in-transaction]");
        CliRun notSql = run("lint", config.toString());
        assertThat(notSql.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(notSql.err()).contains("not a Liquibase changelog");
        CliRun notes =
                run("lint", Files.writeString(dir.resolve("notes.txt"), "hello").toString());
        assertThat(notes.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(notes.err()).contains("Not a migration file");
    }

    @Test
    void lintJsonIsTheSameDocumentAsTheToolsStructuredContent() throws IOException {
        Path migration = Files.writeString(
                dir.resolve("V8__json.sql"),
                "ALTER TABLE shop.orders ADD COLUMN c text NOT NULL;\nCOMMENT ON TABLE t IS 'quote \" backslash \\\\ tab \t\u0001';\nDROP TABLE \"we\"\"ird\";\n"
                        + "DROP TABLE \"größe €\";\nDROP TABLE \"line\u2028sep \uD83D\uDE00\";\n");
        CliRun run = run("lint", "--format", "json", "--fail-on", "info", migration.toString());
        JsonNode written = JsonMapper.builder().build().readTree(run.out());
        var report = new dev.schemaguard.tools.lint.run.Linter(
                        new dev.schemaguard.tools.env.JdbcEnvironments(java.util.List.of()),
                        dev.schemaguard.tools.lint.LintSettings.defaults())
                .lint(new dev.schemaguard.tools.lint.LintRequest(
                        null, java.util.List.of(migration.toString()), null, null, null, null));
        JsonNode jackson = JsonMapper.builder().build().readTree(dev.schemaguard.server.json.Json.pretty(report));
        assertThat(written.get("findings")).isNotEmpty();
        assertThat(written).isEqualTo(jackson);
        assertThat(run.out())
                .as("non-ASCII text written as UTF-8, JavaScript's line separator escaped")
                .contains("größe €")
                .contains("\uD83D\uDE00")
                .contains("line\\u2028sep");
    }

    @Test
    void lintAsSarifValidatesAgainstTheSarif210Schema() throws IOException {
        Path migration = Files.writeString(
                dir.resolve("V4__sarif.sql"), "-- note\nALTER TABLE shop.orders ADD COLUMN c text NOT NULL;\n");
        CliRun run = run("lint", "--format", "sarif", migration.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        JsonNode sarif = JsonMapper.builder().build().readTree(run.out());
        com.networknt.schema.Schema schema;
        try (var in = getClass().getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = com.networknt.schema.SchemaRegistry.withDefaultDialect(
                            com.networknt.schema.SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
        assertThat(schema.validate(sarif)).as("SARIF 2.1.0 schema violations").isEmpty();
        JsonNode result = sarif.at("/runs/0/results/0");
        assertThat(result.get("ruleId").asString()).isEqualTo("adding-required-field");
        assertThat(result.get("level").asString()).isEqualTo("error");
        assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt())
                .isEqualTo(2);
        String ruleId = sarif.at(
                        "/runs/0/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id")
                .asString();
        assertThat(ruleId).isEqualTo("adding-required-field");
    }

    @Test
    void lintForGithubPrintsOneEscapedAnnotationPerFinding() throws IOException {
        Path migration = Files.writeString(dir.resolve("V5__gh.sql"), "DROP TABLE shop.carts;\n");
        CliRun run = run("lint", "--format", "github", "--fail-on", "info", migration.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(run.out().lines())
                .hasSize(2)
                .allMatch(l -> l.startsWith("::"))
                .anySatisfy(l -> assertThat(l)
                        .startsWith("::error file=" + migration + ",line=1,col=1,title=schemaguard ban-drop-table::")
                        .contains("%0AFix:%0A"));
    }

    @Test
    void aWrittenBaselineSilencesTodaysFindingsButNotNewOnes() throws IOException {
        Path old = Files.writeString(dir.resolve("V6__old.sql"), "DROP TABLE shop.carts;\n");
        Path baseline = dir.resolve("baseline.json");
        assertThat(run("lint", "--write-baseline", baseline.toString(), old.toString())
                        .exitCode())
                .isZero();
        assertThat(run("lint", "--baseline", baseline.toString(), old.toString())
                        .exitCode())
                .isZero();
        Files.writeString(old, "DROP TABLE shop.carts;\nDROP TABLE shop.tags;\n");
        CliRun run = run("lint", "--baseline", baseline.toString(), old.toString());
        assertThat(run.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(run.out()).contains("V6__old.sql:2:1").doesNotContain("V6__old.sql:1:1");
    }

    @Test
    void theLintSectionOfTheConfigChangesSeverities() throws IOException {
        Path lintConfig = Files.writeString(
                dir.resolve("lint.yaml"),
                "lint:\n  rules:\n    ban-drop-table: warning\n    require-lock-timeout: off\n");
        Path migration = Files.writeString(dir.resolve("V7__cfg.sql"), "DROP TABLE shop.carts;\n");
        CliRun run = run("lint", "--config", lintConfig.toString(), migration.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("warning [ban-drop-table]").doesNotContain("require-lock-timeout");
        CliRun bad = run("lint", "--fail-on", "fatal", migration.toString());
        assertThat(bad.exitCode()).isEqualTo(SchemaguardMain.BAD_INPUT);
        assertThat(bad.err()).contains("expected error, warning or info, was 'fatal'");
    }

    @Test
    void dryRunAndRollbackRunOnACopyOfTheEnvironment() throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("flyway"));
        Files.writeString(
                migrations.resolve("V1__channel.sql"),
                "ALTER TABLE shop.orders ADD COLUMN channel text;\nDROP TABLE shop.cart_items;\n");
        CliRun dryRun = run("dry-run", "--config", config.toString(), "--env", "shop", migrations.toString());
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains(": OK in")
                .contains("V1__channel.sql:1: ok")
                .contains("lock ACCESS EXCLUSIVE on shop.orders");
        Path down = dir.resolve("down.sql");
        CliRun rollback = run(
                "rollback",
                "--config",
                config.toString(),
                "--env",
                "shop",
                "--out",
                down.toString(),
                migrations.toString());
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out())
                .contains("VERIFIED-WITH-DATA-LOSS")
                .contains("DROP TABLE shop.cart_items deletes its rows");
        assertThat(Files.readString(down))
                .contains("ALTER TABLE shop.orders DROP COLUMN channel;")
                .contains("CREATE TABLE shop.cart_items");
        Files.writeString(migrations.resolve("V2__broken.sql"), "ALTER TABLE shop.orders ADD COLUMN x no_such_type;\n");
        CliRun failing = run(
                "dry-run", "--config", config.toString(), "--env", "shop", "--format", "json", migrations.toString());
        assertThat(failing.exitCode()).isEqualTo(SchemaguardMain.TOOL_FAILURE);
        assertThat(failing.out()).contains("\"sqlState\" : \"42704\"");
    }

    @Test
    void helpDocumentsTheExitCodes() {
        CliRun run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Exit codes:")
                .contains("bad usage, input or configuration")
                .contains("serve")
                .contains("demo")
                .contains("inspect")
                .doesNotContain("train-cds");
    }
}
