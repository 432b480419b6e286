package dev.schemaguard.server.http;

import dev.schemaguard.tools.RunningCalls;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Stops the tool calls whose client no longer wants them: the one a {@code notifications/cancelled} names (noted by
 * {@link JsonRpcBodyFilter}), and all of a session's when its client ends it ({@code DELETE /mcp}). Runs after the
 * security chain, so a session is cancelled only by the token subject that owns it.
 */
final class CallCancellationFilter extends OncePerRequestFilter {

    static final String CANCELS = "schemaguard.cancels";
    static final String REASON = "schemaguard.cancelReason";

    private final String endpoint;

    CallCancellationFilter(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !endpoint.equals(request.getRequestURI())
                || request.getHeader(SessionOwnerFilter.SESSION_HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String session = request.getHeader(SessionOwnerFilter.SESSION_HEADER);
        if (request.getAttribute(CANCELS) instanceof String requestId) {
            String reason = request.getAttribute(REASON) instanceof String r && !r.isBlank() ? " (" + r + ")" : "";
            RunningCalls.ofThisProcess().cancel(session, requestId, "the client cancelled the request" + reason);
        }
        chain.doFilter(request, response);
        if ("DELETE".equals(request.getMethod()) && response.getStatus() < 300) {
            RunningCalls.ofThisProcess().cancelAll(session, "the client ended its session");
        }
    }
}
