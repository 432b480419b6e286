package dev.schemaguard.server.http;

import dev.schemaguard.server.mcp.ServerRuntime;
import dev.schemaguard.tools.config.ServerSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The HTTP transport's guards; absent in stdio mode. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class HttpSecurityConfiguration {

    @Bean
    SecurityFilterChain schemaguardSecurity(HttpSecurity http, ServerRuntime runtime) throws Exception {
        ServerSettings.Auth auth = runtime.config().server().auth();
        return auth == null ? BearerTokenSecurity.open(http) : BearerTokenSecurity.bearerTokens(http, auth);
    }

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
        FilterRegistrationBean<TransportErrorFilter> registration = new FilterRegistrationBean<>(new TransportErrorFilter());
        registration.addUrlPatterns("/mcp");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
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
