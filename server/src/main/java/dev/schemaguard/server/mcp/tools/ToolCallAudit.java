package dev.schemaguard.server.mcp.tools;

/** Records a tool call that named an environment (the server writes those on non-sandbox environments to the audit log). */
@FunctionalInterface
public interface ToolCallAudit {

    ToolCallAudit NONE = (tool, environment, caller, outcome, millis) -> {};

    /**
     * @param caller  the authenticated caller (a token's subject), or null when the transport has none
     * @param outcome "ok", "refused: …" or "internal error …"
     */
    void record(String tool, String environment, String caller, String outcome, long millis);
}
