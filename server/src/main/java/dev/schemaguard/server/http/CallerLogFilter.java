package dev.schemaguard.server.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Records who made each authenticated request: the token's subject, the identity later audit and approvals use. */
final class CallerLogFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CallerLogFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated()) {
            LOG.info("{} {} by {}", request.getMethod(), request.getRequestURI(), caller.getName());
        }
        chain.doFilter(request, response);
    }
}
