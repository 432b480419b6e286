package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ChangeClass;
import dev.schemaguard.tools.config.ConfigException;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.config.YamlFile;
import dev.schemaguard.tools.lint.LockMode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy file strictly: an unknown key, a wrong type, an unknown class, role or time zone, or a CEL condition
 * that does not compile stops the load with file:line — a policy that is partly ignored protects nothing. The format
 * is published as a JSON Schema ({@code policy.schema.json}) and documented in docs/policies.md.
 */
public final class PolicyLoader {

    public static final String FORMAT_KEY = "schemaguard-policy";
    static final Set<String> TOP_KEYS = Set.of(FORMAT_KEY, "level", "roles", "environments");
    static final Set<String> SCOPE_KEYS = Set.of(
            "match",
            "otherwise",
            "changes",
            "rules",
            "approval",
            "evidence",
            "timeouts",
            "max-dml-rows",
            "windows",
            "freezes",
            "sensitive-tables",
            "backup-before-destructive",
            "run-query");
    static final Set<String> MATCH_KEYS = Set.of("names", "protection");
    static final Set<String> CLASS_RULE_KEYS = Set.of("decision", "at-least", "above-rows", "above-bytes");
    static final Set<String> RULE_KEYS = Set.of("id", "when", "decision", "reason", "roles");
    static final Set<String> APPROVAL_KEYS =
            Set.of("roles", "count", "self-approval", "expires", "form-elicitation", "passkey");
    static final Set<String> TIMEOUT_KEYS = Set.of("lock", "statement");
    static final Set<String> WINDOW_KEYS = Set.of("label", "deny", "days", "from", "to", "zone");
    static final Set<String> FREEZE_KEYS = Set.of("label", "deny", "from", "to", "zone");
    static final Set<String> SENSITIVE_KEYS = Set.of("tables", "role");
    private static final List<String> DECISIONS = List.of("allow", "approve", "forbid");

    private final YamlFile yaml;
    private final Map<String, List<String>> roles = new LinkedHashMap<>();
    private final List<PolicyFile.RoleUse> roleUses = new ArrayList<>();

    private PolicyLoader(YamlFile yaml) {
        this.yaml = yaml;
    }

    public static PolicyFile read(Path file) {
        return new PolicyLoader(new YamlFile(file)).parse();
    }

    /** A policy given as text; {@code name} stands for the file in messages. */
    public static PolicyFile read(String text, String name) {
        return new PolicyLoader(new YamlFile(Path.of(name), text)).parse();
    }

    private PolicyFile parse() {
        Node root = yaml.root();
        if (root == null) {
            throw new ConfigException(
                    yaml.file(), 1, null, "empty policy file; a policy starts with '" + FORMAT_KEY + ": 1'");
        }
        Map<String, NodeTuple> top = yaml.mapping(root, "top level", TOP_KEYS);
        if (!top.containsKey(FORMAT_KEY)) {
            throw yaml.error(root, FORMAT_KEY, "missing; a policy file starts with '" + FORMAT_KEY + ": 1'");
        }
        if (yaml.positiveInt(top.get(FORMAT_KEY), FORMAT_KEY, 1, 1) != 1) {
            throw yaml.error(top.get(FORMAT_KEY).getValueNode(), FORMAT_KEY, "only format 1 is known");
        }
        PolicyFile.Level level = top.containsKey("level")
                ? PolicyFile.Level.valueOf(
                        yaml.choice(top.get("level"), "level", List.of("organisation", "team", "repository"))
                                .toUpperCase(Locale.ROOT))
                : PolicyFile.Level.REPOSITORY;
        if (top.containsKey("roles")) {
            for (Map.Entry<String, NodeTuple> role :
                    yaml.mapping(top.get("roles").getValueNode(), "roles", null).entrySet()) {
                roles.put(role.getKey(), yaml.strings(role.getValue(), "roles." + role.getKey()));
            }
        }
        List<Scope> scopes = new ArrayList<>();
        if (top.containsKey("environments")) {
            List<Node> blocks = yaml.sequence(top.get("environments").getValueNode(), "environments");
            for (int i = 0; i < blocks.size(); i++) {
                scopes.add(scope(blocks.get(i), "environments[" + i + "]"));
            }
        }
        return new PolicyFile(yaml.file(), level, roles, scopes, roleUses);
    }

