package dev.schemaguard.tools.lint;

import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;
import dev.schemaguard.tools.sql.SqlTokens;
import dev.schemaguard.tools.sql.StatementShape;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code lint_migration} use case. Each migration unit (a file, or a changeset) is split, tokenised and checked
 * statement by statement, in order, so rules know what the migration did before them; units are independent and run
 * in parallel. Then inline ignores, per-rule severities, the baseline and (with an environment) table sizes apply.
 */
public final class LintMigration {

    /**
     * The ids of the rules whose findings the engine makes itself, from reading the unit rather than a statement (the
     * rules in lint.rules carry these ids; the engine is given them with the others).
     */
    public static final String UNPARSED_STATEMENT = "unparsed-statement";

    public static final String SYNTAX_ERROR = "syntax-error";
    public static final String UNUSED_IGNORE = "unused-ignore";

    private final List<LintRule> rules;
    private final Set<String> knownRules;
    private final LintSettings settings;
    private final SchemaFacts schema;
    private final int targetVersion;
    private final Baseline baseline;
    /** The rules to run per first word of a statement (in rule order); {@code anyStatement} for other first words. */
    private final Map<String, List<LintRule>> rulesByFirstWord = new java.util.HashMap<>();

    private final List<LintRule> anyStatement;
    private final LintRule unparsedRule;
    private final LintRule syntaxRule;
    private final LintRule unusedIgnoreRule;

    public LintMigration(List<LintRule> rules, LintSettings settings, SchemaFacts schema) {
        this.settings = settings;
        this.schema = schema;
        this.targetVersion = settings.targetVersion() != null
                ? settings.targetVersion()
                : schema != null ? schema.serverMajorVersion() : LintSettings.DEFAULT_VERSION;
        // every rule given, run or not (off, or not for this version), is one an ignore may name
        this.knownRules = rules.stream().map(LintRule::id).collect(Collectors.toSet());
        this.rules = rules.stream()
                .filter(r ->
                        settings.severityOf(r) != Severity.OFF && r.appliesTo().includes(targetVersion))
                .toList();
        this.baseline = settings.baseline() == null ? Baseline.EMPTY : Baseline.read(Path.of(settings.baseline()));
        this.anyStatement =
                this.rules.stream().filter(r -> r.firstWords().isEmpty()).toList();
        for (LintRule rule : this.rules) {
            for (String word : rule.firstWords()) {
                rulesByFirstWord.put(
                        word,
                        this.rules.stream()
                                .filter(r -> r.firstWords().isEmpty()
                                        || r.firstWords().contains(word))
                                .toList());
            }
        }
        this.unparsedRule = enabled(UNPARSED_STATEMENT);
        this.syntaxRule = enabled(SYNTAX_ERROR);
        this.unusedIgnoreRule = enabled(UNUSED_IGNORE);
    }

    private List<LintRule> rulesFor(StatementShape statement) {
        if (statement.tokens().isEmpty()) {
            return anyStatement;
        }
        SqlTokens.Token first = statement.tokens().get(0);
        return first.type() == SqlTokens.Type.WORD
                ? rulesByFirstWord.getOrDefault(first.value(), anyStatement)
                : anyStatement;
    }

    public LintMigration(List<LintRule> rules) {
        this(rules, LintSettings.defaults(), null);
    }

    public int targetVersion() {
        return targetVersion;
    }

    /** Plain SQL files, each run in a transaction or not as {@code assumeInTransaction} says. */
    public LintReport lint(Map<String, String> sqlByFile, boolean assumeInTransaction) {
        List<MigrationUnit> units = new ArrayList<>();
        sqlByFile.forEach(
                (file, sql) -> units.add(new MigrationUnit(file, 1, sql, assumeInTransaction, "plain", "up")));
        return lint(units);
    }

