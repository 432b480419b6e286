package dev.schemaguard.server.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer-token authentication of the HTTP server, against a locally generated RSA key pair whose public half is served
 * as a JWKS by a local HTTP server — the set-up a team's identity provider gives, without leaving the machine.
 */
class HttpAuthIT {

    private static final String ISSUER = "https://login.example.test/";
    private static final String INITIALIZE =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"it\",\"version\":\"1\"}}}";

    private static RSAKey key;
    private static HttpServer jwks;
    private static Process server;
    private static Path stateHome;
    private static String baseUrl;

    @BeforeAll
    static void startIdentityProviderAndServer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] keys = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        jwks.createContext("/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, keys.length);
            exchange.getResponseBody().write(keys);
            exchange.close();
        });
        jwks.start();
        Path config = Files.createTempFile("schemaguard-auth", ".yaml");
        Files.writeString(config, """
                server:
                  auth:
                    issuer: %s
                    jwks-uri: http://127.0.0.1:%d/jwks.json
                    audience: schemaguard
                    resource: https://mcp.example.test/mcp
                """.formatted(ISSUER, jwks.getAddress().getPort()));
        stateHome = Files.createTempDirectory("schemaguard-auth-state");
        ServerProcess.Http http = ServerProcess.startHttp(
                Map.of("XDG_STATE_HOME", stateHome.toString()),
                "demo",
                "--http",
                "--port",
                "0",
                "--config",
                config.toString());
        server = http.process();
        baseUrl = http.baseUrl();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        if (jwks != null) {
            jwks.stop(0);
        }
    }

    private static String token(RSAKey signer, String issuer, String audience, Instant expires) throws Exception {
        return token(signer, issuer, audience, expires, "alice@example.test");
    }

    private static String token(RSAKey signer, String issuer, String audience, Instant expires, String subject)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(audience)
                .issueTime(new Date())
                .expirationTime(Date.from(expires))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static String valid() throws Exception {
        return token(key, ISSUER, "schemaguard", Instant.now().plusSeconds(600));
    }

    private static HttpResponse<String> initialize(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body, String bearer, String session) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/mcp"))
                                .header("Content-Type", "application/json")
                                .header("Accept", "application/json, text/event-stream")
                                .header("Authorization", "Bearer " + bearer)
                                .header("Mcp-Session-Id", session)
                                .timeout(Duration.ofSeconds(10))
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSessionOpenedWithOneSubjectsTokenIsNotServedWithAnothers() throws Exception {
        String alice = valid();
        String bob = token(key, ISSUER, "schemaguard", Instant.now().plusSeconds(600), "bob@example.test");
        HttpResponse<String> opened = initialize(alice);
        String session = opened.headers().firstValue("Mcp-Session-Id").orElseThrow();
        String toolsList = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", alice, session);
        HttpResponse<String> asBob = post(toolsList, bob, session);
        assertThat(asBob.statusCode())
                .as("another subject's token does not reach alice's session")
                .isEqualTo(404);
        assertThat(asBob.body()).doesNotContain("apply_migration");
        HttpResponse<String> asAlice = post(toolsList, alice, session);
        assertThat(asAlice.statusCode()).isEqualTo(200);
        assertThat(asAlice.body()).contains("apply_migration");
        assertThat(post(toolsList, alice, "not-a-session").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutATokenTheAnswerIs401PointingAtTheProtectedResourceMetadata() throws Exception {
        HttpResponse<String> response = initialize(null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer").contains("resource_metadata="));
    }

    @Test
    void protectedResourceMetadataNamesTheIssuer() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/.well-known/oauth-protected-resource"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"authorization_servers\"")
                .contains(ISSUER)
                .contains("https://mcp.example.test/mcp");
    }

    @Test
    void aValidTokenIsAccepted() throws Exception {
        HttpResponse<String> response = initialize(valid());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"serverInfo\"").contains("schemaguard");
    }

    @Test
    void tokensThatAreForgedExpiredForeignOrForAnotherAudienceAreRefused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        assertThat(initialize(token(
                                stranger, ISSUER, "schemaguard", Instant.now().plusSeconds(600)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(initialize(token(key, ISSUER, "schemaguard", Instant.now().minusSeconds(600)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(initialize(token(
                                key,
                                "https://evil.example.test/",
                                "schemaguard",
                                Instant.now().plusSeconds(600)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(initialize(token(key, ISSUER, "another-api", Instant.now().plusSeconds(600)))
                        .statusCode())
                .isEqualTo(401);
        assertThat(initialize("not.a.jwt").statusCode()).isEqualTo(401);
    }

    @Test
    void theSdkClientWorksWithATokenEndToEnd() throws Exception {
        String bearer = valid();
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + bearer))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .build()) {
            client.initialize();
            McpSchema.CallToolResult result =
                    client.callTool(new McpSchema.CallToolRequest("list_environments", Map.of()));
            assertThat(result.isError()).isFalse();
            McpSchema.CallToolResult applied = client.callTool(new McpSchema.CallToolRequest(
                    "apply_migration",
                    Map.of("environment", "dev", "sql", "ALTER TABLE shop.customers ADD COLUMN referrer text;")));
            assertThat(applied.isError()).as(applied.content().toString()).isFalse();
        }
        // The token's user, not the server's OS user, is the requester on record.
        String audit = Files.readString(stateHome.resolve("schemaguard").resolve("audit.jsonl"));
        assertThat(audit)
                .contains("\"event\":\"apply.finished\",\"actor\":\"alice@example.test (token)\"")
                .contains("\"event\":\"tool.call\",\"actor\":\"alice@example.test (token)\"");
    }
}
