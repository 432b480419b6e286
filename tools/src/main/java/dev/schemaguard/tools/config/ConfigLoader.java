package dev.schemaguard.tools.config;

import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.Severity;
import dev.schemaguard.tools.lint.rules.LintRules;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code schemaguard.yaml}. Strict on purpose: an unknown key, a wrong type or a password written in clear is
 * refused with file, line and key, because a protection that quietly ignores a misspelt setting is no protection.
 */
public final class ConfigLoader {

    public static final String FILE_NAME = "schemaguard.yaml";
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

    private final Path file;
    private final YamlFile yaml;

    private ConfigLoader(Path file) {
        this.file = file;
        this.yaml = new YamlFile(file);
    }

    /**
     * Finds and reads the configuration: {@code explicitFile} when given (it must exist), else {@code ./schemaguard.yaml},
     * else {@code ~/.config/schemaguard/schemaguard.yaml}, else the environments of a running {@code schemaguard demo
     * --keep}, else an empty configuration (no environments).
     */
    public static SchemaguardConfig load(Path explicitFile) {
        Optional<Path> found = locate(
                explicitFile,
                Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home")),
                keptDemoDirectory());
        return found.map(ConfigLoader::read).orElseGet(() -> SchemaguardConfig.of(List.of()));
    }

    /** Where {@code schemaguard demo --keep} writes the configuration of its environments while it runs. */
    public static Path keptDemoDirectory() {
        return GuardSettings.defaultStateDir().resolve("demo");
    }

    /** The file in the kept demo's directory that names the process keeping it. */
    public static final String KEPT_DEMO_PID = "demo.pid";

    /**
     * As {@link #locate(Path, Path, Path)}, then the configuration of a demo kept by {@code schemaguard demo --keep},
     * while the process that keeps it runs.
     */
    static Optional<Path> locate(Path explicitFile, Path workingDirectory, Path home, Path keptDemo) {
        Optional<Path> found = locate(explicitFile, workingDirectory, home);
        if (found.isPresent() || keptDemo == null || !Files.isRegularFile(keptDemo.resolve(FILE_NAME))) {
            return found;
        }
        // files left by a demo that did not stop cleanly are not a configuration to use
        return keptDemoProcess(keptDemo).map(pid -> keptDemo.resolve(FILE_NAME));
    }

