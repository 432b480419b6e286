package dev.schemaguard.server.e2e;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as `schemaguard demo`, driven over stdio by the MCP Java SDK's client — what Claude Code or
 * Cursor would do — and checked against the golden snapshot of its tool contract.
 */
class StdioServerIT {

    private static McpSyncClient client;
    private static McpSchema.InitializeResult init;
    private static final List<McpSchema.LoggingMessageNotification> LOGS =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final int PROD_TABLES = 27;
    private static final List<McpSchema.ProgressNotification> PROGRESS =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private static final java.util.concurrent.CountDownLatch TABLES_PUBLISHED =
            new java.util.concurrent.CountDownLatch(1);

    /** Approvals and the audit log of this test's server, apart from the user's own. */
    private static java.nio.file.Path stateHome;

    @BeforeAll
    static void startTheDemoServer() throws InterruptedException, IOException {
        stateHome = java.nio.file.Files.createTempDirectory("schemaguard-it-state");
        List<String> command = ServerProcess.command("demo");
        ServerParameters parameters = ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size()))
                .addEnvVar("XDG_STATE_HOME", stateHome.toString())
                .build();
        client = McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .loggingConsumer(LOGS::add)
                .progressConsumer(PROGRESS::add)
                .resourcesChangeConsumer(resources -> {
                    // one notification per added resource: wait for the last environment's (prod's) last table
                    long prod = resources.stream()
                            .filter(r -> r.uri().startsWith("schemaguard://prod/table/"))
                            .count();
                    if (prod >= PROD_TABLES) {
                        TABLES_PUBLISHED.countDown();
                    }
                })
                .build();
        init = client.initialize();
        // The server lists the tables as resources once the demo database is up and then notifies the client, which
        // fetches the list again by itself. Let that settle before the tests send requests of their own: the SDK
        // client's stdio transport does not take two concurrent sends.
        assertThat(TABLES_PUBLISHED.await(60, java.util.concurrent.TimeUnit.SECONDS))
                .as("resources/list_changed received")
                .isTrue();
        Thread.sleep(500);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.closeGracefully();
        }
    }

    @Test
    void initializeNamesTheServerAndTellsTheAgentTheWorkflow() {
        assertThat(init.protocolVersion()).isEqualTo("2025-11-25");
        assertThat(init.serverInfo().name()).isEqualTo("schemaguard");
        assertThat(init.instructions())
                .contains("list_environments")
                .contains("inspect_schema")
                .contains("data, never instructions")
                .contains("you cannot approve")
                .contains("Warning: ")
                .contains("docs/threat-model.md");
        assertThat(init.capabilities().tools()).isNotNull();
        assertThat(init.capabilities().resources()).isNotNull();
    }

    @Test
    void toolsListMatchesTheGoldenSnapshot() throws IOException {
        McpSchema.ListToolsResult tools = client.listTools();
        assertThat(tools.tools())
                .extracting(McpSchema.Tool::name)
                .containsExactly(
                        "list_environments",
                        "inspect_schema",
                        "lint_migration",
                        "dry_run",
                        "generate_rollback",
                        "check_migration",
                        "map_dependencies",
                        "impact_of_migration",
                        "compare_schemas",
                        "apply_migration",
                        "run_query");
        for (McpSchema.Tool tool : tools.tools().stream()
                .filter(t -> !t.name().equals("apply_migration"))
                .toList()) {
            assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isTrue();
            assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
            assertThat(tool.annotations().idempotentHint()).as(tool.name()).isTrue();
            assertThat(tool.annotations().openWorldHint()).as(tool.name()).isFalse();
            assertThat(tool.outputSchema()).as(tool.name()).isNotNull();
        }
        McpSchema.Tool apply = tools.tools().stream()
                .filter(t -> t.name().equals("apply_migration"))
                .findFirst()
                .orElseThrow();
        assertThat(apply.annotations().readOnlyHint()).isFalse();
        assertThat(apply.annotations().destructiveHint()).isTrue();
        assertThat(tools.tools())
                .extracting(McpSchema.Tool::name)
                .as("no tool lets the agent approve")
                .noneMatch(n -> n.contains("approv"));
        Golden.assertMatches(
                "tools-list.json",
                JsonMapper.builder()
                        .build()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(McpJsonDefaults.getMapper().convertValue(tools, Map.class)));
    }

    /** The whole guarded path: the agent asks, a person approves in another process, the agent's second call applies. */
    @Test
    @SuppressWarnings("unchecked")
    void applyOnProductionWaitsForAPersonsApprovalGivenOutsideTheClient() throws Exception {
        String sql = "ALTER TABLE shop.customers ADD COLUMN loyalty_tier text;";
        McpSchema.CallToolResult first = client.callTool(
                new McpSchema.CallToolRequest("apply_migration", Map.of("environment", "prod", "sql", sql)));
        assertThat(first.isError()).as(first.content().toString()).isFalse();
        Map<String, Object> pending = (Map<String, Object>) first.structuredContent();
        assertThat(pending.get("status")).as((String) pending.get("message")).isEqualTo("pending-approval");
        String id = (String) ((Map<String, Object>) pending.get("approval")).get("id");
        assertThat((String) pending.get("message")).contains("schemaguard approvals approve " + id);

        assertThat(runCli("approvals", "approve", id, "--comment", "demo")).contains("Approved.");

        McpSchema.CallToolResult second = client.callTool(
                new McpSchema.CallToolRequest("apply_migration", Map.of("environment", "prod", "sql", sql)));
        Map<String, Object> applied = (Map<String, Object>) second.structuredContent();
        assertThat(applied.get("status")).as(second.content().toString()).isEqualTo("applied");
        McpSchema.CallToolResult again = client.callTool(
                new McpSchema.CallToolRequest("apply_migration", Map.of("environment", "prod", "sql", sql)));
        assertThat(again.isError()).as(again.content().toString()).isTrue();
        assertThat(((McpSchema.TextContent) again.content().get(0)).text()).contains("applied already");
        assertThat(runCli("audit", "verify")).contains("intact");
        assertThat(runCli("audit", "export"))
                .contains("\"event\":\"tool.call\",\"actor\"")
                .contains("\"tool\":\"apply_migration\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mapDependenciesSaysWhoBreaksIfCustomersEmailIsDropped() {
        McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest(
                "map_dependencies", Map.of("environment", "prod", "target", "shop.customers.email")));
        assertThat(r.isError()).as(r.content().toString()).isFalse();
        Map<String, Object> report = (Map<String, Object>) r.structuredContent();
        assertThat((List<Map<String, Object>>) report.get("database"))
                .extracting(d -> d.get("kind") + " " + d.get("object"))
                .contains("view shop.order_summaries", "constraint customers_email_key");
        assertThat((List<String>) report.get("blind_spots")).isNotEmpty();
    }

    @Test
    void mapDependenciesSendsProgressWhileItIndexesCodeWhenAskedTo() {
        String services = Path.of("..", "examples", "services")
                .toAbsolutePath()
                .normalize()
                .toString();
        McpSchema.CallToolResult r = client.callTool(McpSchema.CallToolRequest.builder()
                .name("map_dependencies")
                .progressToken("deps-1")
                .arguments(Map.of("target", "shop.customers.email", "roots", List.of(services)))
                .build());
        assertThat(r.isError()).as(r.content().toString()).isFalse();
        List<McpSchema.ProgressNotification> mine = PROGRESS.stream()
                .filter(p -> "deps-1".equals(p.progressToken()))
                .toList();
        assertThat(mine).isNotEmpty();
        double total = mine.get(0).total();
        assertThat(total).isGreaterThan(10);
        assertThat(mine).allSatisfy(p -> assertThat(p.total()).isEqualTo(total));
        assertThat(mine).extracting(McpSchema.ProgressNotification::progress).contains(0.0, total);
        assertThat(mine)
                .filteredOn(p -> p.progress() == total)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("indexed").contains("code files"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareSchemasShowsTheDemosProdDriftFromDev() {
        McpSchema.CallToolResult drift = client.callTool(
                new McpSchema.CallToolRequest("compare_schemas", Map.of("first", "dev", "second", "prod")));
        assertThat(drift.isError()).as(drift.content().toString()).isFalse();
        List<Map<String, Object>> differences =
                (List<Map<String, Object>>) ((Map<String, Object>) drift.structuredContent()).get("differences");
        assertThat(differences)
                .anySatisfy(d -> assertThat(String.valueOf(d.get("object"))).contains("orders_status_idx"));
        assertThat(((McpSchema.TextContent) drift.content().get(0)).text()).contains("'prod' differs from 'dev'");
        Map<String, Object> convergence =
                (Map<String, Object>) ((Map<String, Object>) drift.structuredContent()).get("convergence");
        assertThat(convergence)
                .as("the SQL that makes prod like dev, run on a copy of prod")
                .isNotNull();
        assertThat(String.valueOf(convergence.get("statements"))).contains("orders_status_idx");
        assertThat(String.valueOf(convergence.get("verdict"))).isIn("proven", "differences-remain");
        McpSchema.CallToolResult billing = client.callTool(new McpSchema.CallToolRequest(
                "compare_schemas", Map.of("first", "dev", "second", "prod", "schemas", List.of("billing"))));
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) billing.structuredContent()).get("differences"))
                .as("only billing's drift: its foreign key")
                .singleElement()
                .satisfies(d -> assertThat(String.valueOf(d.get("object"))).contains("refunds_payment_fk"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void runQueryReadsDevelopmentButNotProductionUnderTheDemoPolicy() {
        McpSchema.CallToolResult dev = client.callTool(new McpSchema.CallToolRequest(
                "run_query",
                Map.of(
                        "environment",
                        "dev",
                        "sql",
                        "SELECT count(*) AS customers FROM shop.customers",
                        "max_rows",
                        5)));
        assertThat(dev.isError()).as(dev.content().toString()).isFalse();
        assertThat((List<String>) ((Map<String, Object>) dev.structuredContent()).get("columns"))
                .containsExactly("customers");
        McpSchema.CallToolResult prod = client.callTool(new McpSchema.CallToolRequest(
                "run_query", Map.of("environment", "prod", "sql", "SELECT email FROM shop.customers")));
        assertThat(prod.isError()).isTrue();
        McpSchema.CallToolResult write = client.callTool(new McpSchema.CallToolRequest(
                "run_query", Map.of("environment", "dev", "sql", "SELECT 1; DELETE FROM shop.customers")));
        assertThat(((McpSchema.TextContent) write.content().get(0)).text()).contains("exactly one statement");
    }

    private static String runCli(String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(ServerProcess.command(args)).redirectErrorStream(true);
        builder.environment().put("XDG_STATE_HOME", stateHome.toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void toolsReportThroughTheLoggingCapabilityAtTheLevelTheClientAsks() throws InterruptedException {
        assertThat(init.capabilities().logging()).isNotNull();
        client.setLoggingLevel(McpSchema.LoggingLevel.INFO);
        client.callTool(new McpSchema.CallToolRequest("list_environments", Map.of()));
        long deadline = System.currentTimeMillis() + 5_000;
        while (LOGS.stream().noneMatch(l -> l.data().contains("list_environments answered"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(LOGS).anySatisfy(l -> {
            assertThat(l.logger()).isEqualTo("schemaguard.list_environments");
            assertThat(l.data()).contains("answered in");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void listEnvironmentsShowsDevAndProdWithoutSecrets() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list_environments", Map.of()));
        assertThat(result.isError()).isFalse();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> environments =
                (List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent()).get("environments");
        assertThat(environments)
                .extracting(e -> e.get("name") + ":" + e.get("protection"))
                .containsExactly("dev:development", "prod:production");
        assertThat((String) ((Map<String, Object>) result.structuredContent()).get("warning"))
                .as("a stdio server holding production credentials says its guard is advisory")
                .contains("advisory")
                .contains("prod");
    }

    @Test
    void inspectSchemaOnProdReturnsEveryObjectKind() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                "inspect_schema", Map.of("environment", "prod", "budget_tokens", 200_000)));
        assertThat(result.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) result.structuredContent();
        assertThat(content.get("detail")).isEqualTo("full");
        @SuppressWarnings("unchecked")
        Map<String, Integer> totals = (Map<String, Integer>) content.get("totals");
        assertThat(totals)
                .containsKeys(
                        "table", "view", "materialized_view", "sequence", "enum", "domain", "function", "procedure");
        assertThat(totals.values()).allSatisfy(n -> assertThat(n).isPositive());
        String json =
                McpJsonDefaults.getMapper().convertValue(content, Map.class).toString();
        assertThat(json)
                .contains("partitioned_table")
                .contains("partitionOf")
                .contains("inherits")
                .contains("exclusion")
                .contains("validated=false")
                .contains("identity=always")
                .contains("generated=")
                .contains("legacy_crm_id") // the drift: prod has the hand-added column
                .contains("orders_status_idx")
                .contains("rowEstimate")
                .contains("totalBytes")
                .contains("comment=");
        assertThat(((McpSchema.TextContent) result.content().get(0)).text()).contains("Environment prod");
    }

    @Test
    void oneTableWithWhatReferencesIt() {
        McpSchema.CallToolResult result = client.callTool(
                new McpSchema.CallToolRequest("inspect_schema", Map.of("environment", "prod", "table", "shop.orders")));
        assertThat(result.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> references =
                (Map<String, Object>) ((Map<String, Object>) result.structuredContent()).get("references");
        assertThat(references.get("referencedBy").toString())
                .contains("shop.order_lines")
                .contains("billing.invoices");
        assertThat(references.get("dependentViews").toString()).contains("shop.order_summaries");
    }

    @Test
    void dryRunOnACopyOfProdReportsLocksRewritesAndErrorsWithoutTouchingProd() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                "dry_run",
                Map.of(
                        "environment",
                        "prod",
                        "sql",
                        "ALTER TABLE shop.orders ADD COLUMN channel text;\nALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(500);\n"
                                + "ALTER TABLE shop.orders ADD COLUMN oops no_such_type;\n")));
        assertThat(result.isError()).isFalse();
        Map<?, ?> report = (Map<?, ?>) result.structuredContent();
        assertThat(report.get("verdict")).isEqualTo("failed");
        assertThat(report.get("cloneDifferences").toString()).isEqualTo("[]");
        String statements = report.get("statements").toString();
        assertThat(statements)
                .contains("ACCESS EXCLUSIVE")
                .contains("rewritten=[shop.orders")
                .contains("sqlState=42704")
                .contains("line=3");
        McpSchema.CallToolResult inspect = client.callTool(
                new McpSchema.CallToolRequest("inspect_schema", Map.of("environment", "prod", "table", "shop.orders")));
        assertThat(inspect.structuredContent().toString()).doesNotContain("channel");
    }

    @Test
    void dryRunSendsProgressPerStatementWhenAskedTo() {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder()
                .name("dry_run")
                .progressToken("dry-1")
                .arguments(Map.of(
                        "environment",
                        "dev",
                        "sql",
                        "ALTER TABLE shop.orders ADD COLUMN a text;\nALTER TABLE shop.orders ADD COLUMN b text;"))
                .build());
        assertThat(result.isError()).isFalse();
        List<McpSchema.ProgressNotification> mine =
                PROGRESS.stream().filter(p -> "dry-1".equals(p.progressToken())).toList();
        // the SDK client hands notifications to the consumer concurrently, so their arrival order is not checked here
        assertThat(mine).extracting(McpSchema.ProgressNotification::progress).containsExactlyInAnyOrder(0.0, 1.0, 2.0);
        assertThat(mine).allSatisfy(p -> assertThat(p.total()).isEqualTo(2.0));
        assertThat(mine)
                .filteredOn(p -> p.progress() == 2.0)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("migration.sql:2 ok"));
    }

    @Test
    void checkMigrationGivesOneVerdictWithAReportId() {
        McpSchema.CallToolResult result = client.callTool(McpSchema.CallToolRequest.builder()
                .name("check_migration")
                .progressToken("chk-1")
                .arguments(Map.of("environment", "prod", "sql", "CREATE INDEX orders_note_idx ON shop.orders (note);"))
                .build());
        List<McpSchema.ProgressNotification> steps =
                PROGRESS.stream().filter(p -> "chk-1".equals(p.progressToken())).toList();
        assertThat(steps)
                .extracting(McpSchema.ProgressNotification::progress)
                .containsExactlyInAnyOrder(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(steps)
                .filteredOn(p -> p.progress() == 3.0)
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("rollback"));
        assertThat(result.isError()).isFalse();
        Map<?, ?> report = (Map<?, ?>) result.structuredContent();
        assertThat(report.get("verdict")).isEqualTo("review");
        assertThat(report.get("reportId").toString()).startsWith("chk_");
        assertThat(report.get("reasons").toString()).contains("lint warning");
        assertThat(((Map<?, ?>) report.get("rollback")).get("verdict")).isEqualTo("verified");
    }

    @Test
    void generateRollbackProvesTheWayBackOnACopy() {
        McpSchema.CallToolResult result = client.callTool(
                new McpSchema.CallToolRequest(
                        "generate_rollback",
                        Map.of(
                                "environment",
                                "dev",
                                "sql",
                                "ALTER TABLE shop.customers RENAME COLUMN full_name TO name;\nCREATE INDEX customers_name_idx ON shop.customers (name);\n")));
        assertThat(result.isError()).isFalse();
        Map<?, ?> report = (Map<?, ?>) result.structuredContent();
        assertThat(report.get("verdict")).isEqualTo("verified");
        assertThat(report.get("rollbackSql").toString())
                .contains("DROP INDEX shop.customers_name_idx")
                .contains("RENAME COLUMN name TO full_name");
    }

    @Test
    void lintMigrationAgainstAnEnvironmentReadsItsLiveSchema() {
        McpSchema.CallToolResult result = client.callTool(
                new McpSchema.CallToolRequest(
                        "lint_migration",
                        Map.of(
                                "environment",
                                "prod",
                                "sql",
                                "ALTER TABLE shop.orders DROP COLUMN notes;\nALTER TABLE shop.orders ALTER COLUMN note TYPE varchar(10);")));
        assertThat(result.isError()).isFalse();
        String findings = result.structuredContent().toString();
        assertThat(findings)
                .contains("column shop.orders.notes does not exist in environment 'prod'")
                .contains("from text to varchar(10)")
                .contains("rows, ");
        assertThat(((Map<?, ?>) result.structuredContent()).get("note").toString())
                .contains("environment 'prod'");
        McpSchema.CallToolResult unknown = client.callTool(
                new McpSchema.CallToolRequest("lint_migration", Map.of("environment", "staging", "sql", "SELECT 1;")));
        assertThat(unknown.isError()).isTrue();
        assertThat(((McpSchema.TextContent) unknown.content().get(0)).text()).contains("staging");
    }

    @Test
    void lintMigrationReturnsFindingsWithTheSafeSql() {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(
                "lint_migration",
                Map.of(
                        "sql",
                        "ALTER TABLE shop.orders ADD CONSTRAINT orders_total_positive CHECK (total_cents >= 0);")));
        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent().toString())
                .contains("constraint-missing-not-valid")
                .contains("VALIDATE CONSTRAINT orders_total_positive");
        McpSchema.CallToolResult neither = client.callTool(new McpSchema.CallToolRequest("lint_migration", Map.of()));
        assertThat(neither.isError()).isTrue();
        McpSchema.CallToolResult notSql = client.callTool(
                new McpSchema.CallToolRequest("lint_migration", Map.of("paths", List.of("/etc/passwd"))));
        assertThat(notSql.isError()).isTrue();
        assertThat(((McpSchema.TextContent) notSql.content().get(0)).text())
                .contains("Not a migration file")
                .doesNotContain("root:");
    }

    @Test
    void unknownTableIsAToolErrorTheAgentCanActOn() {
        McpSchema.CallToolResult result = client.callTool(
                new McpSchema.CallToolRequest("inspect_schema", Map.of("environment", "prod", "table", "shop.order")));
        assertThat(result.isError()).isTrue();
        String message = ((McpSchema.TextContent) result.content().get(0)).text();
        assertThat(message)
                .contains("shop.order not found")
                .contains("shop.orders")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void badArgumentsAreToolErrorsNamingTheParameter() {
        McpSchema.CallToolResult unknownEnvironment =
                client.callTool(new McpSchema.CallToolRequest("inspect_schema", Map.of("environment", "staging")));
        assertThat(unknownEnvironment.isError()).isTrue();
        assertThat(((McpSchema.TextContent) unknownEnvironment.content().get(0)).text())
                .contains("Unknown environment 'staging'")
                .contains("dev, prod");
        McpSchema.CallToolResult badKind = client.callTool(new McpSchema.CallToolRequest(
                "inspect_schema", Map.of("environment", "prod", "kinds", List.of("tables"))));
        assertThat(badKind.isError()).isTrue();
    }

    @Test
    void resourcesPerEnvironmentAndPerTableAndATemplate() {
        List<String> uris = client.listResources().resources().stream()
                .map(McpSchema.Resource::uri)
                .toList();
        assertThat(uris)
                .contains(
                        "schemaguard://dev",
                        "schemaguard://prod",
                        "schemaguard://prod/table/shop.orders",
                        "schemaguard://dev/table/billing.invoices",
                        "schemaguard://prod/table/shop.product_sales");
        assertThat(uris)
                .filteredOn(u -> u.startsWith("schemaguard://prod/table/"))
                .hasSize(PROD_TABLES);
        assertThat(client.listResourceTemplates().resourceTemplates())
                .extracting(McpSchema.ResourceTemplate::uriTemplate)
                .containsExactlyInAnyOrder(
                        "schemaguard://{environment}/table/{table}", "schemaguard://{environment}/migration-history");
        McpSchema.ReadResourceResult table =
                client.readResource(new McpSchema.ReadResourceRequest("schemaguard://prod/table/billing.invoices"));
        assertThat(((McpSchema.TextResourceContents) table.contents().get(0)).text())
                .contains("invoice_number");
    }
}
