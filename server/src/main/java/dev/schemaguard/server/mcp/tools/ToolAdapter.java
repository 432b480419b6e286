package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.server.json.Json;
import dev.schemaguard.tools.Cancellation;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.RunningCalls;
import dev.schemaguard.tools.ToolException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * The plumbing every tool shares: its declaration (schemas, annotations) and the translation of the domain's answers
 * and failures into MCP results. A {@link ToolException} becomes {@code isError: true} with its message, which an
 * agent can act on; anything else is logged with an incident id and reported without a stack trace.
 */
public abstract class ToolAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ToolAdapter.class);

    /** What a tool returns: the structured result (matching its output schema) and a short text for people. */
    protected record Answer(Object structured, String text) {}

    protected abstract String name();

    protected abstract String title();

    protected abstract String description();

    protected abstract McpSchema.ToolAnnotations annotations();

    protected abstract Answer call(ToolArguments arguments);

    private ServerFiles files = ServerFiles.any();
    private ToolCallAudit audit = ToolCallAudit.NONE;

    /** Calls that name an environment are reported to {@code audit}, whatever their outcome. */
    public ToolAdapter audited(ToolCallAudit audit) {
        this.audit = audit;
        return this;
    }

    /** Which of the server's files calls may name in their arguments (default: any, as over stdio). */
    public ToolAdapter readingFiles(ServerFiles allowed) {
        this.files = allowed;
        return this;
    }

    public SyncToolSpecification specification() {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name())
                .title(title())
                .description(description())
                .inputSchema(Json.resource(ToolAdapter.class, name() + ".input.json"))
                .outputSchema(Json.resource(ToolAdapter.class, name() + ".output.json"))
                .annotations(annotations())
                .build();
        return new SyncToolSpecification(tool, this::handle);
    }

    McpSchema.CallToolResult handle(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        long started = System.nanoTime();
        try (RunningCalls.Call running = RunningCalls.ofThisProcess()
                .start(context(exchange, RunningCalls.SESSION), context(exchange, RunningCalls.REQUEST_ID))) {
            running.cancellation().throwIfCancelled();
            Answer answer = running.cancellation()
                    .runAs(() -> call(new ToolArguments(
                                    name(),
                                    request.arguments(),
                                    progress(exchange, request),
                                    elicitation(exchange),
                                    urlElicitation(exchange),
                                    caller(exchange))
                            .readingFiles(files)));
            long millis = (System.nanoTime() - started) / 1_000_000;
            LOG.info("tool {} ok in {} ms", name(), millis);
            audit(exchange, request, "ok", started);
            logToClient(exchange, McpSchema.LoggingLevel.INFO, name() + " answered in " + millis + " ms");
            return McpSchema.CallToolResult.builder()
                    .structuredContent(Json.toMap(answer.structured()))
                    .content(List.of(new McpSchema.TextContent(answer.text())))
                    .isError(false)
                    .build();
        } catch (Cancellation.Cancelled e) {
            LOG.info("tool {} cancelled: {}", name(), e.getMessage());
            audit(exchange, request, "cancelled: " + e.getMessage(), started);
            return error(e.getMessage());
        } catch (ToolException e) {
            LOG.info("tool {} refused: {}", name(), e.getMessage());
            audit(exchange, request, "refused: " + e.getMessage(), started);
            logToClient(exchange, McpSchema.LoggingLevel.WARNING, name() + " refused: " + e.getMessage());
            return error(e.getMessage());
        } catch (RuntimeException e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("tool {} failed, incident {}", name(), incident, e);
            audit(exchange, request, "internal error, incident " + incident, started);
            return error("Internal error in " + name() + " (incident " + incident
                    + "); the server log has the details. " + "Retrying will not help until the cause is fixed.");
        }
    }

    private void audit(
            McpSyncServerExchange exchange, McpSchema.CallToolRequest request, String outcome, long started) {
        for (String argument : environmentArguments()) {
            Object environment =
                    request.arguments() == null ? null : request.arguments().get(argument);
            if (environment instanceof String name) {
                audit.record(name(), name, caller(exchange), outcome, (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    /** The arguments that name an environment the call reaches (each is audited). */
    protected java.util.List<String> environmentArguments() {
        return java.util.List.of("environment");
    }

    /** Who called, when the transport knows (a bearer token's subject); null otherwise. */
    private static String caller(McpSyncServerExchange exchange) {
        return context(exchange, "schemaguard.caller");
    }

    /** A value the transport put in the call's context (caller, session, request id), or null. */
    private static String context(McpSyncServerExchange exchange, String key) {
        if (exchange == null || exchange.transportContext() == null) {
            return null;
        }
        Object value = exchange.transportContext().get(key);
        return value instanceof String text ? text : null;
    }

    /** Form-mode elicitation, when the client declared it (an empty elicitation capability means form, per the spec). */
    private static FormElicitation elicitation(McpSyncServerExchange exchange) {
        if (exchange == null
                || exchange.getClientCapabilities() == null
                || exchange.getClientCapabilities().elicitation() == null) {
            return null;
        }
        McpSchema.ClientCapabilities.Elicitation declared =
                exchange.getClientCapabilities().elicitation();
        if (declared.form() == null && declared.url() != null) {
            return null;
        }
        return (message, schema) -> {
            McpSchema.ElicitResult result = exchange.createElicitation(McpSchema.ElicitRequest.builder()
                    .message(message)
                    .requestedSchema(schema)
                    .build());
            return result.action() == McpSchema.ElicitResult.Action.ACCEPT && result.content() != null
                    ? java.util.Optional.of(result.content())
                    : java.util.Optional.empty();
        };
    }

    private static UrlElicitation urlElicitation(McpSyncServerExchange exchange) {
        if (exchange == null
                || exchange.getClientCapabilities() == null
                || exchange.getClientCapabilities().elicitation() == null
                || exchange.getClientCapabilities().elicitation().url() == null) {
            return null;
        }
        return (message, url, id) -> exchange.createElicitation(McpSchema.ElicitUrlRequest.builder(message, url, id)
                                .build())
                        .action()
                == McpSchema.ElicitResult.Action.ACCEPT;
    }

    /** notifications/progress for a request that carries a progress token (MCP's way to ask for them). */
    private ProgressListener progress(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (exchange == null || token == null) {
            return ProgressListener.NONE;
        }
        return (done, total, message) -> {
            try {
                exchange.progressNotification(new McpSchema.ProgressNotification(token, done, (double) total, message));
            } catch (RuntimeException e) {
                LOG.debug("could not send progress to the client: {}", e.getMessage());
            }
        };
    }

    /** Through the MCP logging capability; the client chooses the level it wants with logging/setLevel. */
    private void logToClient(McpSyncServerExchange exchange, McpSchema.LoggingLevel level, String message) {
        if (exchange == null) {
            return;
        }
        try {
            exchange.loggingNotification(McpSchema.LoggingMessageNotification.builder(level, message)
                    .logger("schemaguard." + name())
                    .build());
        } catch (RuntimeException e) {
            LOG.debug("could not send a log message to the client: {}", e.getMessage());
        }
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(message)))
                .isError(true)
                .build();
    }

    /** Hints for clients; the server enforces nothing through them, but they must be true. */
    protected static McpSchema.ToolAnnotations readOnly(String title) {
        return McpSchema.ToolAnnotations.builder()
                .title(title)
                .readOnlyHint(true)
                .destructiveHint(false)
                .idempotentHint(true)
                .openWorldHint(false)
                .build();
    }
}
