package dev.schemaguard.tools;

/**
 * A failure the caller (an agent or a human) can act on: the message says what was wrong and what to do.
 * Adapters turn it into an MCP tool error ({@code isError: true}) or a CLI error line, never a stack trace.
 */
public class ToolException extends RuntimeException {

    public ToolException(String message) {
        super(message);
    }

    public ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