    private Scope scope(Node node, String where) {
        Map<String, NodeTuple> f = yaml.mapping(node, where, SCOPE_KEYS);
        List<String> names = List.of();
        Set<Protection> protections = EnumSet.noneOf(Protection.class);
        if (!f.containsKey("match")) {
            throw yaml.error(
                    node,
                    where + ".match",
                    "missing; say which environments this block covers, e.g. match: {protection: [production]}");
        }
        Map<String, NodeTuple> match = yaml.mapping(f.get("match").getValueNode(), where + ".match", MATCH_KEYS);
        if (match.isEmpty()) {
            throw yaml.error(f.get("match").getValueNode(), where + ".match", "give names, protection or both");
        }
        if (match.containsKey("names")) {
            names = yaml.strings(match.get("names"), where + ".match.names");
        }
        if (match.containsKey("protection")) {
            for (String p : yaml.strings(match.get("protection"), where + ".match.protection")) {
                Protection protection = Protection.fromId(p);
                if (protection == null) {
                    throw yaml.error(
                            match.get("protection").getValueNode(),
                            where + ".match.protection",
                            "unknown protection level '" + p + "'; use one of: " + Protection.allowedIds());
                }
                protections.add(protection);
            }
        }
        Decision otherwise = f.containsKey("otherwise") ? decision(f.get("otherwise"), where + ".otherwise") : null;
        Map<ChangeClass, Scope.ClassRule> changes =
                f.containsKey("changes") ? changes(f.get("changes"), where + ".changes") : Map.of();
        List<Scope.ConditionRule> rules = new ArrayList<>();
        if (f.containsKey("rules")) {
            List<Node> items = yaml.sequence(f.get("rules").getValueNode(), where + ".rules");
            for (int i = 0; i < items.size(); i++) {
                rules.add(rule(items.get(i), where + ".rules[" + i + "]"));
            }
        }
        Scope.ApprovalSettings approval =
                f.containsKey("approval") ? approval(f.get("approval"), where + ".approval") : null;
        Set<Evidence> evidence = EnumSet.noneOf(Evidence.class);
        if (f.containsKey("evidence")) {
            for (String e : yaml.strings(f.get("evidence"), where + ".evidence")) {
                Evidence parsed = Evidence.fromId(e);
                if (parsed == null) {
                    throw yaml.error(
                            f.get("evidence").getValueNode(),
                            where + ".evidence",
                            "unknown evidence '" + e + "'; use: " + String.join(", ", Evidence.ids()));
                }
                evidence.add(parsed);
            }
        }
        Duration lockTimeout = null;
        Duration statementTimeout = null;
        if (f.containsKey("timeouts")) {
            Map<String, NodeTuple> t =
                    yaml.mapping(f.get("timeouts").getValueNode(), where + ".timeouts", TIMEOUT_KEYS);
            lockTimeout = t.containsKey("lock") ? positive(t.get("lock"), where + ".timeouts.lock") : null;
            statementTimeout =
                    t.containsKey("statement") ? positive(t.get("statement"), where + ".timeouts.statement") : null;
        }
        Long maxDmlRows = f.containsKey("max-dml-rows")
                ? yaml.number(f.get("max-dml-rows"), where + ".max-dml-rows", 0, Long.MAX_VALUE)
                : null;
        List<Scope.Window> windows = new ArrayList<>();
        if (f.containsKey("windows")) {
            List<Node> items = yaml.sequence(f.get("windows").getValueNode(), where + ".windows");
            for (int i = 0; i < items.size(); i++) {
                windows.add(window(items.get(i), where + ".windows[" + i + "]"));
            }
        }
        List<Scope.Freeze> freezes = new ArrayList<>();
        if (f.containsKey("freezes")) {
            List<Node> items = yaml.sequence(f.get("freezes").getValueNode(), where + ".freezes");
            for (int i = 0; i < items.size(); i++) {
                freezes.add(freeze(items.get(i), where + ".freezes[" + i + "]"));
            }
        }
        List<Scope.SensitiveTables> sensitive = new ArrayList<>();
        if (f.containsKey("sensitive-tables")) {
            List<Node> items = yaml.sequence(f.get("sensitive-tables").getValueNode(), where + ".sensitive-tables");
            for (int i = 0; i < items.size(); i++) {
                String w = where + ".sensitive-tables[" + i + "]";
                Map<String, NodeTuple> s = yaml.mapping(items.get(i), w, SENSITIVE_KEYS);
                if (!s.containsKey("tables") || !s.containsKey("role")) {
                    throw yaml.error(items.get(i), w, "needs tables and role");
                }
                sensitive.add(new Scope.SensitiveTables(
                        at(items.get(i)),
                        yaml.strings(s.get("tables"), w + ".tables"),
                        knownRole(s.get("role"), w + ".role")));
            }
        }
        Boolean backup = f.containsKey("backup-before-destructive")
                ? yaml.bool(f.get("backup-before-destructive"), where + ".backup-before-destructive")
                : null;
        Decision runQuery = null;
        if (f.containsKey("run-query")) {
            runQuery =
                    Decision.fromId(yaml.choice(f.get("run-query"), where + ".run-query", List.of("allow", "forbid")));
        }
        return new Scope(
                at(node),
                names,
                protections,
                otherwise,
                changes,
                rules,
                approval,
                evidence,
                lockTimeout,
                statementTimeout,
                maxDmlRows,
                windows,
                freezes,
                sensitive,
                backup,
                runQuery);
    }

