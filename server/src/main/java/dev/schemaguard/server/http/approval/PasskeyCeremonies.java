package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.policies.approval.Identity;
import dev.schemaguard.policies.audit.AuditLog;
import dev.schemaguard.tools.ToolException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The WebAuthn ceremonies of the approval page, verified by Spring Security's relying party (webauthn4j): registering
 * an approver's passkey (with the bootstrap code, or vouched for by an existing approver's assertion), and answering an
 * approval request with an assertion — with user verification — over a challenge derived from the request's binding.
 * Each ceremony's options live on the server and are used once: an assertion cannot be replayed, nor used for another
 * request, nor made by a key that is not registered.
 */
public final class PasskeyCeremonies {

    private static final Duration CEREMONY_LIFETIME = Duration.ofMinutes(5);
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{1,62}");

    private enum Kind {
        REGISTER,
        VOUCH,
        ANSWER
    }

    private record Pending(Kind kind, String subject, Object options, Instant expires) {}

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final ApproverRegistry registry;
    private final Approvals approvals;
    private final AuditLog audit;
    private final BootstrapCode bootstrap;
    private final String rpId;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public PasskeyCeremonies(
            WebAuthnRelyingPartyOperations relyingParty,
            ApproverRegistry registry,
            Approvals approvals,
            AuditLog audit,
            BootstrapCode bootstrap,
            String rpId,
            Clock clock) {
        this.relyingParty = relyingParty;
        this.registry = registry;
        this.approvals = approvals;
        this.audit = audit;
        this.bootstrap = bootstrap;
        this.rpId = rpId;
        this.clock = clock;
    }

    public record Ceremony(String ceremony, Object publicKey) {}

