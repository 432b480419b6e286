package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;

/**
 * Bearer tokens are how agents' clients reach the MCP endpoint; people answer approvals with passkeys. So a request to
 * the approval or registration routes that carries a token is an agent trying to approve, reject or register: 403,
 * audited — whatever the token's role or validity.
 */
final class AgentTokenRefusal extends OncePerRequestFilter {

    private final AuditLog audit;

    AgentTokenRefusal(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.startsWith("/approve/") || path.startsWith("/approvers/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") != null) {
            audit.append(
                    "approval.refused",
                    "bearer token",
                    Map.of(
                            "method",
                            request.getMethod(),
                            "path",
                            request.getRequestURI(),
                            "why",
                            "a token (the agent's credential) was presented to a route only people with passkeys use"));
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.getWriter()
                    .write(
                            "{\"error\":\"approvals are given by people with passkeys on this page; a bearer token cannot approve, reject or register\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
