package dev.schemaguard.server.http.approval;

import dev.schemaguard.tools.ToolException;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The registered approvers and their passkeys (public keys only), for Spring Security's WebAuthn relying party, kept
 * in {@code approvers.json} in the state directory (written atomically).
 */
public final class ApproverRegistry implements PublicKeyCredentialUserEntityRepository, UserCredentialRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record StoredUser(String id, String name, String displayName) {}

    record StoredCredential(
            String credentialId,
            String userId,
            String publicKey,
            long signatureCount,
            boolean uvInitialized,
            List<String> transports,
            boolean backupEligible,
            boolean backupState,
            String attestationObject,
            String attestationClientDataJSON,
            String label,
            Instant created,
            Instant lastUsed) {}

    record Stored(List<StoredUser> users, List<StoredCredential> credentials) {}

    private final Path file;
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, StoredCredential> credentials = new LinkedHashMap<>();

    public ApproverRegistry(Path stateDir) {
        this.file = stateDir.resolve("approvers.json");
        if (Files.exists(file)) {
            try {
                Stored stored = JSON.readValue(file.toFile(), Stored.class);
                stored.users().forEach(u -> users.put(u.id(), u));
                stored.credentials().forEach(c -> credentials.put(c.credentialId(), c));
            } catch (RuntimeException e) {
                throw new ToolException("The approver registry " + file + " cannot be read: " + e.getMessage());
            }
        }
    }

    public synchronized boolean isEmpty() {
        return credentials.isEmpty();
    }

    public synchronized List<String> approverNames() {
        return users.values().stream().map(StoredUser::name).toList();
    }

    @Override
    public synchronized PublicKeyCredentialUserEntity findById(Bytes id) {
        StoredUser u = users.get(id.toBase64UrlString());
        return u == null ? null : entity(u);
    }

    @Override
    public synchronized PublicKeyCredentialUserEntity findByUsername(String username) {
        return users.values().stream()
                .filter(u -> u.name().equals(username))
                .findFirst()
                .map(ApproverRegistry::entity)
                .orElse(null);
    }

    @Override
    public synchronized void save(PublicKeyCredentialUserEntity user) {
        users.put(
                user.getId().toBase64UrlString(),
                new StoredUser(user.getId().toBase64UrlString(), user.getName(), user.getDisplayName()));
        write();
    }

    @Override
    public synchronized void delete(Bytes id) {
        users.remove(id.toBase64UrlString());
        credentials.remove(id.toBase64UrlString());
        write();
    }

    @Override
    public synchronized void save(CredentialRecord c) {
        credentials.put(
                c.getCredentialId().toBase64UrlString(),
                new StoredCredential(
                        c.getCredentialId().toBase64UrlString(),
                        c.getUserEntityUserId().toBase64UrlString(),
                        new Bytes(c.getPublicKey().getBytes()).toBase64UrlString(),
                        c.getSignatureCount(),
                        c.isUvInitialized(),
                        c.getTransports() == null
                                ? List.of()
                                : c.getTransports().stream()
                                        .map(AuthenticatorTransport::getValue)
                                        .toList(),
                        c.isBackupEligible(),
                        c.isBackupState(),
                        b64(c.getAttestationObject()),
                        b64(c.getAttestationClientDataJSON()),
                        c.getLabel(),
                        c.getCreated(),
                        c.getLastUsed()));
        write();
    }

    @Override
    public synchronized CredentialRecord findByCredentialId(Bytes credentialId) {
        StoredCredential c = credentials.get(credentialId.toBase64UrlString());
        return c == null ? null : record(c);
    }

    @Override
    public synchronized List<CredentialRecord> findByUserId(Bytes userId) {
        String id = userId.toBase64UrlString();
        return credentials.values().stream()
                .filter(c -> c.userId().equals(id))
                .map(ApproverRegistry::record)
                .collect(Collectors.toList());
    }

    /** Every registered credential, for the allow-list of an approval ceremony. */
    public synchronized List<CredentialRecord> allCredentials() {
        return credentials.values().stream().map(ApproverRegistry::record).collect(Collectors.toList());
    }

    private static String b64(Bytes b) {
        return b == null ? null : b.toBase64UrlString();
    }

    private static PublicKeyCredentialUserEntity entity(StoredUser u) {
        return ImmutablePublicKeyCredentialUserEntity.builder()
                .id(Bytes.fromBase64(u.id()))
                .name(u.name())
                .displayName(u.displayName())
                .build();
    }

    private static CredentialRecord record(StoredCredential c) {
        Set<AuthenticatorTransport> transports =
                c.transports().stream().map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
        return ImmutableCredentialRecord.builder()
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .credentialId(Bytes.fromBase64(c.credentialId()))
                .userEntityUserId(Bytes.fromBase64(c.userId()))
                .publicKey(new ImmutablePublicKeyCose(
                        Bytes.fromBase64(c.publicKey()).getBytes()))
                .signatureCount(c.signatureCount())
                .uvInitialized(c.uvInitialized())
                .transports(transports)
                .backupEligible(c.backupEligible())
                .backupState(c.backupState())
                .attestationObject(c.attestationObject() == null ? null : Bytes.fromBase64(c.attestationObject()))
                .attestationClientDataJSON(
                        c.attestationClientDataJSON() == null ? null : Bytes.fromBase64(c.attestationClientDataJSON()))
                .label(c.label())
                .created(c.created())
                .lastUsed(c.lastUsed())
                .build();
    }

    private void write() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("approvers.json.tmp");
            Files.write(
                    tmp,
                    JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(new Stored(
                                    new ArrayList<>(users.values()), new ArrayList<>(credentials.values()))));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ToolException("Cannot write the approver registry " + file + ": " + e.getMessage());
        }
    }
}
