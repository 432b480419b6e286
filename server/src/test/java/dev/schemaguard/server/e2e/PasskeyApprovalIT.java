package dev.schemaguard.server.e2e;

import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proof of a human, end to end: the packaged server over HTTP, an agent's MCP client that asks to apply a migration
 * on production, and a person in headless Chromium (Debian's chromium and chromium-driver, driven by Selenium with a
 * WebAuthn virtual authenticator) who registers a passkey with the bootstrap code from the server's console and
 * approves on the approval page — after which that migration, and only it, applies. Every way around it is tried.
 */
@Tag("database")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PasskeyApprovalIT {

    static final Pattern LISTENING = Pattern.compile("MCP over Streamable HTTP at http://127\\.0\\.0\\.1:(\\d+)/mcp");
    static final Pattern BOOTSTRAP = Pattern.compile("bootstrap code ([A-Z0-9-]{19})");

    static Process server;
    static String base;
    static String bootstrapCode;
    static Path config;
    static TestDatabase prod;
    static ChromeDriver browser;
    static VirtualAuthenticator authenticator;
    static McpSyncClient agent;
    /** Pages the server sent the person at the client to (URL elicitation). */
    static final List<String> SENT_TO = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        boolean haveBrowser = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
        if (!haveBrowser && System.getenv("SCHEMAGUARD_CI") != null) {
            throw new IllegalStateException(
                    "/usr/bin/chromium and /usr/bin/chromedriver are needed: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(
                haveBrowser,
                "skipped: the approval page's browser tests need Debian's chromium and chromium-driver "
                        + "(apt-get install chromium chromium-driver); CI installs them and never skips");
        prod = TestPostgres.createDatabase("passkey_prod");
        prod.execute("CREATE TABLE accounts (id int PRIMARY KEY);");
        Path dir = Files.createTempDirectory("schemaguard-passkey");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), """
                schemaguard-policy: 1
                environments:
                  - match: {protection: [production]}
                    otherwise: approve
                    changes: {ddl: approve}
                    approval: {count: 1, self-approval: false, passkey: true}
                """);
        config = Files.writeString(
                dir.resolve("schemaguard.yaml"), """
                environments:
                  prod:
                    url: %s
                    user: postgres
                    protection: production
                server:
                  port: 0
                guard:
                  policies: [%s]
                  state-dir: %s
                """.formatted(prod.url(), policy, dir.resolve("state")));
        server = new ProcessBuilder(ServerProcess.command("serve", "--http", "--config", config.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader err = new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (base == null && System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher code = BOOTSTRAP.matcher(line);
            if (code.find()) {
                bootstrapCode = code.group(1);
            }
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                base = "http://localhost:" + listening.group(1);
            }
        }
        assertThat(base).as("the server said where it listens").isNotNull();
        assertThat(bootstrapCode)
                .as("the bootstrap code is printed on the console")
                .isNotNull();
        Thread drain = new Thread(() -> err.lines().forEach(l -> {}), "drain");
        drain.setDaemon(true);
        drain.start();

        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(new File("/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .build(),
                options);
        authenticator = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));

        agent = McpClient.sync(HttpClientStreamableHttpTransport.builder(base)
                        .endpoint("/mcp")
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .capabilities(McpSchema.ClientCapabilities.builder()
                        .elicitation(false, true)
                        .build())
                .urlElicitation(request -> {
                    SENT_TO.add(request.url());
                    return McpSchema.ElicitResult.builder(McpSchema.ElicitResult.Action.ACCEPT)
                            .build();
                })
                .build();
        agent.initialize();
    }

    @AfterAll
    static void stop() {
        if (agent != null) {
            agent.closeGracefully();
        }
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.destroy();
        }
    }

    /** The page's result line once the ceremony has finished. */
    static String result() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String text = "";
        while (System.nanoTime() < deadline) {
            text = browser.findElement(By.id("result")).getText();
            if (!text.isBlank()
                    && !text.startsWith("Waiting")
                    && !text.startsWith("Creating")
                    && !text.startsWith("Now")) {
                return text;
            }
            Thread.sleep(100);
        }
        return text;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(String sql) {
        McpSchema.CallToolResult r = agent.callTool(
                new McpSchema.CallToolRequest("apply_migration", Map.of("environment", "prod", "sql", sql)));
        assertThat(r.isError()).as(r.content().toString()).isFalse();
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    static String pendingId(String sql) {
        Map<String, Object> pending = apply(sql);
        assertThat(pending.get("status")).isEqualTo("pending-approval");
        return (String) ((Map<String, Object>) pending.get("approval")).get("id");
    }

    static boolean columnExists(String column) throws Exception {
        try (Connection c = prod.connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = '"
                                + column + "'")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }

    /** Runs an async script in the page: the last argument is the callback; resolves to the JSON text it produced. */
    static String script(String body, Object... args) {
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Object out = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => { %s })().then(r => done(JSON.stringify(r)), e => done(JSON.stringify({thrown: String(e.message || e)})));
                """.formatted(body), args);
        return String.valueOf(out);
    }

    @Test
    @Order(1)
    void registrationNeedsTheBootstrapCode() throws InterruptedException {
        browser.get(base + "/approvers/register");
        browser.findElement(By.id("name")).sendKeys("mallory");
        browser.findElement(By.id("code")).sendKeys("AAAA-BBBB-CCCC-DDDD");
        browser.findElement(By.id("register")).click();
        assertThat(result()).contains("Not registered").contains("bootstrap code");
    }

    @Test
    @Order(2)
    void aPersonRegistersAPasskeyWithTheBootstrapCode() throws InterruptedException {
        browser.get(base + "/approvers/register");
        browser.findElement(By.id("name")).sendKeys("alice");
        browser.findElement(By.id("code")).sendKeys(bootstrapCode);
        browser.findElement(By.id("register")).click();
        assertThat(result()).contains("alice is registered as an approver");
        // the code works once
        browser.get(base + "/approvers/register");
        browser.findElement(By.id("name")).sendKeys("bob");
        browser.findElement(By.id("code")).sendKeys(bootstrapCode);
        browser.findElement(By.id("register")).click();
        assertThat(result()).contains("Not registered");
    }

    @Test
    @Order(3)
    void aRegisteredApproverVouchesForAnotherWithTheirPasskey() throws Exception {
        browser.get(base + "/approvers/register");
        browser.findElement(By.id("name")).sendKeys("bob");
        browser.findElement(By.id("vouch")).click();
        assertThat(result()).contains("bob is registered as an approver");
        String audit = new String(
                new ProcessBuilder(ServerProcess.command("audit", "export", "--config", config.toString()))
                        .redirectErrorStream(true)
                        .start()
                        .getInputStream()
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(audit).contains("\"event\":\"approver.registered\"").contains("vouched for by alice");
    }

    @Test
    @Order(4)
    void theApprovedMigrationAndOnlyItAppliesAfterAPasskeyApproval() throws Exception {
        String sql = "ALTER TABLE accounts ADD COLUMN tier text;";
        String id = pendingId(sql);
        assertThat(SENT_TO)
                .as("URL elicitation sends the person at the client to the page")
                .contains(base + "/approve/" + id);

        // The CLI, as the OS user the agent also runs as, cannot approve it.
        Process cli = new ProcessBuilder(
                        ServerProcess.command("approvals", "approve", id, "--config", config.toString()))
                .redirectErrorStream(true)
                .start();
        String cliOut = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor()).isEqualTo(1);
        assertThat(cliOut)
                .contains("only on the schemaguard server's approval page")
                .contains("/approve/" + id + " in your browser");

        browser.get(base + "/approve/" + id);
        assertThat(browser.findElement(By.id("sql")).getText()).isEqualTo(sql);
        assertThat(browser.findElement(By.id("evidence")).getText())
                .as("the check's findings are shown")
                .contains("== dry run")
                .contains("== rollback");
        browser.findElement(By.id("comment")).sendKeys("reviewed the column");
        browser.findElement(By.id("approve")).click();
        assertThat(result()).startsWith("Approved.");

        // The same assertion sent again is refused: its ceremony was used.
        String replay = script("""
                const r = await fetch(`/approve/%s/answer`, {method: "POST", headers: {"Content-Type": "application/json"},
                    body: JSON.stringify(window.schemaguardLastAnswer)});
                return {status: r.status, body: await r.json()};""".formatted(id));
        assertThat(replay).contains("\"status\":400").contains("used already");

        assertThat(apply("ALTER TABLE accounts ADD COLUMN tier text; DROP TABLE accounts;")
                        .get("status"))
                .as("other SQL is not covered by the approval")
                .isEqualTo("pending-approval");
        assertThat(apply(sql).get("status")).isEqualTo("applied");
        assertThat(columnExists("tier")).isTrue();
    }

    @Test
    @Order(5)
    void anAssertionOverAnotherRequestsChallengeIsRefused() throws Exception {
        String target = pendingId("ALTER TABLE accounts ADD COLUMN a int;");
        String other = pendingId("ALTER TABLE accounts ADD COLUMN b int;");
        browser.get(base + "/approve/" + target);
        String out = script("""
                const o = await window.schemaguard.post(`/approve/%s/options`);
                const credential = await window.schemaguard.assertion(o.publicKey);
                const r = await fetch(`/approve/%s/answer`, {method: "POST", headers: {"Content-Type": "application/json"},
                    body: JSON.stringify({ceremony: o.ceremony, decision: "approve", credential})});
                return {status: r.status, body: await r.json()};""".formatted(other, target));
        assertThat(out).contains("\"status\":400").contains("for something else");
        assertThat(columnExists("a")).isFalse();
    }

    @Test
    @Order(6)
    void anAssertionWithoutUserVerificationIsRefused() {
        String id = pendingId("ALTER TABLE accounts ADD COLUMN c int;");
        browser.get(base + "/approve/" + id);
        authenticator.setUserVerified(false);
        try {
            // A page changed to ask for no user verification: the authenticator signs without it; the server refuses.
            String out = script("""
                    const o = await window.schemaguard.post(`/approve/%s/options`);
                    const credential = await window.schemaguard.assertion({...o.publicKey, userVerification: "discouraged"});
                    const r = await fetch(`/approve/%s/answer`, {method: "POST", headers: {"Content-Type": "application/json"},
                        body: JSON.stringify({ceremony: o.ceremony, decision: "approve", credential})});
                    return {status: r.status, body: await r.json()};""".formatted(id, id));
            assertThat(out).contains("\"status\":400").contains("not accepted").contains("UV flag");
        } finally {
            authenticator.setUserVerified(true);
        }
    }

    @Test
    @Order(7)
    void aKeyThatIsNotRegisteredCannotApprove() throws Exception {
        String id = pendingId("ALTER TABLE accounts ADD COLUMN d int;");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] privateKey = generator.generateKeyPair().getPrivate().getEncoded();
        VirtualAuthenticator stranger = ((HasVirtualAuthenticator) browser)
                .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                        .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                        .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                        .setHasResidentKey(true)
                        .setHasUserVerification(true)
                        .setIsUserVerified(true));
        stranger.addCredential(Credential.createResidentCredential(
                new byte[] {1, 2, 3, 4},
                "localhost",
                new java.security.spec.PKCS8EncodedKeySpec(privateKey),
                new byte[] {9, 9},
                0));
        ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
        try {
            browser.get(base + "/approve/" + id);
            String out = script("""
                    const o = await window.schemaguard.post(`/approve/%s/options`);
                    const credential = await window.schemaguard.assertion({...o.publicKey, allowCredentials: []});
                    const r = await fetch(`/approve/%s/answer`, {method: "POST", headers: {"Content-Type": "application/json"},
                        body: JSON.stringify({ceremony: o.ceremony, decision: "approve", credential})});
                    return {status: r.status, body: await r.json()};""".formatted(id, id));
            assertThat(out)
                    .contains("\"status\":400")
                    .contains("not accepted")
                    .contains("Unable to find CredentialRecord");
        } finally {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(stranger);
        }
    }

    @Test
    @Order(8)
    void aBearerTokenIsTurnedAwayFromEveryApprovalRoute() throws Exception {
        String id = pendingId("ALTER TABLE accounts ADD COLUMN e int;");
        HttpClient http = HttpClient.newHttpClient();
        for (String[] route : List.of(
                new String[] {"GET", "/approve/" + id},
                new String[] {"POST", "/approve/" + id + "/options"},
                new String[] {"POST", "/approve/" + id + "/answer"},
                new String[] {"GET", "/approvers/register"},
                new String[] {"POST", "/approvers/register/options"},
                new String[] {"POST", "/approvers/register"},
                new String[] {"POST", "/approvers/vouch/options"})) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + route[1]))
                    .header("Authorization", "Bearer agent-token")
                    .header("Content-Type", "application/json")
                    .method(
                            route[0],
                            route[0].equals("GET")
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(route[0] + " " + route[1])
                    .isEqualTo(403);
        }
        assertThat(columnExists("e")).isFalse();
    }
}
