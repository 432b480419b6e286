package dev.schemaguard.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An MCP session belongs to the token subject that opened it. The session id is a bearer of state (the client's
 * capabilities, pending elicitations, in-flight calls); a request that names one with another subject's token is
 * answered as if the session did not exist (404, as the transport answers an unknown session), never served.
 */
final class SessionOwnerFilter extends OncePerRequestFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";
    /** Far above any real number of live sessions; beyond it the oldest bindings go, and their sessions with them. */
    private static final int MAX_SESSIONS = 100_000;

    private final Map<String, String> owners = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String subject = caller != null && caller.isAuthenticated() ? caller.getName() : null;
        String session = request.getHeader(SESSION_HEADER);
        if (session != null) {
            String owner;
            synchronized (owners) {
                owner = owners.get(session);
            }
            if (owner == null || !owner.equals(subject)) {
                // a session this server never opened for this subject (or evicted): refused, whoever asks
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "Session not found");
                return;
            }
            if ("DELETE".equals(request.getMethod())) {
                chain.doFilter(request, response);
                synchronized (owners) {
                    owners.remove(session);
                }
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(
                request,
                subject == null
                        ? response
                        : new HttpServletResponseWrapper(response) {
                            @Override
                            public void setHeader(String name, String value) {
                                bind(name, value, subject);
                                super.setHeader(name, value);
                            }

                            @Override
                            public void addHeader(String name, String value) {
                                bind(name, value, subject);
                                super.addHeader(name, value);
                            }
                        });
    }

    private void bind(String header, String session, String subject) {
        if (SESSION_HEADER.equalsIgnoreCase(header) && session != null) {
            synchronized (owners) {
                owners.putIfAbsent(session, subject);
            }
        }
    }
}
