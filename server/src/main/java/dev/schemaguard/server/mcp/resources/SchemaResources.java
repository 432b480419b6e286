package dev.schemaguard.server.mcp.resources;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.server.mcp.ServerRuntime;
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
 * Resources: {@code schemaguard://ENV} (an environment's schema summary, first page) for each environment, and the
 * template {@code schemaguard://ENV/table/SCHEMA.NAME} (one table in full, with what references it).
 */
public final class SchemaResources {

    public static final String TABLE_TEMPLATE = "schemaguard://{environment}/table/{table}";
    private static final Pattern ENVIRONMENT_URI = Pattern.compile("schemaguard://([^/]+)/?");
    private static final Pattern TABLE_URI = Pattern.compile("schemaguard://([^/]+)/table/([^/]+)");
    private static final String JSON = "application/json";

    private final ServerRuntime runtime;
    private final InspectSchema inspectSchema;

    public SchemaResources(ServerRuntime runtime, InspectSchema inspectSchema) {
        this.runtime = runtime;
        this.inspectSchema = inspectSchema;
    }

    public List<SyncResourceSpecification> environmentResources() {
        return runtime.environmentNames().stream().map(name -> new SyncResourceSpecification(
                McpSchema.Resource.builder()
                        .uri("schemaguard://" + name)
                        .name(name)
                        .title("Schema of environment " + name)
                        .description("Summary of the schema of environment " + name + " (first page; use inspect_schema to page)")
                        .mimeType(JSON)
                        .build(),
                (exchange, request) -> read(request.uri()))).toList();
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
        return List.of(new SyncResourceTemplateSpecification(
                McpSchema.ResourceTemplate.builder()
                        .uriTemplate(TABLE_TEMPLATE)
                        .name("table")
                        .title("One table in full detail")
                        .description("A table, view or materialized view (table = schema.name) with its columns, constraints, "
                                + "indexes, triggers and what references it")
                        .mimeType(JSON)
                        .build(),
                (exchange, request) -> read(request.uri())));
    }

    McpSchema.ReadResourceResult read(String uri) {
        try {
            Matcher table = TABLE_URI.matcher(uri);
            Object content;
            if (table.matches()) {
                content = inspectSchema.inspect(new InspectRequest(table.group(1), table.group(2), null, null, null, null, null, null));
            } else {
                Matcher environment = ENVIRONMENT_URI.matcher(uri);
                if (!environment.matches()) {
                    throw new ToolException("Unknown resource " + uri + ". Use schemaguard://ENV or schemaguard://ENV/table/SCHEMA.NAME.");
                }
                content = inspectSchema.inspect(new InspectRequest(environment.group(1), null, null, null, null,
                        InspectRequest.Detail.SUMMARY, null, null));
            }
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, JSON, Json.pretty(content))));
        } catch (ToolException e) {
            throw McpError.builder(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND).message(e.getMessage()).data(uri).build();
        }
    }
}
