package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.Guard;
import dev.schemaguard.policies.approval.ApprovalRequest;
import dev.schemaguard.policies.approval.Approvals;
import dev.schemaguard.tools.ToolException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The approval page (a person reads the request and answers with a passkey) and the approver registration page. No
 * route here answers to a bearer token: {@link AgentTokenRefusal} turns those away before they arrive.
 */
@RestController
public class ApprovalPageController {

    private static final Logger LOG = LoggerFactory.getLogger(ApprovalPageController.class);
    private static final JsonMapper JSON =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final Approvals approvals;
    private final PasskeyCeremonies ceremonies;
    private final ApproverRegistry registry;

    public ApprovalPageController(Guard guard, PasskeyCeremonies ceremonies, ApproverRegistry registry) {
        this.approvals = guard.approvals();
        this.ceremonies = ceremonies;
        this.registry = registry;
    }

    @GetMapping("/approve/passkeys.js")
    public ResponseEntity<String> script() throws IOException {
        String js = new ClassPathResource("dev/schemaguard/server/http/approval/passkeys.js")
                .getContentAsString(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                .body(js);
    }

    @GetMapping("/approve/{id}")
    public ResponseEntity<String> page(@PathVariable String id) {
        try {
            ApprovalRequest request = approvals.show(id);
            return ResponseEntity.ok().contentType(HTML).body(ApprovalPages.approval(request));
        } catch (ToolException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(HTML)
                    .body("<!doctype html><p>" + ApprovalPages.escape(e.getMessage()) + "</p>");
        }
    }

    @PostMapping(value = "/approve/{id}/options", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> answerOptions(@PathVariable String id) {
        return json(() -> ceremonies.answerOptions(id));
    }

    @PostMapping(value = "/approve/{id}/answer", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> answer(@PathVariable String id, @RequestBody String body) {
        return json(() -> {
            JsonNode answer = JSON.readTree(body);
            ApprovalRequest r = ceremonies.answer(
                    id,
                    answer.path("ceremony").asString(null),
                    answer.path("decision").asString(null),
                    answer.path("comment").asString(null),
                    assertion(answer.path("credential")));
            String message = switch (r.status()) {
                case "approved" ->
                    "Approved. The agent applies it by sending exactly the same SQL again before " + r.expires() + ".";
                case "rejected" -> "Rejected. Nothing will be applied.";
                default ->
                    "Your approval is recorded; still needed: " + r.needs().describe() + ".";
            };
            return Map.of("status", r.status(), "message", message);
        });
    }

    @GetMapping("/approvers/register")
    public ResponseEntity<String> registrationPage() {
        return ResponseEntity.ok().contentType(HTML).body(ApprovalPages.registration(registry.isEmpty()));
    }

    @PostMapping(value = "/approvers/vouch/options", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> vouchOptions(@RequestBody String body) {
        return json(() -> {
            if (registry.isEmpty()) {
                throw new ToolException("No approver is registered yet to vouch; use the bootstrap code.");
            }
            return ceremonies.vouchOptions(JSON.readTree(body).path("name").asString(null));
        });
    }

    @PostMapping(value = "/approvers/register/options", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> registrationOptions(@RequestBody String body) {
        return json(() -> {
            JsonNode request = JSON.readTree(body);
            JsonNode vouch = request.path("vouch");
            return ceremonies.registrationOptions(
                    request.path("name").asString(null),
                    request.path("code").asString(null),
                    vouch.path("ceremony").asString(null),
                    vouch.isMissingNode() ? null : assertion(vouch.path("credential")));
        });
    }

    @PostMapping(value = "/approvers/register", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> register(@RequestBody String body) {
        return json(() -> {
            JsonNode request = JSON.readTree(body);
            RelyingPartyPublicKey key = JSON.treeToValue(request.path("publicKey"), RelyingPartyPublicKey.class);
            String name = ceremonies.register(request.path("ceremony").asString(null), key);
            return Map.of("success", true, "message", name + " is registered as an approver.");
        });
    }

    private static PublicKeyCredential<AuthenticatorAssertionResponse> assertion(JsonNode credential) {
        if (credential == null || credential.isMissingNode() || credential.isNull()) {
            throw new ToolException("No passkey assertion was sent.");
        }
        return JSON.convertValue(
                credential, new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {});
    }

    private interface Action {
        Object run() throws Exception;
    }

    private ResponseEntity<String> json(Action action) {
        try {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(action.run()));
        } catch (ToolException e) {
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(Map.of("error", e.getMessage())));
        } catch (Exception e) {
            LOG.info("approval page request refused: {}", e.toString());
            return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(JSON.writeValueAsString(
                            Map.of("error", "malformed request: " + e.getClass().getSimpleName())));
        }
    }
}