    /** Options to create a passkey for {@code name}; the bootstrap code, or a vouching ceremony that was completed. */
    public Ceremony registrationOptions(
            String name,
            String bootstrapCode,
            String vouchCeremony,
            PublicKeyCredential<AuthenticatorAssertionResponse> vouch) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ToolException(
                    "An approver name is a user name: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        }
        if (registry.findByUsername(name) != null) {
            throw new ToolException("'" + name + "' is registered already.");
        }
        String vouchedBy = null;
        if (vouch != null) {
            Pending p = take(vouchCeremony, Kind.VOUCH, name);
            vouchedBy = verify((PublicKeyCredentialRequestOptions) p.options(), vouch)
                    .getName();
        } else if (!bootstrap.matches(bootstrapCode)) {
            audit.append(
                    "approver.registration-refused",
                    "browser",
                    Map.of("name", name, "why", "no valid bootstrap code and no approver's assertion"));
            throw new ToolException(
                    "Registering an approver needs the one-time bootstrap code from the server's console, or an "
                            + "existing approver's passkey.");
        }
        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(
                        UsernamePasswordAuthenticationToken.authenticated(name, null, List.of())));
        return open(
                Kind.REGISTER,
                name + "\n" + (vouchedBy == null ? "bootstrap code" : "vouched for by " + vouchedBy),
                options);
    }

    public String register(String ceremony, RelyingPartyPublicKey key) {
        Pending p = take(ceremony, Kind.REGISTER, null);
        String[] subject = p.subject().split("\n", 2);
        relyingParty.registerCredential(
                new ImmutableRelyingPartyRegistrationRequest((PublicKeyCredentialCreationOptions) p.options(), key));
        if (subject[1].equals("bootstrap code")) {
            bootstrap.useUp();
        }
        audit.append("approver.registered", subject[0] + " (passkey)", Map.of("name", subject[0], "how", subject[1]));
        return subject[0];
    }

    /** An existing approver vouches for registering {@code name}: an assertion over a challenge bound to that name. */
    public Ceremony vouchOptions(String name) {
        return open(Kind.VOUCH, name, requestOptions(digest("register\n" + name)));
    }

    /** Options to answer request {@code id}: the challenge is derived from the request's binding. */
    public Ceremony answerOptions(String id) {
        ApprovalRequest request = approvals.show(id);
        if (!request.status().equals("pending")) {
            throw new ToolException("Request " + id + " is " + request.status() + "; there is nothing to answer.");
        }
        if (registry.isEmpty()) {
            throw new ToolException("No approver is registered yet: register one at /approvers/register first.");
        }
        return open(Kind.ANSWER, id, requestOptions(digest("answer\n" + request.binding())));
    }

    public ApprovalRequest answer(
            String id,
            String ceremony,
            String decision,
            String comment,
            PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
        Pending p = take(ceremony, Kind.ANSWER, id);
        PublicKeyCredentialUserEntity approver = verify((PublicKeyCredentialRequestOptions) p.options(), credential);
        ApprovalRequest request = approvals.show(id);
        byte[] signed = java.util.Arrays.copyOf(
                ((PublicKeyCredentialRequestOptions) p.options()).getChallenge().getBytes(), 16);
        if (!java.util.Arrays.equals(signed, digestPrefix("answer\n" + request.binding()))) {
            throw new ToolException("The request changed since its challenge was issued; reload the page.");
        }
        Identity who = new Identity(approver.getName(), java.util.Set.of(), Identity.PASSKEY);
        return "approve".equals(decision) ? approvals.approve(id, who, comment) : approvals.reject(id, who, comment);
    }

    private PublicKeyCredentialUserEntity verify(
            PublicKeyCredentialRequestOptions options, PublicKeyCredential<AuthenticatorAssertionResponse> credential) {
        try {
            return relyingParty.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
        } catch (RuntimeException e) {
            audit.append("passkey.rejected", "browser", Map.of("why", String.valueOf(e.getMessage())));
            throw new ToolException("The passkey assertion was not accepted: " + e.getMessage());
        }
    }

    private PublicKeyCredentialRequestOptions requestOptions(byte[] challenge) {
        List<PublicKeyCredentialDescriptor> allowed = registry.allCredentials().stream()
                .map(c -> PublicKeyCredentialDescriptor.builder()
                        .type(PublicKeyCredentialType.PUBLIC_KEY)
                        .id(c.getCredentialId())
                        .transports(c.getTransports())
                        .build())
                .toList();
        return PublicKeyCredentialRequestOptions.builder()
                .challenge(new Bytes(challenge))
                .timeout(CEREMONY_LIFETIME)
                .rpId(rpId)
                .allowCredentials(allowed)
                .userVerification(UserVerificationRequirement.REQUIRED)
                .build();
    }

    /** The first 16 bytes name what is signed; the last 16 are random, so every ceremony's challenge is new. */
    private byte[] digest(String purpose) {
        byte[] challenge = new byte[32];
        System.arraycopy(digestPrefix(purpose), 0, challenge, 0, 16);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, challenge, 16, 16);
        return challenge;
    }

    private static byte[] digestPrefix(String purpose) {
        try {
            byte[] full = MessageDigest.getInstance("SHA-256").digest(purpose.getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(full, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Ceremony open(Kind kind, String subject, Object options) {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.expires().isBefore(now));
        byte[] id = new byte[16];
        random.nextBytes(id);
        String ceremony = HexFormat.of().formatHex(id);
        pending.put(ceremony, new Pending(kind, subject, options, now.plus(CEREMONY_LIFETIME)));
        return new Ceremony(ceremony, options);
    }

    /** The ceremony's options, removed: a second use of the same ceremony finds nothing. */
    private Pending take(String ceremony, Kind kind, String subject) {
        Pending p = ceremony == null ? null : pending.remove(ceremony);
        if (p == null
                || p.expires().isBefore(clock.instant())
                || p.kind() != kind
                || (subject != null && !p.subject().equals(subject))) {
            throw new ToolException(
                    "This ceremony is unknown, used already, expired, or for something else; start again.");
        }
        return p;
    }
}
