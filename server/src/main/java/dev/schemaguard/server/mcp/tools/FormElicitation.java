package dev.schemaguard.server.mcp.tools;

import java.util.Map;
import java.util.Optional;

/**
 * A question put to the person at the MCP client in the client's own UI (elicitation, form mode): the agent does not
 * write the answer. Absent when the client does not declare the capability.
 */
@FunctionalInterface
public interface FormElicitation {

    /**
     * @param schema a flat JSON Schema object (MCP restricts form fields to primitives and enums)
     * @return the person's answers when they accepted, empty when they declined or cancelled
     */
    Optional<Map<String, Object>> ask(String message, Map<String, Object> schema);
}
