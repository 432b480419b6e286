package dev.schemaguard.server.mcp.resources;

import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.inspect.InspectRequest;
import dev.schemaguard.tools.inspect.InspectResult;
import dev.schemaguard.tools.inspect.InspectSchema;
import dev.schemaguard.tools.schema.ObjectKind;
import dev.schemaguard.tools.schema.Table;
import io.modelcontextprotocol.server.McpSyncServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Lists each environment's tables as concrete resources once the server is up (the databases may still be starting),
 * and tells clients the list changed. Environments with more than {@link #MAX_TABLES} tables are left to the resource
 * template, so a huge catalog never floods a client's resource list.
 */
public final class TableResourcePublisher {

    static final int MAX_TABLES = 500;
    private static final Logger LOG = LoggerFactory.getLogger(TableResourcePublisher.class);

    private final ServerRuntime runtime;
    private final InspectSchema inspectSchema;
    private final SchemaResources resources;
    private final McpSyncServer server;

    public TableResourcePublisher(
            ServerRuntime runtime, InspectSchema inspectSchema, SchemaResources resources, McpSyncServer server) {
        this.runtime = runtime;
        this.inspectSchema = inspectSchema;
        this.resources = resources;
        this.server = server;
    }

    /** The server is stopping: a read the stop cut short is no failure to warn of. */
    private volatile boolean stopping;

    // before the listener that stops the databases (it has no order, so it comes after this one)
    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
    public void stopping() {
        stopping = true;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void publishInTheBackground() {
        Thread thread = new Thread(this::publish, "schemaguard-table-resources");
        thread.setDaemon(true);
        thread.start();
    }

    void publish() {
        int added = 0;
        for (String environment : runtime.environmentNames()) {
            try {
                List<String> tables = tables(environment);
                if (tables == null) {
                    LOG.info(
                            "environment {} has more than {} tables: left to the resource template",
                            environment,
                            MAX_TABLES);
                    continue;
                }
                for (String table : tables) {
                    server.addResource(resources.tableResource(environment, table));
                    added++;
                }
            } catch (ToolException | IllegalStateException e) {
                if (stopping) {
                    LOG.debug("listing table resources stopped with the server: {}", e.getMessage());
                    return;
                }
                LOG.warn("tables of environment {} not listed as resources: {}", environment, e.getMessage());
            }
        }
        if (added > 0) {
            server.notifyResourcesListChanged();
        }
        LOG.info("{} table resources listed", added);
    }

    /** The qualified names of the environment's tables and views, or null when there are too many to list. */
    private List<String> tables(String environment) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            InspectResult page = inspectSchema.inspect(new InspectRequest(
                    environment,
                    null,
                    null,
                    null,
                    EnumSet.of(ObjectKind.TABLE, ObjectKind.VIEW, ObjectKind.MATERIALIZED_VIEW),
                    InspectRequest.Detail.SUMMARY,
                    cursor,
                    null));
            int total =
                    page.totals().values().stream().mapToInt(Integer::intValue).sum();
            if (total > MAX_TABLES) {
                return null;
            }
            page.tables().stream().map(Table::qualifiedName).forEach(names::add);
            cursor = page.nextCursor();
        } while (cursor != null);
        return names;
    }
}
