package dev.schemaguard.server.mcp.resources;

import dev.schemaguard.sandbox.drift.CheckMigrationHistory;
import dev.schemaguard.server.json.Json;
import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.inspect.InspectRequest;
import dev.schemaguard.tools.inspect.InspectSchema;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resources: {@code schemaguard://ENV} (an environment's schema summary, first page) for each environment, the
 * template {@code schemaguard://ENV/table/SCHEMA.NAME} (one table in full, with what references it), and
 * {@code schemaguard://ENV/migration-history} (its migration tool's history against the migrations configured for it,
 * and the live schema against what they produce).
 */
public final class SchemaResources {

    public static final String TABLE_TEMPLATE = "schemaguard://{environment}/table/{table}";
    public static final String HISTORY_TEMPLATE = "schemaguard://{environment}/migration-history";
    private static final Pattern HISTORY_URI = Pattern.compile("schemaguard://([^/]+)/migration-history");
    private static final Pattern ENVIRONMENT_URI = Pattern.compile("schemaguard://([^/]+)/?");
    private static final Pattern TABLE_URI = Pattern.compile("schemaguard://([^/]+)/table/([^/]+)");
    private static final String JSON = "application/json";

    private final ServerRuntime runtime;
    private final InspectSchema inspectSchema;
    private final CheckMigrationHistory history;

    public SchemaResources(ServerRuntime runtime, InspectSchema inspectSchema, CheckMigrationHistory history) {
        this.runtime = runtime;
        this.inspectSchema = inspectSchema;
        this.history = history;
    }

    public List<SyncResourceSpecification> environmentResources() {
        return runtime.environmentNames().stream()
                .map(name -> new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri("schemaguard://" + name)
                                .name(name)
                                .title("Schema of environment " + name)
                                .description("Summary of the schema of environment " + name
                                        + " (first page; use inspect_schema to page)")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> read(request.uri())))
                .toList();
    }

    /** The migration history of each environment with migrations configured (environments.NAME.migrations). */
    public List<SyncResourceSpecification> historyResources() {
        return runtime.environmentNames().stream()
                .filter(name ->
                        !runtime.environments().get(name).drift().migrations().isEmpty())
                .map(name -> new SyncResourceSpecification(
                        McpSchema.Resource.builder()
                                .uri("schemaguard://" + name + "/migration-history")
                                .name(name + "/migration-history")
                                .title("Migration history of " + name)
                                .description(
                                        "Which migrations " + name
                                                + "'s history table says are applied, which are pending or "
                                                + "were edited after they ran, and whether its schema is what they produce (replayed on a sandbox)")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> read(request.uri())))
                .toList();
    }

    /** One table as a concrete resource, for clients that list resources rather than fill in templates. */
    public SyncResourceSpecification tableResource(String environment, String qualifiedName) {
        String uri = "schemaguard://" + environment + "/table/" + qualifiedName;
        return new SyncResourceSpecification(
                McpSchema.Resource.builder()
                        .uri(uri)
                        .name(environment + "/" + qualifiedName)
                        .title(qualifiedName + " in " + environment)
                        .mimeType(JSON)
                        .build(),
                (exchange, request) -> read(request.uri()));
    }

    public List<SyncResourceTemplateSpecification> templates() {
        return List.of(
                historyTemplate(),
                new SyncResourceTemplateSpecification(
                        McpSchema.ResourceTemplate.builder()
                                .uriTemplate(TABLE_TEMPLATE)
                                .name("table")
                                .title("One table in full detail")
                                .description(
                                        "A table, view or materialized view (table = schema.name) with its columns, constraints, "
                                                + "indexes, triggers and what references it")
                                .mimeType(JSON)
                                .build(),
                        (exchange, request) -> read(request.uri())));
    }

    private SyncResourceTemplateSpecification historyTemplate() {
        return new SyncResourceTemplateSpecification(
                McpSchema.ResourceTemplate.builder()
                        .uriTemplate(HISTORY_TEMPLATE)
                        .name("migration-history")
                        .title("An environment's migration history against its migrations")
                        .description(
                                "For an environment with migrations configured: each migration applied, pending, edited after "
                                        + "it ran, failed or applied without a file, per its tool's history table, and the live schema "
                                        + "compared with the applied migrations replayed on a sandbox")
                        .mimeType(JSON)
                        .build(),
                (exchange, request) -> read(request.uri()));
    }

    McpSchema.ReadResourceResult read(String uri) {
        try {
            Matcher table = TABLE_URI.matcher(uri);
            Matcher migrationHistory = HISTORY_URI.matcher(uri);
            Object content;
            if (migrationHistory.matches()) {
                content = history.check(
                        migrationHistory.group(1), List.of(), null, true, dev.schemaguard.tools.ProgressListener.NONE);
            } else if (table.matches()) {
                content = inspectSchema.inspect(
                        new InspectRequest(table.group(1), table.group(2), null, null, null, null, null, null));
            } else {
                Matcher environment = ENVIRONMENT_URI.matcher(uri);
                if (!environment.matches()) {
                    throw new ToolException("Unknown resource " + uri
                            + ". Use schemaguard://ENV or schemaguard://ENV/table/SCHEMA.NAME.");
                }
                content = inspectSchema.inspect(new InspectRequest(
                        environment.group(1), null, null, null, null, InspectRequest.Detail.SUMMARY, null, null));
            }
            return new McpSchema.ReadResourceResult(
                    List.of(new McpSchema.TextResourceContents(uri, JSON, Json.pretty(content))));
        } catch (ToolException e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND)
                    .message(e.getMessage())
                    .data(uri)
                    .build();
        }
    }
}
