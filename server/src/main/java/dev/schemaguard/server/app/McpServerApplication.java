package dev.schemaguard.server.app;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.query.RunQuery;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.check.CheckMigration;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.rollback.RoundTrip;
import dev.schemaguard.server.http.HttpSecurityConfiguration;
import dev.schemaguard.server.http.approval.ApprovalLinks;
import dev.schemaguard.server.http.approval.ApprovalPageConfiguration;
import dev.schemaguard.server.mcp.ReaderCheckAtStart;
import dev.schemaguard.server.mcp.SerializedStdioServerTransportProvider;
import dev.schemaguard.server.mcp.StandardStreams;
import dev.schemaguard.server.mcp.resources.SchemaResources;
import dev.schemaguard.server.mcp.resources.TableResourcePublisher;
import dev.schemaguard.server.mcp.tools.ApplyMigrationTool;
import dev.schemaguard.server.mcp.tools.CheckMigrationTool;
import dev.schemaguard.server.mcp.tools.CompareSchemasTool;
import dev.schemaguard.server.mcp.tools.DryRunTool;
import dev.schemaguard.server.mcp.tools.GenerateRollbackTool;
import dev.schemaguard.server.mcp.tools.ImpactOfMigrationTool;
import dev.schemaguard.server.mcp.tools.InspectSchemaTool;
import dev.schemaguard.server.mcp.tools.LintMigrationTool;
import dev.schemaguard.server.mcp.tools.ListEnvironmentsTool;
import dev.schemaguard.server.mcp.tools.MapDependenciesTool;
import dev.schemaguard.server.mcp.tools.RunQueryTool;
import dev.schemaguard.server.mcp.tools.ServerFiles;
import dev.schemaguard.server.mcp.tools.ToolCallAudit;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.ReadConfinement;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.deps.ImpactOfMigration;
import dev.schemaguard.tools.deps.MapDependencies;
import dev.schemaguard.tools.inspect.InspectSchema;
import dev.schemaguard.tools.lint.run.Linter;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;

/**
 * The Spring application behind {@code serve} and {@code demo}: the Spring AI MCP server starter does the protocol
 * and the transports; this class only hands it schemaguard's tools and resources.
 */
@SpringBootApplication(proxyBeanMethods = false)
@Import({HttpSecurityConfiguration.class, ApprovalPageConfiguration.class})
public class McpServerApplication {

    /** Who asks, for the audit log and approvals: the OS user this server runs as, on behalf of its MCP client. */
    private static final Identity REQUESTER = new Identity(System.getProperty("user.name"), java.util.Set.of(), "mcp");

    @Bean
    InspectSchema inspectSchema(ServerRuntime runtime) {
        return new InspectSchema(runtime.environments(), runtime.config().inspectBudgetTokens());
    }

    /** Sandboxes for dry runs and rollback proofs (embedded by default, started on first use), closed with the server. */
    @Bean(destroyMethod = "close")
    Sandboxes sandboxes(ServerRuntime runtime) {
        return Sandboxes.from(runtime.config().sandbox());
    }

    /** Policies, approvals and the audit log; an unreadable or invalid policy stops the server here, before it serves. */
    @Bean
    Guard guard(ServerRuntime runtime) {
        return new Guard(runtime.config(), runtime.environments(), Clock.systemUTC());
    }

    /** Where people answer approvals: the approval page once the HTTP server listens; none over stdio. */
    @Bean
    ApprovalLinks approvalLinks() {
        return new ApprovalLinks();
    }

