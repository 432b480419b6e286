package dev.schemaguard.server.http;

import dev.schemaguard.server.runtime.ServerRuntime;
import dev.schemaguard.tools.RunningCalls;
import dev.schemaguard.tools.config.ServerSettings;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import org.springframework.ai.mcp.server.common.autoconfigure.properties.McpServerStreamableHttpProperties;
import org.springframework.ai.mcp.server.webmvc.transport.WebMvcStreamableServerTransportProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** The HTTP transport's guards; absent in stdio mode. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class HttpSecurityConfiguration {

    @Bean
    SecurityFilterChain schemaguardSecurity(HttpSecurity http, ServerRuntime runtime) throws Exception {
        ServerSettings.Auth auth = runtime.config().server().auth();
        return auth == null ? BearerTokenSecurity.open(http) : BearerTokenSecurity.bearerTokens(http, auth);
    }

    /**
     * Spring AI's Streamable HTTP transport, as its auto-configuration makes it, plus who is calling: the principal of
     * the request (a bearer token's subject) travels with each MCP message, so tools record the token's user — not the
     * server's OS user — as requester.
     */
    @Bean
    WebMvcStreamableServerTransportProvider webMvcStreamableServerTransportProvider(
            JsonMapper jsonMapper, McpServerStreamableHttpProperties properties) {
        return WebMvcStreamableServerTransportProvider.builder()
                .jsonMapper(new JacksonMcpJsonMapper(jsonMapper))
                .mcpEndpoint(properties.getMcpEndpoint())
                .keepAliveInterval(properties.getKeepAliveInterval())
                .disallowDelete(properties.isDisallowDelete())
                .contextExtractor(HttpSecurityConfiguration::callContext)
                .build();
    }

    /** Who calls, and which session and request a tool call is (JsonRpcBodyFilter noted its id), for cancelling it. */
    private static McpTransportContext callContext(org.springframework.web.servlet.function.ServerRequest request) {
        Map<String, Object> context = new java.util.HashMap<>();
        request.principal().ifPresent(p -> context.put(CALLER, p.getName()));
        String session = request.headers().firstHeader(SessionOwnerFilter.SESSION_HEADER);
        if (session != null) {
            context.put(RunningCalls.SESSION, session);
        }
        request.attribute(RunningCalls.REQUEST_ID).ifPresent(id -> context.put(RunningCalls.REQUEST_ID, id));
        return context.isEmpty() ? McpTransportContext.EMPTY : McpTransportContext.create(context);
    }

    /** The key under which the caller's name travels in the MCP transport context. */
    public static final String CALLER = "schemaguard.caller";

    @Bean
    FilterRegistrationBean<HostOriginFilter> hostOriginFilter(ServerRuntime runtime) {
        var settings = runtime.config().server();
        FilterRegistrationBean<HostOriginFilter> registration = new FilterRegistrationBean<>(
                new HostOriginFilter(new HostOriginPolicy(settings.allowedHosts(), settings.allowedOrigins())));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<TransportErrorFilter> transportErrorFilter() {
        FilterRegistrationBean<TransportErrorFilter> registration =
                new FilterRegistrationBean<>(new TransportErrorFilter());
        registration.addUrlPatterns("/mcp");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** After the security chain (order -100), so that only a session's owner cancels its calls. */
    @Bean
    FilterRegistrationBean<CallCancellationFilter> callCancellationFilter() {
        FilterRegistrationBean<CallCancellationFilter> registration =
                new FilterRegistrationBean<>(new CallCancellationFilter("/mcp"));
        registration.addUrlPatterns("/mcp");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<JsonRpcBodyFilter> jsonRpcBodyFilter(ServerRuntime runtime) {
        FilterRegistrationBean<JsonRpcBodyFilter> registration = new FilterRegistrationBean<>(
                new JsonRpcBodyFilter("/mcp", runtime.config().server().maxRequestBytes()));
        registration.addUrlPatterns("/mcp");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
