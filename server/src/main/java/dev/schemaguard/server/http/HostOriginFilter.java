package dev.schemaguard.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Rejects requests whose {@code Host} or {@code Origin} the {@link HostOriginPolicy} does not accept, on every path —
 * the MCP endpoint and anything served beside it — before any other code sees them. A servlet filter rather than the
 * MCP transport's own validator, so that pages added to this server later are covered without a second mechanism.
 */
public final class HostOriginFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(HostOriginFilter.class);
    private final HostOriginPolicy policy;

    public HostOriginFilter(HostOriginPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        if (!policy.hostAllowed(host)) {
            reject(
                    response,
                    421,
                    "Host header '" + host
                            + "' is not accepted by this server; add it to server.allowed-hosts in schemaguard.yaml if it should be");
            LOG.warn("rejected {} {}: Host {}", request.getMethod(), request.getRequestURI(), host);
            return;
        }
        if (!policy.originAllowed(origin)) {
            reject(
                    response,
                    403,
                    "Origin '" + origin
                            + "' is not accepted by this server; add it to server.allowed-origins in schemaguard.yaml if it should be");
            LOG.warn("rejected {} {}: Origin {}", request.getMethod(), request.getRequestURI(), origin);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String escaped = message.replace("\\", "\\\\").replace("\"", "\\\"");
        response.getWriter()
                .write("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"" + escaped + "\"}}");
    }
}