    public LintReport lint(List<MigrationUnit> units) {
        List<PathMatcher> excluded = settings.excludedPaths().stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                .toList();
        List<MigrationUnit> included = units.stream()
                .filter(u -> excluded.stream()
                        .noneMatch(m -> m.matches(Path.of(u.file()).normalize())))
                .toList();
        boolean parallel = included.size() > 1;
        // each file knows the tables the files before it made or changed, as its tool would have run them
        EarlierMigrations earlier = parallel
                ? EarlierMigrations.of(
                        included.stream().map(MigrationUnit::role).toList(),
                        included.parallelStream()
                                .map(EarlierMigrations::changes)
                                .toList())
                : null;
        java.util.stream.IntStream indexes = java.util.stream.IntStream.range(0, included.size());
        List<UnitResult> results = (parallel ? indexes.parallel() : indexes)
                .mapToObj(i -> lintUnit(
                        included.get(i),
                        earlier == null
                                ? table -> null
                                : table ->
                                        earlier.before(table, i, included.get(i).role())))
                .toList();
        List<Finding> findings = new ArrayList<>();
        int statements = 0;
        int baselined = 0;
        for (UnitResult result : results) {
            statements += result.statements();
            for (Finding f : result.findings()) {
                if (baseline.contains(f)) {
                    baselined++;
                } else {
                    findings.add(f);
                }
            }
        }
        long files = included.stream().map(MigrationUnit::file).distinct().count();
        return LintReport.of(findings, statements, (int) files, baselined, note());
    }

    /** One file's SQL, for tests and callers with text in hand. */
    public List<Finding> lint(String sql, String file, boolean inTransaction) {
        return lintUnit(new MigrationUnit(file, 1, sql, inTransaction, "plain", "up"), table -> null)
                .findings();
    }

    private record UnitResult(List<Finding> findings, int statements) {}

    private UnitResult lintUnit(
            MigrationUnit unit, java.util.function.Function<String, EarlierMigrations.EarlierTable> earlier) {
        MigrationState state = new MigrationState(unit.inTransaction(), targetVersion, schema, earlier);
        List<SqlStatement> statements = SqlSplitter.split(unit.sql(), unit.file());
        List<Finding> findings = new ArrayList<>();
        List<Directives.Ignore> fileIgnores = statements.isEmpty()
                ? List.of()
                : Directives.in(statements.get(0).leadingComments()).stream()
                        .filter(Directives.Ignore::file)
                        .toList();
        if (fileIgnores.stream().anyMatch(Directives.Ignore::all)) {
            return new UnitResult(List.of(), statements.size());
        }
        Set<String> fileIgnoresUsed = new java.util.HashSet<>();
        int lastLine = unit.firstLine();
        StatementShape first = null;
        StatementShape safetyBlock =
                null; // diesel-guard's -- safety-assured:start … :end: the statement that opened it
        boolean safetyBlockUsed = false;
        for (SqlStatement split : statements) {
            SqlStatement source = unit.firstLine() == 1
                    ? split
                    : new SqlStatement(
                            split.text(),
                            split.file(),
                            split.line() + unit.firstLine() - 1,
                            split.column(),
                            split.offset(),
                            split.leadingComments(),
                            split.kind(),
                            split.terminated());
            lastLine = source.line();
            if (source.kind() != SqlStatement.Kind.SQL) {
                continue;
            }
            StatementShape statement = StatementShape.of(source);
            first = first == null ? statement : first;
            List<Finding> raw = check(statement, state);
            String comments = source.leadingComments();
            if (comments != null && comments.contains("safety-assured:end") && safetyBlock != null) {
                staleSafetyBlock(safetyBlock, safetyBlockUsed, findings);
                safetyBlock = null;
            }
            if (comments != null && comments.contains("safety-assured:start")) {
                safetyBlock = statement;
                safetyBlockUsed = false;
            }
            if (safetyBlock != null) {
                safetyBlockUsed |= !raw.isEmpty();
                raw = List.of(); // a person vouched for these statements; what they would say is suppressed
            }
            List<Directives.Ignore> ignores =
                    source.leadingComments() == null || source.leadingComments().isEmpty()
                            ? List.of()
                            : Directives.in(source.leadingComments()).stream()
                                    .filter(i -> !i.file())
                                    .toList();
            Set<String> used = new java.util.HashSet<>();
            if (ignores.isEmpty() && fileIgnores.isEmpty()) {
                findings.addAll(raw);
                raw = List.of();
            }
            for (Finding f : raw) {
                Optional<Directives.Ignore> ignore =
                        ignores.stream().filter(i -> i.covers(f.rule())).findFirst();
                Optional<Directives.Ignore> fileIgnore =
                        fileIgnores.stream().filter(i -> i.covers(f.rule())).findFirst();
                if (ignore.isPresent()) {
                    used.add(ignore.get().all() ? "*" : f.rule());
                } else if (fileIgnore.isPresent()) {
                    fileIgnoresUsed.add(f.rule());
                } else {
                    findings.add(f);
                }
            }
            for (Directives.Ignore ignore : ignores) {
                unusedIgnores(ignore, used, statement, findings);
            }
            state.observe(statement);
        }
        if (safetyBlock != null) {
            staleSafetyBlock(safetyBlock, safetyBlockUsed, findings);
        }
        for (LintRule rule : rules) {
            findings.addAll(rule.finish(state, unit.file(), lastLine));
        }
        if (first != null) {
            for (Directives.Ignore ignore : fileIgnores) {
                unusedIgnores(ignore, fileIgnoresUsed, first, findings);
            }
        }
        return new UnitResult(
                findings.stream().map(this::withConfiguredSeverity).toList(), statements.size());
    }

