package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.server.runtime.ServerRuntime;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

import java.net.URI;
import java.time.Clock;
import java.util.Set;

/**
 * The approval page of the HTTP server: passkeys of registered approvers (Spring Security's WebAuthn relying party),
 * the pages, and the refusal of bearer tokens on them. The relying party is the host of server.public-url, or
 * {@code localhost} (browsers treat http://localhost as a secure context; an IP address cannot be a passkey's RP id).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@Import(ApprovalPageController.class)
public class ApprovalPageConfiguration {

    @Bean
    ApproverRegistry approverRegistry(Guard guard) {
        return new ApproverRegistry(guard.stateDir());
    }

    /** Printed on the server's own console (stderr, not the log file) when no approver is registered yet. */
    @Bean
    BootstrapCode bootstrapCode(ApproverRegistry registry) {
        if (!registry.isEmpty()) {
            return BootstrapCode.none();
        }
        BootstrapCode code = BootstrapCode.random();
        System.err.println(
                "schemaguard: no approver is registered. Open /approvers/register on this server and enter the "
                        + "one-time bootstrap code " + code.value()
                        + " (valid until the first approver is registered or the server stops).");
        return code;
    }

    @Bean
    RelyingParty relyingParty(ServerRuntime runtime) {
        return new RelyingParty(runtime.config().server().publicUrl());
    }

    @Bean
    ApplicationListener<WebServerInitializedEvent> approvalPageAddress(RelyingParty relyingParty, ApprovalLinks links) {
        return event -> {
            relyingParty.listening(event.getWebServer().getPort());
            links.setBaseUrl(relyingParty.origin());
        };
    }

    @Bean
    PasskeyCeremonies passkeyCeremonies(
            RelyingParty relyingParty, ApproverRegistry registry, Guard guard, BootstrapCode bootstrap) {
        return new PasskeyCeremonies(
                relyingParty.operations(registry),
                registry,
                guard.approvals(),
                guard.audit(),
                bootstrap,
                relyingParty.rpId(),
                Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<AgentTokenRefusal> agentTokenRefusal(Guard guard) {
        FilterRegistrationBean<AgentTokenRefusal> registration =
                new FilterRegistrationBean<>(new AgentTokenRefusal(guard.audit()));
        registration.addUrlPatterns("/approve/*", "/approvers/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** The relying party's identity: known once the server's port is (or from server.public-url). */
    public static final class RelyingParty {
        private final String publicUrl;
        private volatile String origin;

        RelyingParty(String publicUrl) {
            this.publicUrl = publicUrl;
            this.origin = publicUrl;
        }

        void listening(int port) {
            if (publicUrl == null) {
                origin = "http://localhost:" + port;
            }
        }

        String origin() {
            return origin;
        }

        String rpId() {
            return publicUrl == null ? "localhost" : URI.create(publicUrl).getHost();
        }

        Webauthn4JRelyingPartyOperations operations(ApproverRegistry registry) {
            // The allowed origin is read when a ceremony is verified, after the port is known.
            return new Webauthn4JRelyingPartyOperations(
                    registry,
                    registry,
                    PublicKeyCredentialRpEntity.builder()
                            .id(rpId())
                            .name("schemaguard approvals")
                            .build(),
                    new OriginSet(this));
        }
    }

    /** The one allowed origin, resolved late (the port is only known once the server listens). */
    static final class OriginSet extends java.util.AbstractSet<String> {
        private final RelyingParty rp;

        OriginSet(RelyingParty rp) {
            this.rp = rp;
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return Set.of(rp.origin() == null ? "" : rp.origin()).iterator();
        }

        @Override
        public int size() {
            return 1;
        }
    }
}