    private Map<ChangeClass, Scope.ClassRule> changes(NodeTuple tuple, String where) {
        Map<ChangeClass, Scope.ClassRule> result = new EnumMap<>(ChangeClass.class);
        for (Map.Entry<String, NodeTuple> e :
                yaml.mapping(tuple.getValueNode(), where, null).entrySet()) {
            String w = where + "." + e.getKey();
            ChangeClass c = ChangeClass.fromId(e.getKey());
            if (c == null) {
                throw yaml.error(
                        e.getValue().getKeyNode(),
                        w,
                        "unknown change class; use one of: " + String.join(", ", ChangeClass.ids()));
            }
            Node value = e.getValue().getValueNode();
            if (!(value instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
                result.put(c, new Scope.ClassRule(at(value), decision(e.getValue(), w), null, -1, -1));
                continue;
            }
            Map<String, NodeTuple> r = yaml.mapping(value, w, CLASS_RULE_KEYS);
            if (!r.containsKey("decision")) {
                throw yaml.error(value, w + ".decision", "missing");
            }
            LockMode atLeast = null;
            if (r.containsKey("at-least")) {
                if (c != ChangeClass.LOCKING) {
                    throw yaml.error(r.get("at-least").getKeyNode(), w + ".at-least", "only for locking");
                }
                atLeast = lockMode(r.get("at-least"), w + ".at-least");
            }
            if ((r.containsKey("above-rows") || r.containsKey("above-bytes"))
                    && c != ChangeClass.REWRITE
                    && c != ChangeClass.LOCKING) {
                throw yaml.error(value, w, "above-rows and above-bytes are for rewrite and locking");
            }
            long rows = r.containsKey("above-rows")
                    ? yaml.number(r.get("above-rows"), w + ".above-rows", 0, Long.MAX_VALUE)
                    : -1;
            long bytes = r.containsKey("above-bytes")
                    ? yaml.number(r.get("above-bytes"), w + ".above-bytes", 0, Long.MAX_VALUE)
                    : -1;
            result.put(
                    c,
                    new Scope.ClassRule(at(value), decision(r.get("decision"), w + ".decision"), atLeast, rows, bytes));
        }
        return result;
    }

    private LockMode lockMode(NodeTuple tuple, String where) {
        String text = yaml.string(tuple, where)
                .trim()
                .toUpperCase(Locale.ROOT)
                .replace(' ', '_')
                .replace('-', '_');
        try {
            return LockMode.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw yaml.error(
                    tuple.getValueNode(),
                    where,
                    "expected a PostgreSQL lock mode (ACCESS SHARE … ACCESS EXCLUSIVE), was '"
                            + yaml.string(tuple, where) + "'");
        }
    }

    private Scope.ConditionRule rule(Node node, String where) {
        Map<String, NodeTuple> r = yaml.mapping(node, where, RULE_KEYS);
        for (String required : List.of("id", "when", "decision")) {
            if (!r.containsKey(required)) {
                throw yaml.error(
                        node, where + "." + required, "missing; a rule has id, when (a CEL condition) and decision");
            }
        }
        String expression = yaml.string(r.get("when"), where + ".when");
        Condition condition;
        try {
            condition = Condition.compile(expression);
        } catch (IllegalArgumentException e) {
            throw yaml.error(
                    r.get("when").getValueNode(), where + ".when", "not a valid CEL condition: " + e.getMessage());
        }
        List<String> ruleRoles = List.of();
        if (r.containsKey("roles")) {
            ruleRoles = yaml.strings(r.get("roles"), where + ".roles");
            for (String role : ruleRoles) {
                requireRole(role, r.get("roles").getValueNode(), where + ".roles");
            }
        }
        String reason = r.containsKey("reason") ? yaml.string(r.get("reason"), where + ".reason") : null;
        return new Scope.ConditionRule(
                at(node),
                yaml.string(r.get("id"), where + ".id"),
                condition,
                decision(r.get("decision"), where + ".decision"),
                reason,
                ruleRoles);
    }

    private Scope.ApprovalSettings approval(NodeTuple tuple, String where) {
        Map<String, NodeTuple> a = yaml.mapping(tuple.getValueNode(), where, APPROVAL_KEYS);
        List<String> approvalRoles = List.of();
        if (a.containsKey("roles")) {
            approvalRoles = yaml.strings(a.get("roles"), where + ".roles");
            for (String role : approvalRoles) {
                requireRole(role, a.get("roles").getValueNode(), where + ".roles");
            }
        }
        Integer count = a.containsKey("count") ? yaml.positiveInt(a.get("count"), where + ".count", 1, 10) : null;
        Boolean self =
                a.containsKey("self-approval") ? yaml.bool(a.get("self-approval"), where + ".self-approval") : null;
        Duration expires = a.containsKey("expires") ? positive(a.get("expires"), where + ".expires") : null;
        Boolean form = a.containsKey("form-elicitation")
                ? yaml.bool(a.get("form-elicitation"), where + ".form-elicitation")
                : null;
        Boolean passkey = a.containsKey("passkey") ? yaml.bool(a.get("passkey"), where + ".passkey") : null;
        return new Scope.ApprovalSettings(approvalRoles, count, self, expires, form, passkey);
    }

    private Scope.Window window(Node node, String where) {
        Map<String, NodeTuple> w = yaml.mapping(node, where, WINDOW_KEYS);
        for (String required : List.of("days", "from", "to", "zone")) {
            if (!w.containsKey(required)) {
                throw yaml.error(
                        node,
                        where + "." + required,
                        "missing; a window has days, from, to and zone (deny defaults to all)");
            }
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : yaml.strings(w.get("days"), where + ".days")) {
            days.add(day(d, w.get("days").getValueNode(), where + ".days"));
        }
        LocalTime from = time(w.get("from"), where + ".from");
        LocalTime to = time(w.get("to"), where + ".to");
        return new Scope.Window(
                at(node), label(w, where), deny(w, where), days, from, to, zone(w.get("zone"), where + ".zone"));
    }

    private Scope.Freeze freeze(Node node, String where) {
        Map<String, NodeTuple> w = yaml.mapping(node, where, FREEZE_KEYS);
        for (String required : List.of("from", "to", "zone")) {
            if (!w.containsKey(required)) {
                throw yaml.error(
                        node, where + "." + required, "missing; a freeze has from and to (dates, inclusive) and zone");
            }
        }
        LocalDate from = date(w.get("from"), where + ".from");
        LocalDate to = date(w.get("to"), where + ".to");
        if (to.isBefore(from)) {
            throw yaml.error(w.get("to").getValueNode(), where + ".to", "ends before it starts (" + from + ")");
        }
        return new Scope.Freeze(
                at(node), label(w, where), deny(w, where), from, to, zone(w.get("zone"), where + ".zone"));
    }

    private String label(Map<String, NodeTuple> fields, String where) {
        return fields.containsKey("label") ? yaml.string(fields.get("label"), where + ".label") : null;
    }

    private Set<ChangeClass> deny(Map<String, NodeTuple> fields, String where) {
        if (!fields.containsKey("deny")) {
            return EnumSet.allOf(ChangeClass.class);
        }
        Node value = fields.get("deny").getValueNode();
        if (value instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
                && scalar.getValue().equals("all")) {
            return EnumSet.allOf(ChangeClass.class);
        }
        Set<ChangeClass> classes = EnumSet.noneOf(ChangeClass.class);
        for (String c : yaml.strings(fields.get("deny"), where + ".deny")) {
            ChangeClass parsed = ChangeClass.fromId(c);
            if (parsed == null) {
                throw yaml.error(
                        value,
                        where + ".deny",
                        "unknown change class '" + c + "'; use all or: " + String.join(", ", ChangeClass.ids()));
            }
            classes.add(parsed);
        }
        return classes;
    }

    private DayOfWeek day(String text, Node node, String where) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String name = d.name().toLowerCase(Locale.ROOT);
            if (text.equalsIgnoreCase(name) || text.equalsIgnoreCase(name.substring(0, 3))) {
                return d;
            }
        }
        throw yaml.error(node, where, "unknown day '" + text + "'; use mon, tue, wed, thu, fri, sat, sun");
    }

    private LocalTime time(NodeTuple tuple, String where) {
        try {
            return LocalTime.parse(yaml.string(tuple, where));
        } catch (DateTimeParseException e) {
            throw yaml.error(
                    tuple.getValueNode(),
                    where,
                    "expected a time such as \"09:00\" (quoted), was '" + yaml.string(tuple, where) + "'");
        }
    }

    private LocalDate date(NodeTuple tuple, String where) {
        try {
            return LocalDate.parse(yaml.string(tuple, where));
        } catch (DateTimeParseException e) {
            throw yaml.error(
                    tuple.getValueNode(),
                    where,
                    "expected a date such as 2026-12-20, was '" + yaml.string(tuple, where) + "'");
        }
    }

    private ZoneId zone(NodeTuple tuple, String where) {
        try {
            return ZoneId.of(yaml.string(tuple, where));
        } catch (java.time.DateTimeException e) {
            throw yaml.error(
                    tuple.getValueNode(),
                    where,
                    "unknown time zone '" + yaml.string(tuple, where) + "'; use a region such as Europe/Berlin or UTC");
        }
    }

    private Duration positive(NodeTuple tuple, String where) {
        Duration d = yaml.duration(tuple, where);
        if (d.isZero() || d.isNegative()) {
            throw yaml.error(tuple.getValueNode(), where, "must be more than zero (zero would mean no limit)");
        }
        return d;
    }

    private Decision decision(NodeTuple tuple, String where) {
        return Decision.fromId(yaml.choice(tuple, where, DECISIONS));
    }

    private String knownRole(NodeTuple tuple, String where) {
        String role = yaml.string(tuple, where);
        requireRole(role, tuple.getValueNode(), where);
        return role;
    }

    /** Every role a file names is recorded; {@link PolicySet} checks it is defined in this file or another one. */
    private void requireRole(String role, Node node, String where) {
        roleUses.add(new PolicyFile.RoleUse(role, yaml.file() + ":" + yaml.line(node), where));
    }

    private String at(Node node) {
        return yaml.file().getFileName() + ":" + yaml.line(node);
    }
}