    /** The process keeping the demo in {@code keptDemo} ({@value #KEPT_DEMO_PID}), while it runs. */
    public static Optional<Long> keptDemoProcess(Path keptDemo) {
        try {
            long pid = Long.parseLong(
                    Files.readString(keptDemo.resolve(KEPT_DEMO_PID)).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (java.io.IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Optional<Path> locate(Path explicitFile, Path workingDirectory, Path home) {
        if (explicitFile != null) {
            if (!Files.isRegularFile(explicitFile)) {
                throw new ConfigException(
                        "Configuration file " + explicitFile + " (from --config) does not exist or is not a file.");
            }
            return Optional.of(explicitFile);
        }
        for (Path candidate : List.of(
                workingDirectory.resolve(FILE_NAME),
                home.resolve(".config/schemaguard").resolve(FILE_NAME))) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Reads one configuration file. */
    public static SchemaguardConfig read(Path file) {
        ConfigLoader loader = new ConfigLoader(file);
        return loader.parse(loader.yaml.root());
    }

    private SchemaguardConfig parse(Node root) {
        if (root == null) {
            return new SchemaguardConfig(
                    file,
                    Map.of(),
                    ServerSettings.defaults(),
                    SchemaguardConfig.DEFAULT_INSPECT_BUDGET_TOKENS,
                    SchemaguardConfig.DEFAULT_STATEMENT_TIMEOUT,
                    LintSettings.defaults(),
                    SandboxSettings.embedded(),
                    GuardSettings.defaults(),
                    List.of(),
                    Map.of());
        }
        Map<String, NodeTuple> top = yaml.mapping(
                root, "top level", Set.of("environments", "server", "inspect", "lint", "sandbox", "guard", "code"));
        Map<String, EnvironmentConfig> environments = new LinkedHashMap<>();
        if (top.containsKey("environments")) {
            NodeTuple t = top.get("environments");
            Map<String, NodeTuple> envs = yaml.mapping(t.getValueNode(), "environments", null);
            for (Map.Entry<String, NodeTuple> e : envs.entrySet()) {
                environments.put(e.getKey(), environment(e.getKey(), e.getValue()));
            }
            for (Map.Entry<String, NodeTuple> e : envs.entrySet()) {
                String provenOn = environments.get(e.getKey()).drift().provenOn();
                if (provenOn != null && !environments.containsKey(provenOn)) {
                    throw yaml.error(
                            e.getValue().getValueNode(),
                            "environments." + e.getKey() + ".proven-on",
                            "no environment named '" + provenOn + "'; known: "
                                    + String.join(", ", environments.keySet()));
                }
            }
        }
        ServerSettings server =
                top.containsKey("server") ? server(top.get("server").getValueNode()) : ServerSettings.defaults();
        int budget = SchemaguardConfig.DEFAULT_INSPECT_BUDGET_TOKENS;
        Duration timeout = SchemaguardConfig.DEFAULT_STATEMENT_TIMEOUT;
        if (top.containsKey("inspect")) {
            Map<String, NodeTuple> inspect = yaml.mapping(
                    top.get("inspect").getValueNode(), "inspect", Set.of("budget-tokens", "statement-timeout"));
            if (inspect.containsKey("budget-tokens")) {
                budget = yaml.positiveInt(inspect.get("budget-tokens"), "inspect.budget-tokens", 1_000, 1_000_000);
            }
            if (inspect.containsKey("statement-timeout")) {
                timeout = yaml.duration(inspect.get("statement-timeout"), "inspect.statement-timeout");
            }
        }
        LintSettings lint = top.containsKey("lint") ? lint(top.get("lint").getValueNode()) : LintSettings.defaults();
        SandboxSettings sandbox =
                top.containsKey("sandbox") ? sandbox(top.get("sandbox").getValueNode()) : SandboxSettings.embedded();

        GuardSettings guard =
                top.containsKey("guard") ? guard(top.get("guard").getValueNode()) : GuardSettings.defaults();
        List<Path> codeRoots = new ArrayList<>();
        Map<String, Path> codeServices = new java.util.LinkedHashMap<>();
        if (top.containsKey("code")) {
            Map<String, NodeTuple> code =
                    yaml.mapping(top.get("code").getValueNode(), "code", Set.of("roots", "services"));
            if (code.containsKey("services")) {
                Map<String, NodeTuple> services =
                        yaml.mapping(code.get("services").getValueNode(), "code.services", null);
                for (Map.Entry<String, NodeTuple> service : services.entrySet()) {
                    Path directory =
                            relativeToConfig(yaml.string(service.getValue(), "code.services." + service.getKey()));
                    if (!Files.isDirectory(directory)) {
                        throw yaml.error(
                                service.getValue().getValueNode(),
                                "code.services." + service.getKey(),
                                directory + " is not a directory");
                    }
                    codeServices.put(service.getKey(), directory);
                }
            }
            if (code.containsKey("roots")) {
                codeRoots.addAll(directories(code.get("roots"), "code.roots"));
            }
        }
        return new SchemaguardConfig(
                file, environments, server, budget, timeout, lint, sandbox, guard, codeRoots, codeServices);
    }

    private GuardSettings guard(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(node, "guard", Set.of("policies", "state-dir", "store"));
        List<Path> policies = new ArrayList<>();
        if (fields.containsKey("policies")) {
            for (String p : yaml.strings(fields.get("policies"), "guard.policies")) {
                Path policy = relativeToConfig(p);
                if (!Files.isReadable(policy)) {
                    throw yaml.error(
                            fields.get("policies").getValueNode(),
                            "guard.policies",
                            "policy file " + policy
                                    + " does not exist or cannot be read; a guard without its policy does not start");
                }
                policies.add(policy);
            }
        }
        Path stateDir = fields.containsKey("state-dir")
                ? relativeToConfig(yaml.string(fields.get("state-dir"), "guard.state-dir"))
                : null;
        GuardSettings.Store store = null;
        if (fields.containsKey("store")) {
            Map<String, NodeTuple> db = yaml.mapping(
                    fields.get("store").getValueNode(),
                    "guard.store",
                    Set.of("url", "user", "password", "password-file"));
            if (!db.containsKey("url")) {
                throw yaml.error(fields.get("store").getValueNode(), "guard.store.url", "missing");
            }
            String url = yaml.string(db.get("url"), "guard.store.url");
            if (!url.startsWith("jdbc:postgresql://")) {
                throw yaml.error(
                        db.get("url").getValueNode(),
                        "guard.store.url",
                        "expected jdbc:postgresql://host:port/database");
            }
            store = new GuardSettings.Store(
                    url,
                    db.containsKey("user") ? yaml.string(db.get("user"), "guard.store.user") : null,
                    password(db, "guard.store"));
        }
        return new GuardSettings(policies, stateDir, "starter", store);
    }

    private Path relativeToConfig(String value) {
        Path path = Path.of(value);
        return path.isAbsolute() || file.toAbsolutePath().getParent() == null
                ? path
                : file.toAbsolutePath().getParent().resolve(path);
    }

    private SandboxSettings sandbox(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(node, "sandbox", Set.of("provider", "server", "image", "masking"));
        SampleMasking masking =
                fields.containsKey("masking") ? masking(fields.get("masking").getValueNode()) : SampleMasking.BUILT_IN;
        if (fields.containsKey("image")
                && !"testcontainers"
                        .equals(
                                fields.containsKey("provider")
                                        ? yaml.string(fields.get("provider"), "sandbox.provider")
                                        : null)) {
            throw yaml.error(fields.get("image").getKeyNode(), "sandbox.image", "only with provider: testcontainers");
        }
        String provider =
                fields.containsKey("provider") ? yaml.string(fields.get("provider"), "sandbox.provider") : "embedded";
        switch (provider) {
            case "embedded" -> {
                if (fields.containsKey("server")) {
                    throw yaml.error(fields.get("server").getKeyNode(), "sandbox.server", "only with provider: server");
                }
                return new SandboxSettings(null, null, masking);
            }
            case "server" -> {
                if (!fields.containsKey("server")) {
                    throw yaml.error(
                            node,
                            "sandbox.server",
                            "missing; provider: server needs url, user and password or password-file");
                }
                Map<String, NodeTuple> server = yaml.mapping(
                        fields.get("server").getValueNode(),
                        "sandbox.server",
                        Set.of("url", "user", "password", "password-file"));
                if (!server.containsKey("url")) {
                    throw yaml.error(fields.get("server").getValueNode(), "sandbox.server.url", "missing");
                }
                String url = yaml.string(server.get("url"), "sandbox.server.url");
                if (!url.startsWith("jdbc:postgresql://")) {
                    throw yaml.error(
                            server.get("url").getValueNode(),
                            "sandbox.server.url",
                            "expected jdbc:postgresql://host:port/database");
                }
                String user =
                        server.containsKey("user") ? yaml.string(server.get("user"), "sandbox.server.user") : null;
                return new SandboxSettings(
                        new SandboxSettings.Server(url, user, password(server, "sandbox.server")), null, masking);
            }
            case "testcontainers" -> {
                // without a tag, the container runs the target's major version: postgres:<major>
                String image =
                        fields.containsKey("image") ? yaml.string(fields.get("image"), "sandbox.image") : "postgres";
                return new SandboxSettings(null, image, masking);
            }
            default ->
                throw yaml.error(
                        fields.get("provider").getValueNode(),
                        "sandbox.provider",
                        "expected embedded, server or testcontainers, was '" + provider + "'");
        }
    }

    private SampleMasking masking(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(node, "sandbox.masking", Set.of("mask", "keep"));
        List<String> mask =
                fields.containsKey("mask") ? yaml.strings(fields.get("mask"), "sandbox.masking.mask") : List.of();
        List<String> keep =
                fields.containsKey("keep") ? yaml.strings(fields.get("keep"), "sandbox.masking.keep") : List.of();
        for (String key : List.of("mask", "keep")) {
            if (fields.containsKey(key)) {
                for (String pattern : key.equals("mask") ? mask : keep) {
                    String problem = SampleMasking.problem(pattern);
                    if (problem != null) {
                        throw yaml.error(fields.get(key).getValueNode(), "sandbox.masking." + key, problem);
                    }
                }
            }
        }
        return new SampleMasking(mask, keep);
    }

    private LintSettings lint(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(
                node,
                "lint",
                Set.of("target-version", "assume-in-transaction", "rules", "big-table-rows", "exclude", "baseline"));
        Integer version = fields.containsKey("target-version")
                ? yaml.positiveInt(fields.get("target-version"), "lint.target-version", 9, 99)
                : null;
        boolean inTransaction = !fields.containsKey("assume-in-transaction")
                || yaml.bool(fields.get("assume-in-transaction"), "lint.assume-in-transaction");
        long bigTableRows = fields.containsKey("big-table-rows")
                ? yaml.positiveInt(fields.get("big-table-rows"), "lint.big-table-rows", 1, Integer.MAX_VALUE)
                : LintSettings.DEFAULT_BIG_TABLE_ROWS;
        List<String> exclude =
                fields.containsKey("exclude") ? yaml.strings(fields.get("exclude"), "lint.exclude") : List.of();
        String baseline = null;
        if (fields.containsKey("baseline")) {
            Path path = Path.of(yaml.string(fields.get("baseline"), "lint.baseline"));
            baseline = (path.isAbsolute() || file == null || file.getParent() == null
                            ? path
                            : file.getParent().resolve(path))
                    .toString();
        }
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (fields.containsKey("rules")) {
            Set<String> known = new java.util.TreeSet<>(
                    LintRules.all().stream().map(r -> r.id()).toList());
            for (Map.Entry<String, NodeTuple> rule : yaml.mapping(
                            fields.get("rules").getValueNode(), "lint.rules", null)
                    .entrySet()) {
                String where = "lint.rules." + rule.getKey();
                if (!known.contains(rule.getKey())) {
                    throw yaml.error(
                            rule.getValue().getKeyNode(),
                            where,
                            "no such rule; the rules are listed in docs/rules/README.md");
                }
                String value = yaml.string(rule.getValue(), where).toLowerCase(java.util.Locale.ROOT);
                switch (value) {
                    case "error", "warning", "info", "off" ->
                        severities.put(rule.getKey(), Severity.valueOf(value.toUpperCase(java.util.Locale.ROOT)));
                    default ->
                        throw yaml.error(
                                rule.getValue().getValueNode(),
                                where,
                                "expected error, warning, info or off, was '" + value + "'");
                }
            }
        }
        return new LintSettings(version, inTransaction, severities, bigTableRows, exclude, baseline);
    }

    private EnvironmentConfig environment(String name, NodeTuple tuple) {
        String where = "environments." + name;
        if (!ENV_NAME.matcher(name).matches()) {
            throw yaml.error(
                    tuple.getKeyNode(),
                    where,
                    "environment names start with a letter and hold only letters, digits, '-' and '_'");
        }
        Map<String, NodeTuple> fields = yaml.mapping(
                tuple.getValueNode(),
                where,
                Set.of(
                        "url",
                        "user",
                        "password",
                        "password-file",
                        "protection",
                        "reader",
                        "migrations",
                        "history-table",
                        "proven-on"));
        String url = requiredString(fields, "url", where, tuple.getValueNode());
        if (!url.startsWith("jdbc:postgresql:")) {
            throw yaml.error(
                    fields.get("url").getValueNode(),
                    where + ".url",
                    "only PostgreSQL is supported for now: the URL must start with jdbc:postgresql://");
        }
        if (url.matches("(?i).*[?&]password=.*")) {
            throw yaml.error(
                    fields.get("url").getValueNode(),
                    where + ".url",
                    "the URL carries a password; passwords are never stored in the configuration: use password: ${VARIABLE} or password-file");
        }
        String user = fields.containsKey("user") ? yaml.string(fields.get("user"), where + ".user") : null;
        PasswordSource password = password(fields, where);
        String protectionText = requiredString(fields, "protection", where, tuple.getValueNode());
        Protection protection = Protection.fromId(protectionText);
        if (protection == null) {
            throw yaml.error(
                    fields.get("protection").getValueNode(),
                    where + ".protection",
                    "unknown protection level '" + protectionText + "'; use one of: " + Protection.allowedIds());
        }
        EnvironmentConfig.Reader reader = null;
        if (fields.containsKey("reader")) {
            Map<String, NodeTuple> r = yaml.mapping(
                    fields.get("reader").getValueNode(),
                    where + ".reader",
                    Set.of("user", "password", "password-file"));
            if (!r.containsKey("user")) {
                throw yaml.error(
                        fields.get("reader").getValueNode(),
                        where + ".reader.user",
                        "missing; a reader is a login of its own: user, and password: ${VARIABLE} or password-file");
            }
            String readerUser = yaml.string(r.get("user"), where + ".reader.user");
            if (readerUser.equals(user)) {
                throw yaml.error(
                        r.get("user").getValueNode(),
                        where + ".reader.user",
                        "the reader must be a login of its own, not the environment's user (a role can signal its own backends "
                                + "and owns what it migrated); schemaguard setup-reader --env " + name
                                + " prints the SQL that makes one");
            }
            reader = new EnvironmentConfig.Reader(readerUser, password(r, where + ".reader"));
        }
        List<String> migrations = fields.containsKey("migrations")
                ? (fields.get("migrations").getValueNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode
                                ? List.of(yaml.string(fields.get("migrations"), where + ".migrations"))
                                : yaml.strings(fields.get("migrations"), where + ".migrations"))
                        .stream().map(p -> relativeToConfig(p).toString()).toList()
                : List.of();
        String historyTable = fields.containsKey("history-table")
                ? yaml.string(fields.get("history-table"), where + ".history-table")
                : null;
        String provenOn =
                fields.containsKey("proven-on") ? yaml.string(fields.get("proven-on"), where + ".proven-on") : null;
        if (name.equals(provenOn)) {
            throw yaml.error(
                    fields.get("proven-on").getValueNode(),
                    where + ".proven-on",
                    "an environment cannot be proven on itself");
        }
        return new EnvironmentConfig(
                name,
                url,
                user,
                password,
                protection,
                reader,
                new EnvironmentConfig.Drift(migrations, historyTable, provenOn));
    }

    private PasswordSource password(Map<String, NodeTuple> fields, String where) {
        boolean inline = fields.containsKey("password");
        boolean fromFile = fields.containsKey("password-file");
        if (inline && fromFile) {
            throw yaml.error(
                    fields.get("password-file").getKeyNode(),
                    where + ".password-file",
                    "give either password: ${VARIABLE} or password-file, not both");
        }
        if (inline) {
            String value = yaml.string(fields.get("password"), where + ".password");
            Matcher m = ENV_REFERENCE.matcher(value);
            if (!m.matches()) {
                throw yaml.error(
                        fields.get("password").getValueNode(),
                        where + ".password",
                        "passwords are never stored in the configuration: write ${VARIABLE} to read it from an environment "
                                + "variable, or use password-file: /path/to/secret");
            }
            return new PasswordSource.EnvironmentVariable(m.group(1));
        }
        if (fromFile) {
            Path secret = Path.of(yaml.string(fields.get("password-file"), where + ".password-file"));
            if (!secret.isAbsolute() && file.getParent() != null) {
                secret = file.toAbsolutePath().getParent().resolve(secret);
            }
            return new PasswordSource.File(secret);
        }
        return new PasswordSource.None();
    }

    private ServerSettings server(Node node) {
        Map<String, NodeTuple> fields = yaml.mapping(
                node,
                "server",
                Set.of(
                        "host",
                        "port",
                        "allowed-hosts",
                        "allowed-origins",
                        "max-request-bytes",
                        "auth",
                        "public-url",
                        "file-roots"));
        String host = fields.containsKey("host")
                ? yaml.string(fields.get("host"), "server.host")
                : ServerSettings.DEFAULT_HOST;
        int port = fields.containsKey("port")
                ? yaml.positiveInt(fields.get("port"), "server.port", 0, 65_535)
                : ServerSettings.DEFAULT_PORT;
        List<String> hosts = fields.containsKey("allowed-hosts")
                ? yaml.strings(fields.get("allowed-hosts"), "server.allowed-hosts")
                : List.of();
        List<String> origins = fields.containsKey("allowed-origins")
                ? yaml.strings(fields.get("allowed-origins"), "server.allowed-origins")
                : List.of();
        int maxRequestBytes = fields.containsKey("max-request-bytes")
                ? yaml.positiveInt(fields.get("max-request-bytes"), "server.max-request-bytes", 1024, 256 * 1024 * 1024)
                : ServerSettings.DEFAULT_MAX_REQUEST_BYTES;
        ServerSettings.Auth auth =
                fields.containsKey("auth") ? auth(fields.get("auth").getValueNode()) : null;
        String publicUrl = null;
        if (fields.containsKey("public-url")) {
            publicUrl =
                    yaml.string(fields.get("public-url"), "server.public-url").replaceAll("/+$", "");
            if (!publicUrl.matches("https://[^/]+|http://localhost(:\\d+)?")) {
                throw yaml.error(
                        fields.get("public-url").getValueNode(),
                        "server.public-url",
                        "expected https://host[:port] (passkeys need a secure origin; http only for localhost), was '"
                                + publicUrl + "'");
            }
        }
        List<Path> fileRoots = fields.containsKey("file-roots")
                ? directories(fields.get("file-roots"), "server.file-roots")
                : List.of();
        return new ServerSettings(host, port, hosts, origins, maxRequestBytes, auth, publicUrl, fileRoots);
    }

    /** A list of directories, relative to the configuration file's; each must exist. */
    private List<Path> directories(NodeTuple entry, String key) {
        List<Path> directories = new ArrayList<>();
        for (String name : yaml.strings(entry, key)) {
            Path directory = relativeToConfig(name);
            if (!Files.isDirectory(directory)) {
                throw yaml.error(entry.getValueNode(), key, directory + " is not a directory");
            }
            directories.add(directory);
        }
        return List.copyOf(directories);
    }

    private ServerSettings.Auth auth(Node node) {
        Map<String, NodeTuple> fields =
                yaml.mapping(node, "server.auth", Set.of("issuer", "jwks-uri", "audience", "resource"));
        String issuer = requiredUrl(fields, "issuer", node);
        String jwks = requiredUrl(fields, "jwks-uri", node);
        String audience =
                fields.containsKey("audience") ? yaml.string(fields.get("audience"), "server.auth.audience") : null;
        String resource =
                fields.containsKey("resource") ? yaml.string(fields.get("resource"), "server.auth.resource") : null;
        return new ServerSettings.Auth(issuer, jwks, audience, resource);
    }

    private String requiredUrl(Map<String, NodeTuple> fields, String key, Node parent) {
        if (!fields.containsKey(key)) {
            throw yaml.error(parent, "server.auth." + key, "missing; token authentication needs issuer and jwks-uri");
        }
        String value = yaml.string(fields.get(key), "server.auth." + key);
        if (!value.startsWith("https://") && !value.startsWith("http://")) {
            throw yaml.error(
                    fields.get(key).getValueNode(),
                    "server.auth." + key,
                    "expected an http(s) URL, was '" + value + "'");
        }
        return value;
    }

    private String requiredString(Map<String, NodeTuple> fields, String key, String where, Node parent) {
        if (!fields.containsKey(key)) {
            throw yaml.error(parent, where + "." + key, "missing; every environment needs url and protection");
        }
        return yaml.string(fields.get(key), where + "." + key);
    }
}
