package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ChangeClass;
import dev.schemaguard.policies.classify.ClassifiedStatement;
import dev.schemaguard.tools.config.ConfigException;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.lint.Finding;
import dev.schemaguard.tools.text.Glob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All policy files in force, combined. Precedence: organisation, then team, then repository files. Every file's
 * rules apply to every statement and the strictest decision wins, so a lower level can add restrictions but never
 * lift one; roles are defined once, at the highest level that names them.
 */
public final class PolicySet {

    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(15);
    public static final Duration DEFAULT_APPROVAL_EXPIRY = Duration.ofHours(24);

    private final List<PolicyFile> files;
    private final Map<String, List<String>> roles;
    private final List<String> names;

    private PolicySet(List<PolicyFile> files, List<String> names) {
        this.files =
                files.stream().sorted(Comparator.comparing(PolicyFile::level)).toList();
        this.names = names;
        this.roles = combineRoles(this.files);
    }

    /** The configured files, or the built-in policy when there are none. */
    public static PolicySet load(dev.schemaguard.tools.config.GuardSettings settings) {
        return settings.policies().isEmpty() ? builtIn(settings.builtIn()) : load(settings.policies());
    }

    public static PolicySet load(List<Path> paths) {
        if (paths.isEmpty()) {
            return builtIn("starter");
        }
        List<PolicyFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(PolicyLoader.read(p));
        }
        return new PolicySet(files, paths.stream().map(Path::toString).toList());
    }

    public static PolicySet of(PolicyFile... files) {
        return new PolicySet(
                List.of(files),
                java.util.Arrays.stream(files).map(f -> f.path().toString()).toList());
    }

    /** A policy shipped in the jar: "starter" or "demo" (the same texts as examples/policies/starter.yaml and demo.yaml). */
    public static PolicySet builtIn(String name) {
        String resource = "/dev/schemaguard/policies/" + name + "-policy.yaml";
        String label = "built-in " + name + " policy";
        try (InputStream in = PolicySet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException("The " + label + " is missing from the jar (" + resource + ").");
            }
            PolicyFile file =
                    PolicyLoader.read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), label);
            return new PolicySet(List.of(file), List.of(label));
        } catch (IOException e) {
            throw new ConfigException("The " + label + " cannot be read: " + e.getMessage());
        }
    }

    public List<String> names() {
        return names;
    }

    public Map<String, List<String>> roles() {
        return roles;
    }

    private static Map<String, List<String>> combineRoles(List<PolicyFile> files) {
        Map<String, List<String>> roles = new LinkedHashMap<>();
        Map<String, PolicyFile> definedBy = new LinkedHashMap<>();
        for (PolicyFile f : files) {
            for (Map.Entry<String, List<String>> role : f.roles().entrySet()) {
                PolicyFile earlier = definedBy.get(role.getKey());
                if (earlier != null) {
                    throw new ConfigException(
                            f.path() + ": role '" + role.getKey() + "' is already defined by " + earlier.path()
                                    + " (" + earlier.level().id() + "); a role is defined in one file only, so a "
                                    + f.level().id()
                                    + " policy cannot change who holds it");
                }
                definedBy.put(role.getKey(), f);
                roles.put(role.getKey(), List.copyOf(role.getValue()));
            }
        }
        for (PolicyFile f : files) {
            for (PolicyFile.RoleUse use : f.roleUses()) {
                if (!roles.containsKey(use.role())) {
                    throw new ConfigException(use.at() + ": '" + use.key() + "': role '" + use.role()
                            + "' is not defined in any policy file (known: "
                            + (roles.isEmpty() ? "none" : String.join(", ", roles.keySet())) + ")");
                }
            }
        }
        return java.util.Collections.unmodifiableMap(roles);
    }

    /** The scopes that cover an environment, in precedence order. */
    public List<Scope> scopesFor(EnvironmentConfig environment) {
        List<Scope> result = new ArrayList<>();
        for (PolicyFile f : files) {
            for (Scope s : f.scopes()) {
                if (s.covers(environment.name(), environment.protection())) {
                    result.add(s);
                }
            }
        }
        return result;
    }

    /**
     * Whether run_query may read this environment: the strictest run-query setting of the blocks covering it; without
     * one, allowed everywhere but on production (where rows may hold personal data).
     */
    public Decision runQueryDecision(EnvironmentConfig environment) {
        List<Decision> said = scopesFor(environment).stream()
                .map(Scope::runQuery)
                .filter(java.util.Objects::nonNull)
                .toList();
        if (said.isEmpty()) {
            return environment.protection() == dev.schemaguard.tools.config.Protection.PRODUCTION
                    ? Decision.FORBID
                    : Decision.ALLOW;
        }
        return said.stream().reduce(Decision.ALLOW, Decision::stricter);
    }

    public PolicyVerdict evaluate(
            EnvironmentConfig environment, List<ClassifiedStatement> statements, String sha256, Instant now) {
        List<Scope> scopes = scopesFor(environment);
        List<PolicyVerdict.Reason> reasons = new ArrayList<>();
        Decision overall = Decision.ALLOW;
        List<List<String>> roleGroups = new ArrayList<>();
        Map<String, Object> envVars = Map.of(
                "name",
                environment.name(),
                "protection",
                environment.protection().id());
        Map<String, Object> migrationVars = Map.of(
                "statements",
                (long) statements.size(),
                "sha256",
                sha256,
                "kinds",
                statements.stream().map(ClassifiedStatement::kind).distinct().toList());
        if (scopes.isEmpty()) {
            overall = Decision.APPROVE;
            reasons.add(new PolicyVerdict.Reason(
                    null,
                    0,
                    "",
                    Decision.APPROVE,
                    "guard",
                    "no policy block covers environment '" + environment.name() + "' (protection "
                            + environment.protection().id() + "): nothing is applied there without approval"));
        }
        for (ClassifiedStatement s : statements) {
            List<PolicyVerdict.Reason> own = new ArrayList<>();
            if (s.refusal() != null) {
                own.add(reason(s, Decision.FORBID, "guard", s.refusal()));
            }
            Map<String, Object> statementVars = statementVariables(s);
            for (Scope scope : scopes) {
                int before = own.size();
                classRules(scope, s, own);
                for (Scope.ConditionRule rule : scope.rules()) {
                    try {
                        if (rule.condition()
                                .test(Map.of(
                                        "statement",
                                        statementVars,
                                        "environment",
                                        envVars,
                                        "migration",
                                        migrationVars))) {
                            own.add(reason(
                                    s,
                                    rule.decision(),
                                    rule.where() + " rule " + rule.id(),
                                    rule.reason() != null
                                            ? rule.reason()
                                            : "matches " + rule.condition().expression()));
                            if (rule.decision() == Decision.APPROVE
                                    && !rule.roles().isEmpty()) {
                                roleGroups.add(rule.roles());
                            }
                        }
                    } catch (IllegalStateException e) {
                        own.add(reason(
                                s,
                                Decision.FORBID,
                                rule.where() + " rule " + rule.id(),
                                e.getMessage() + " (fails closed)"));
                    }
                }
                blackouts(scope, s, now, own);
                for (Scope.SensitiveTables sensitive : scope.sensitiveTables()) {
                    // the relations PostgreSQL named in what the statement did (views, rules, triggers, CTEs,
                    // search_path), and its text's table
                    String hit = s.classes().isEmpty()
                            ? null
                            : s.touchedRelations().stream()
                                    .filter(r -> sensitive.tables().stream().anyMatch(g -> Glob.matches(g, r)))
                                    .findFirst()
                                    .orElse(null);
                    if (hit != null) {
                        own.add(reason(
                                s,
                                Decision.APPROVE,
                                sensitive.where() + " sensitive-tables",
                                hit + " is sensitive: an approver with role " + sensitive.role() + " is needed"));
                        roleGroups.add(List.of(sensitive.role()));
                    }
                }
                if (own.size() == before && scope.otherwise() != null && scope.otherwise() != Decision.ALLOW) {
                    own.add(reason(
                            s,
                            scope.otherwise(),
                            scope.where() + " otherwise",
                            "no rule of this block names it: "
                                    + scope.otherwise().id()));
                }
            }
            if (own.isEmpty() && failsClosed(environment, scopes)) {
                own.add(reason(
                        s,
                        Decision.APPROVE,
                        "default for " + environment.protection().id(),
                        "no rule decides this statement, "
                                + "and on " + environment.protection().id()
                                + " what no rule decides waits for a person (a block's "
                                + "`otherwise: allow` says otherwise)"));
            }
            own.sort(Comparator.comparing(PolicyVerdict.Reason::decision).reversed());
            for (PolicyVerdict.Reason r : own) {
                overall = overall.stricter(r.decision());
            }
            reasons.addAll(own);
        }
        return new PolicyVerdict(
                environment.name(),
                overall,
                reasons,
                approvalNeeds(environment, scopes, roleGroups),
                evidence(scopes),
                min(scopes.stream().map(Scope::lockTimeout).toList(), DEFAULT_LOCK_TIMEOUT),
                min(scopes.stream().map(Scope::statementTimeout).toList(), DEFAULT_STATEMENT_TIMEOUT),
                scopes.stream()
                        .map(Scope::maxDmlRows)
                        .filter(java.util.Objects::nonNull)
                        .min(Long::compare)
                        .orElse(null),
                scopes.stream().anyMatch(sc -> Boolean.TRUE.equals(sc.backupBeforeDestructive())),
                names);
    }

    /** Staging and production fail closed: unless a block covering them names an {@code otherwise}, undecided means approve. */
    private static boolean failsClosed(EnvironmentConfig environment, List<Scope> scopes) {
        return environment.protection().compareTo(Protection.STAGING) >= 0
                && scopes.stream().allMatch(sc -> sc.otherwise() == null);
    }

    private void classRules(Scope scope, ClassifiedStatement s, List<PolicyVerdict.Reason> own) {
        for (Map.Entry<ChangeClass, Scope.ClassRule> e : scope.changes().entrySet()) {
            ChangeClass c = e.getKey();
            Scope.ClassRule rule = e.getValue();
            if (!s.is(c) && !(c == ChangeClass.LOCKING && rule.lockAtLeast() != null)) {
                continue;
            }
            String why = c.id();
            if (rule.lockAtLeast() != null) {
                if (s.lock().ordinal() < rule.lockAtLeast().ordinal()) {
                    continue;
                }
                why = "takes " + s.lock().sqlName() + " (blocks " + s.lock().blocks() + ")";
            }
            if (rule.aboveRows() >= 0 || rule.aboveBytes() >= 0) {
                boolean unknown =
                        (rule.aboveRows() >= 0 && s.tableRows() < 0) || (rule.aboveBytes() >= 0 && s.tableBytes() < 0);
                boolean big = unknown
                        || (rule.aboveRows() >= 0 && s.tableRows() > rule.aboveRows())
                        || (rule.aboveBytes() >= 0 && s.tableBytes() > rule.aboveBytes());
                if (!big) {
                    continue;
                }
                why += unknown
                        ? " of a table whose size is not known (treated as big)"
                        : " of " + s.table() + " (" + s.tableRows() + " rows, " + s.tableBytes() + " bytes)";
            } else if (c == ChangeClass.LOCKING && rule.lockAtLeast() == null) {
                why = "takes " + s.lock().sqlName() + " (blocks " + s.lock().blocks() + ")";
            }
            own.add(reason(s, rule.decision(), rule.where() + " changes." + c.id(), why));
        }
    }

    private void blackouts(Scope scope, ClassifiedStatement s, Instant now, List<PolicyVerdict.Reason> own) {
        for (Scope.Window w : scope.windows()) {
            ZonedDateTime local = now.atZone(w.zone());
            boolean inside = w.days().contains(local.getDayOfWeek())
                    && !local.toLocalTime().isBefore(w.from())
                    && local.toLocalTime().isBefore(w.to());
            if (inside && denies(w.deny(), s)) {
                own.add(reason(
                        s,
                        Decision.FORBID,
                        w.where() + " windows",
                        (w.label() != null ? w.label() + ": " : "")
                                + "no " + denied(w.deny()) + " " + w.from() + "–" + w.to() + " on " + w.days() + " "
                                + w.zone()
                                + "; it is " + local.toLocalDateTime().withNano(0) + " there — try again after "
                                + w.to()));
            }
        }
        for (Scope.Freeze f : scope.freezes()) {
            ZonedDateTime local = now.atZone(f.zone());
            boolean inside = !local.toLocalDate().isBefore(f.from())
                    && !local.toLocalDate().isAfter(f.to());
            if (inside && denies(f.deny(), s)) {
                own.add(reason(
                        s,
                        Decision.FORBID,
                        f.where() + " freezes",
                        (f.label() != null ? f.label() + ": " : "") + "freeze on " + denied(f.deny()) + " from "
                                + f.from() + " to " + f.to() + " (" + f.zone() + ")"));
            }
        }
    }

    private static boolean denies(Set<ChangeClass> deny, ClassifiedStatement s) {
        return deny.containsAll(EnumSet.allOf(ChangeClass.class))
                || s.classes().stream().anyMatch(deny::contains);
    }

    private static String denied(Set<ChangeClass> deny) {
        return deny.containsAll(EnumSet.allOf(ChangeClass.class))
                ? "changes of any kind"
                : String.join(", ", deny.stream().map(ChangeClass::id).toList());
    }

    private PolicyVerdict.ApprovalNeeds approvalNeeds(
            EnvironmentConfig environment, List<Scope> scopes, List<List<String>> extraGroups) {
        int count = 1;
        boolean self = true;
        boolean anySelfSetting = false;
        boolean form = true;
        boolean anyFormSetting = false;
        Boolean passkey = null;
        Duration expires = DEFAULT_APPROVAL_EXPIRY;
        List<List<String>> groups = new ArrayList<>();
        for (Scope s : scopes) {
            Scope.ApprovalSettings a = s.approval();
            if (a == null) {
                continue;
            }
            if (a.count() != null) {
                count = Math.max(count, a.count());
            }
            if (a.selfApproval() != null) {
                anySelfSetting = true;
                self &= a.selfApproval();
            }
            if (a.formElicitation() != null) {
                anyFormSetting = true;
                form &= a.formElicitation();
            }
            if (a.passkey() != null) {
                passkey = passkey == null ? a.passkey() : passkey || a.passkey();
            }
            if (a.expires() != null && a.expires().compareTo(expires) < 0) {
                expires = a.expires();
            }
            if (!a.roles().isEmpty()) {
                groups.add(a.roles());
            }
        }
        for (List<String> g : extraGroups) {
            if (!groups.contains(g)) {
                groups.add(g);
            }
        }
        // The person at a client cannot be told from the requester: form approval only where self-approval is allowed.
        boolean selfApproval = anySelfSetting && self;
        // Proof of presence: production asks for a passkey unless a policy block says otherwise; any block can ask for
        // it.
        boolean needsPasskey = passkey != null
                ? passkey
                : environment.protection() == dev.schemaguard.tools.config.Protection.PRODUCTION;
        return new PolicyVerdict.ApprovalNeeds(
                count,
                groups,
                roles,
                selfApproval,
                expires,
                anyFormSetting && form && selfApproval && !needsPasskey,
                needsPasskey);
    }

    private static Set<Evidence> evidence(List<Scope> scopes) {
        Set<Evidence> all = EnumSet.noneOf(Evidence.class);
        scopes.forEach(s -> all.addAll(s.evidence()));
        return all;
    }

    private static Duration min(List<Duration> values, Duration fallback) {
        return values.stream()
                .filter(java.util.Objects::nonNull)
                .min(Duration::compareTo)
                .orElse(fallback);
    }

    private static Map<String, Object> statementVariables(ClassifiedStatement s) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("kind", s.kind());
        vars.put("text", s.text());
        vars.put("classes", s.classes().stream().map(ChangeClass::id).toList());
        vars.put("lock", s.lock().sqlName());
        vars.put("table", s.table() == null ? "" : s.table());
        vars.put("table_rows", s.tableRows());
        vars.put("table_bytes", s.tableBytes());
        vars.put("rules", s.findings().stream().map(Finding::rule).distinct().toList());
        vars.put(
                "categories",
                s.findings().stream().map(f -> f.category().label()).distinct().toList());
        return vars;
    }

    private static PolicyVerdict.Reason reason(ClassifiedStatement s, Decision d, String rule, String why) {
        return new PolicyVerdict.Reason(s.index(), s.line(), s.kind(), d, rule, why);
    }
}