    @Bean
    List<SyncToolSpecification> schemaguardTools(
            ServerRuntime runtime,
            InspectSchema inspectSchema,
            Sandboxes sandboxes,
            Guard guard,
            RunQuery runQuery,
            ApprovalLinks links,
            org.springframework.context.ApplicationContext context) {
        ToolCallAudit audit = toolCallAudit(runtime, guard);
        // over HTTP the server runs as its own user: clients name only files under the directories configured for them
        List<java.nio.file.Path> readable = java.util.stream.Stream.concat(
                        runtime.config().codeRoots().stream(), runtime.config().server().fileRoots().stream())
                .toList();
        ServerFiles files = webApplication(context) ? ServerFiles.within(readable) : ServerFiles.any();
        if (webApplication(context)) {
            // and every file read on a client's behalf — in named directories, includes, sqlFiles, links — stays there
            // too
            ReadConfinement.confineTo(readable);
        }
        return java.util.stream.Stream.of(
                        new ListEnvironmentsTool(
                                runtime.environments(), runtime.advisoryWarning(!webApplication(context))),
                        new InspectSchemaTool(inspectSchema),
                        new LintMigrationTool(new Linter(
                                runtime.environments(), runtime.config().lint())),
                        new DryRunTool(new DryRun(runtime.environments(), sandboxes)),
                        new GenerateRollbackTool(new RoundTrip(runtime.environments(), sandboxes)),
                        new CheckMigrationTool(new CheckMigration(
                                runtime.environments(),
                                runtime.config().lint(),
                                sandboxes,
                                runtime.config().codeRoots(),
                                runtime.config().codeServices())),
                        new MapDependenciesTool(
                                new MapDependencies(
                                        runtime.environments(), runtime.config().codeServices()),
                                runtime.config().codeRoots()),
                        new ImpactOfMigrationTool(
                                new ImpactOfMigration(new MapDependencies(
                                        runtime.environments(), runtime.config().codeServices())),
                                runtime.config().codeRoots()),
                        new CompareSchemasTool(
                                new dev.schemaguard.sandbox.drift.ConvergeSchemas(runtime.environments(), sandboxes),
                                runtime.config().inspectBudgetTokens()),
                        new ApplyMigrationTool(
                                guard.apply(() -> sandboxes, links::howToApprove), guard.approvals(), links, REQUESTER),
                        new RunQueryTool(runQuery, REQUESTER))
                .map(tool -> tool.audited(audit).readingFiles(files).specification())
                .toList();
    }

    private static boolean webApplication(org.springframework.context.ApplicationContext context) {
        return context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext;
    }

    /** Tool calls on environments other than sandboxes go to the audit log, whatever their outcome. */
    private static ToolCallAudit toolCallAudit(ServerRuntime runtime, Guard guard) {
        return (tool, environment, caller, outcome, millis) -> {
            boolean sandbox;
            try {
                sandbox = runtime.environments().get(environment).protection() == Protection.SANDBOX;
            } catch (RuntimeException unknownEnvironment) {
                sandbox = false;
            }
            if (!sandbox) {
                guard.audit()
                        .append(
                                "tool.call",
                                caller != null ? caller + " (token)" : REQUESTER.toString(),
                                java.util.Map.of(
                                        "tool",
                                        tool,
                                        "environment",
                                        environment,
                                        "outcome",
                                        outcome.length() > 500 ? outcome.substring(0, 500) + "…" : outcome,
                                        "millis",
                                        millis));
            }
        };
    }

    @Bean
    SchemaResources schemaResources(ServerRuntime runtime, InspectSchema inspectSchema, Sandboxes sandboxes) {
        return new SchemaResources(
                runtime,
                inspectSchema,
                new dev.schemaguard.sandbox.drift.CheckMigrationHistory(runtime.environments(), sandboxes));
    }

    @Bean
    List<SyncResourceSpecification> schemaguardResources(SchemaResources resources) {
        return java.util.stream.Stream.concat(
                        resources.environmentResources().stream(), resources.historyResources().stream())
                .toList();
    }

    @Bean
    TableResourcePublisher tableResourcePublisher(
            ServerRuntime runtime, InspectSchema inspectSchema, SchemaResources resources, McpSyncServer server) {
        return new TableResourcePublisher(runtime, inspectSchema, resources, server);
    }

    @Bean
    ReaderCheckAtStart readerCheckAtStart(ServerRuntime runtime, RunQuery runQuery) {
        return new ReaderCheckAtStart(runtime, runQuery);
    }

    /** One for the tool and the start-up check, so the reader verified at start is not checked again at the first query. */
    @Bean
    RunQuery runQuery(Guard guard) {
        return guard.runQuery();
    }

    @Bean
    List<SyncResourceTemplateSpecification> schemaguardResourceTemplates(SchemaResources resources) {
        return resources.templates();
    }

    /**
     * The stdio transport writes to the process's real stdout, captured before anything else could print there;
     * {@code System.out} itself points at stderr while the server runs.
     */
    @Bean
    @ConditionalOnProperty(name = "spring.ai.mcp.server.stdio", havingValue = "true")
    SerializedStdioServerTransportProvider schemaguardStdioTransport(JsonMapper jsonMapper) {
        return new SerializedStdioServerTransportProvider(
                new JacksonMcpJsonMapper(jsonMapper), System.in, StandardStreams.wire());
    }
}
