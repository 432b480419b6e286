package dev.schemaguard.server.mcp.tools;

/**
 * Sends the person at the MCP client to a web page (elicitation, URL mode — MCP 2025-11-25): the client shows the
 * address to its user and opens it with their consent, out of the agent's sight. Absent when the client does not
 * declare the capability.
 */
@FunctionalInterface
public interface UrlElicitation {

    /** @return whether the person agreed to open the page */
    boolean open(String message, String url, String elicitationId);
}
