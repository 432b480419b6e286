package dev.schemaguard.server.http;

import dev.schemaguard.tools.config.ServerSettings;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP server's Spring Security set-up. Without {@code server.auth} every request is let through (the server then
 * only binds to loopback, and Host/Origin checks keep browsers out). With it, every request but the protected-resource
 * metadata needs a bearer JWT signed by the issuer's keys, with the issuer (and audience, when configured) checked —
 * Spring Security's OAuth 2.0 resource server does the token work, including the RFC 9728 metadata document and the
 * {@code WWW-Authenticate} challenge that points clients at it, as the MCP authorization specification asks.
 */
final class BearerTokenSecurity {

    static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

    private BearerTokenSecurity() {}

    static SecurityFilterChain open(HttpSecurity http) throws Exception {
        return common(http)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .build();
    }

    static SecurityFilterChain bearerTokens(HttpSecurity http, ServerSettings.Auth auth) throws Exception {
        NimbusJwtDecoder decoder =
                NimbusJwtDecoder.withJwkSetUri(auth.jwksUri()).build();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(auth.issuer());
        if (auth.audience() != null) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, audience(auth.audience()));
        }
        decoder.setJwtValidator(validator);
        return common(http)
                // The approval pages are for people, who prove themselves with passkeys there; tokens are turned away
                // from them (AgentTokenRefusal), so no token is asked for either.
                .authorizeHttpRequests(
                        a -> a.requestMatchers(METADATA_PATH, METADATA_PATH + "/**", "/approve/**", "/approvers/**")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder))
                        .protectedResourceMetadata(m -> m.protectedResourceMetadataCustomizer(b -> {
                            b.authorizationServer(auth.issuer())
                                    .bearerMethod("header")
                                    .resourceName("schemaguard");
                            if (auth.resource() != null) {
                                b.resource(auth.resource());
                            }
                        })))
                .addFilterAfter(new CallerLogFilter(), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(new SessionOwnerFilter(), CallerLogFilter.class)
                .build();
    }

    private static HttpSecurity common(HttpSecurity http) throws Exception {
        // A JSON API for non-browser clients: no cookies, sessions, CSRF tokens, login pages or basic-auth prompts.
        return http.csrf(c -> c.disable())
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "the token is not meant for " + audience, null));
    }
}
