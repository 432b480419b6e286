package dev.schemaguard.server.http;

import dev.schemaguard.server.mcp.ServerRuntime;
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
    FilterRegistrationBean<HostOriginFilter> hostOriginFilter(ServerRuntime runtime) {
        var settings = runtime.config().server();
        FilterRegistrationBean<HostOriginFilter> registration = new FilterRegistrationBean<>(
                new HostOriginFilter(new HostOriginPolicy(settings.allowedHosts(), settings.allowedOrigins())));
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