    private List<Finding> check(StatementShape statement, MigrationState state) {
        List<Finding> raw = new ArrayList<>();
        if (syntaxRule != null) {
            java.util.Optional<String> broken = StatementSyntax.problem(statement);
            if (broken.isPresent()) {
                // the statement fails as written: no other advice, whose fix would repeat the broken SQL
                raw.add(syntaxRule.finding(
                        statement,
                        "syntax error: " + broken.get(),
                        "-- correct the statement; dry_run shows what PostgreSQL says"));
                return raw;
            }
        }
        for (LintRule rule : rulesFor(statement)) {
            List<Finding> found = rule.check(statement, state);
            if (!found.isEmpty()) { // most rules find nothing: addAll would still copy the empty list to an array
                raw.addAll(found);
            }
        }
        for (SqlStatement dynamic : DynamicSql.in(statement)) {
            StatementShape inner = StatementShape.of(dynamic);
            for (LintRule rule : rulesFor(inner)) {
                rule.check(inner, state)
                        .forEach(f -> raw.add(f.withMessage("in dynamic SQL (EXECUTE): " + f.message())));
            }
        }
        if (schema != null) {
            raw.replaceAll(
                    f -> TableSizes.escalate(withConfiguredSeverity(f), statement, state, settings.bigTableRows()));
        }
        LintRule unparsed = unparsedRule;
        if (unparsed != null) {
            StatementRecognizer.whyNotUnderstood(statement)
                    .ifPresent(why -> raw.add(unparsed.finding(
                            statement,
                            "not understood by the parser (" + why + "); linted by keywords only",
                            "-- check this statement by hand, or split it into statements the linter understands")));
        }
        return raw;
    }

    private void staleSafetyBlock(StatementShape start, boolean used, List<Finding> findings) {
        if (!used && unusedIgnoreRule != null) {
            findings.add(unusedIgnoreRule.finding(
                    start,
                    "safety-assured block silences nothing here",
                    "-- remove the safety-assured:start / safety-assured:end comments"));
        }
    }

    private void unusedIgnores(Directives.Ignore ignore, Set<String> used, StatementShape at, List<Finding> findings) {
        LintRule unused = unusedIgnoreRule;
        if (unused == null) {
            return;
        }
        String directive = ignore.directive();
        if (ignore.all() && !used.contains("*")) {
            findings.add(unused.finding(
                    at, directive + " silences nothing here", "-- remove the " + directive + " comment"));
        }
        for (String rule : ignore.rules()) {
            if (!knownRules.contains(rule)) {
                if (ignore.foreign()) {
                    continue; // a Squawk rule this linter does not have
                }
                findings.add(unused.finding(
                        at,
                        directive + " names '" + rule + "', which is not a rule",
                        "-- remove '" + rule + "' from the " + directive
                                + " comment (rule ids are listed in docs/rules)"));
            } else if (!used.contains(rule)) {
                findings.add(unused.finding(
                        at,
                        directive + " " + rule + " silences nothing here",
                        "-- remove '" + rule + "' from the " + directive + " comment"));
            }
        }
    }

    private LintRule enabled(String id) {
        for (LintRule rule : rules) {
            if (rule.id().equals(id)) {
                return rule;
            }
        }
        return null;
    }

    private Finding withConfiguredSeverity(Finding f) {
        Severity configured = settings.severities().get(f.rule());
        return configured == null ? f : f.withSeverity(configured);
    }

    private String note() {
        String judged = schema == null
                ? "Judged on the SQL alone: no environment was given, so table sizes, existing objects and column types are not known."
                : "Checked against the live schema of environment '" + schema.environment() + "' (PostgreSQL "
                        + schema.serverMajorVersion() + ").";
        return judged + " Target PostgreSQL " + targetVersion + "; " + rules.size() + " rules ran.";
    }
}
