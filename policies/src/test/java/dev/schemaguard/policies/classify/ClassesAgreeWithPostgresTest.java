package dev.schemaguard.policies.classify;

import dev.schemaguard.policies.policy.ExplainPolicy;
import dev.schemaguard.policies.policy.PolicyLoader;
import dev.schemaguard.policies.policy.PolicySet;
import dev.schemaguard.sandbox.DataSample;
import dev.schemaguard.sandbox.Sandbox;
import dev.schemaguard.sandbox.Sandboxes;
import dev.schemaguard.sandbox.TargetSchema;
import dev.schemaguard.sandbox.dryrun.DryRun;
import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.tools.ProgressListener;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.env.JdbcEnvironments;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.testing.TestDatabase;
import dev.schemaguard.tools.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classes the guard gives a statement agree with what PostgreSQL did with it: generated statements — a delete, a
 * write through a view, a rule, a trigger or a function, a drop, a CTE, MERGE, DO — each spelt adversarially (quoted, U&amp;,
 * schema-qualified, mixed case, comments between the words, CR-ended comments), run once on a sandbox copy by
 * this test, which compares the copy's rows and catalog before and after (not the guard's recorder), and once through
 * the guard (text classes, then the classes of the effects its dry run recorded). A statement that removed rows or
 * objects and is not destructive, or changed rows or the schema without the matching class, fails the build.
 */
@Tag("database")
class ClassesAgreeWithPostgresTest {

    static final String TARGET = """
            CREATE TABLE orders (id int PRIMARY KEY, note text);
            INSERT INTO orders SELECT g, 'order ' || g FROM generate_series(1, 8) g;
            CREATE TABLE audit_trail (id int);
            INSERT INTO audit_trail SELECT generate_series(1, 5);
            CREATE TABLE log (id int);
            CREATE RULE log_prunes AS ON INSERT TO log DO ALSO DELETE FROM audit_trail WHERE id < 3;
            CREATE VIEW recent AS SELECT id, note FROM orders;
            CREATE TABLE inbox (id int);
            CREATE FUNCTION inbox_cleanup() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM audit_trail WHERE id = 5; RETURN NEW; END $$;
            CREATE TRIGGER inbox_cleans AFTER INSERT ON inbox FOR EACH ROW EXECUTE FUNCTION inbox_cleanup();
            CREATE FUNCTION purge() RETURNS bigint LANGUAGE sql AS $$ WITH d AS (DELETE FROM audit_trail RETURNING 1) SELECT count(*) FROM d $$;
            """;
    static final String POLICY = """
            schemaguard-policy: 1
            environments:
              - match: {protection: [staging]}
                otherwise: allow
                changes: {destructive: approve}
            """;

    static TestDatabase staging;
    static Environments environments;
    static Sandboxes sandboxes;
    static ExplainPolicy explain;
    static DryRun dryRun;

    @BeforeContainer
    static void start() {
        staging = TestPostgres.createDatabase("classes_differential");
        staging.execute(TARGET);
        environments = new JdbcEnvironments(List.of(staging.environment("staging", Protection.STAGING)));
        sandboxes = Sandboxes.embedded();
        explain = new ExplainPolicy(
                environments,
                LintSettings.defaults(),
                PolicySet.of(PolicyLoader.read(POLICY, "p.yaml")),
                Clock.systemUTC());
        dryRun = new DryRun(environments, sandboxes);
    }

    @AfterContainer
    static void stop() {
        if (sandboxes != null) {
            sandboxes.close();
        }
    }

    @Property(tries = 100, seed = "20261203")
    void whatTheGuardCallsAStatementCoversWhatPostgresDidWithIt(@ForAll("statements") String sql) throws Exception {
        Set<ChangeClass> done = whatPostgresDid(sql);
        ExplainPolicy.Review review = explain.review("staging", sql, "generated.sql");
        DryRunReport report = dryRun.run(
                TargetSchema.read(environments, "staging"),
                List.of(new MigrationUnit("generated.sql", 1, sql, true, "plain", "up")),
                20,
                ProgressListener.NONE);
        List<ClassifiedStatement> judged = EffectClasses.apply(review.statements(), report, null);
        Set<ChangeClass> given = EnumSet.noneOf(ChangeClass.class);
        judged.forEach(s -> given.addAll(s.classes()));
        assertThat(given)
                .as("%s%nPostgreSQL did %s; the guard says %s%n%s", sql, done, given, report.toText())
                .containsAll(done);
    }

    /** What running {@code sql} did to a copy of the target, from the copy's rows and catalog before and after. */
    static Set<ChangeClass> whatPostgresDid(String sql) throws SQLException {
        TargetSchema target = TargetSchema.read(environments, "staging");
        try (Sandbox sandbox =
                sandboxes.create(target, new DataSample(environments, "staging", 20, sandboxes.masking()))) {
            Map<String, String> rowsBefore;
            Set<String> catalogBefore;
            try (Connection c = sandbox.connect()) {
                rowsBefore = rows(c);
                catalogBefore = catalog(c);
            }
            try (Connection c = sandbox.connectForMigration();
                    Statement s = c.createStatement()) {
                s.execute(sql);
            }
            try (Connection c = sandbox.connect()) {
                Map<String, String> rowsAfter = rows(c);
                Set<String> catalogAfter = catalog(c);
                Set<ChangeClass> done = EnumSet.noneOf(ChangeClass.class);
                if (!catalogAfter.equals(catalogBefore)) {
                    done.add(ChangeClass.DDL);
                }
                if (!catalogAfter.containsAll(catalogBefore)) {
                    done.add(ChangeClass.DESTRUCTIVE); // an object, a column or a rule is gone
                }
                for (Map.Entry<String, String> table : rowsBefore.entrySet()) {
                    String after = rowsAfter.get(table.getKey());
                    if (after == null) {
                        continue; // dropped: the catalog said so
                    }
                    if (!after.equals(table.getValue()) && sameColumns(catalogBefore, catalogAfter, table.getKey())) {
                        done.add(ChangeClass.DML); // rows written, not rows that look different because a column went
                    }
                    if (count(after) < count(table.getValue())) {
                        done.add(ChangeClass.DESTRUCTIVE);
                    }
                }
                for (String added : rowsAfter.keySet()) {
                    if (!rowsBefore.containsKey(added) && count(rowsAfter.get(added)) > 0) {
                        done.add(ChangeClass.DML);
                    }
                }
                return done;
            }
        }
    }

    /** Per user table: its row count and a digest of its rows, "count:md5". */
    private static Map<String, String> rows(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT format('%I.%I', n.nspname, t.relname) FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace "
                                + "WHERE t.relkind = 'r' AND n.nspname = 'public' ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, String> rows = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "
                                    + table + " t")) {
                rs.next();
                rows.put(table, rs.getString(1));
            }
        }
        return rows;
    }

    private static boolean sameColumns(Set<String> before, Set<String> after, String table) {
        String prefix = "column " + table.substring(table.indexOf('.') + 1) + ".";
        return before.stream()
                .filter(l -> l.startsWith(prefix))
                .toList()
                .equals(after.stream().filter(l -> l.startsWith(prefix)).toList());
    }

    private static long count(String rows) {
        return Long.parseLong(rows.substring(0, rows.indexOf(':')));
    }

    /** The public schema's relations, columns, rules, functions and triggers, one line each. */
    private static Set<String> catalog(Connection c) throws SQLException {
        Set<String> lines = new java.util.TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                SELECT 'relation ' || c.relname || ' ' || c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
                UNION ALL SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL SELECT 'rule ' || r.rulename || ' ' || md5(pg_get_ruledef(r.oid)) FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
                  JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'
                UNION ALL SELECT 'function ' || p.proname || ' ' || md5(p.prosrc) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
                UNION ALL SELECT 'trigger ' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = 'public' AND NOT t.tgisinternal""")) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }

    @Provide
    Arbitrary<String> statements() {
        Arbitrary<Function<Spelling, String>> action = Arbitraries.of(List.of(
                sp -> sp.kw("DELETE FROM") + " " + sp.table("orders") + " " + sp.kw("WHERE") + " id > 5",
                sp -> sp.kw("WITH") + " d " + sp.kw("AS") + " (" + sp.kw("DELETE FROM") + " " + sp.table("orders") + " "
                        + sp.kw("WHERE") + " id = 2 " + sp.kw("RETURNING") + " *) " + sp.kw("SELECT") + " count(*) "
                        + sp.kw("FROM") + " d",
                sp -> sp.kw("INSERT INTO") + " " + sp.table("log") + " " + sp.kw("VALUES") + " (1)",
                sp -> sp.kw("INSERT INTO") + " " + sp.table("inbox") + " " + sp.kw("VALUES") + " (1)",
                sp -> sp.kw("SELECT") + " " + sp.table("purge") + "()",
                sp -> sp.kw("UPDATE") + " " + sp.table("orders") + " " + sp.kw("SET") + " note = 'changed' "
                        + sp.kw("WHERE") + " id = 3",
                sp -> sp.kw("DELETE FROM") + " " + sp.table("recent") + " " + sp.kw("WHERE") + " id = 4",
                sp -> sp.kw("MERGE INTO") + " " + sp.table("orders") + " o " + sp.kw("USING") + " (" + sp.kw("VALUES")
                        + " (1)) v(id) " + sp.kw("ON") + " o.id = v.id " + sp.kw("WHEN MATCHED THEN DELETE"),
                sp -> sp.kw("TRUNCATE") + " " + sp.table("audit_trail"),
                sp -> sp.kw("DROP TABLE") + " " + sp.table("log"),
                sp -> sp.kw("ALTER TABLE") + " " + sp.table("orders") + " " + sp.kw("DROP COLUMN") + " note "
                        + sp.kw("CASCADE"),
                sp -> sp.kw("CREATE TABLE") + " " + sp.table("extra") + " (id int)",
                sp -> sp.kw("INSERT INTO") + " " + sp.table("orders") + " " + sp.kw("VALUES") + " (100, 'new')",
                sp -> sp.kw("DO") + " $$" + sp.kw("BEGIN") + " " + sp.kw("DELETE FROM") + " " + sp.table("orders") + " "
                        + sp.kw("WHERE") + " id = 1; " + sp.kw("END") + "$$",
                sp -> sp.kw("DROP RULE") + " log_prunes " + sp.kw("ON") + " " + sp.table("log"),
                sp -> sp.kw("SELECT") + " 1"));
        Arbitrary<Spelling> spelling = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.of(true, false))
                .as(Spelling::new);
        return Combinators.combine(action, spelling).as((a, sp) -> sp.lead() + a.apply(sp) + ";");
    }

    /**
     * How a statement is spelt: the table name (plain, schema-qualified, quoted, U&amp;-escaped, upper-case schema), the
     * keywords' case, what separates their words (space, tab, CR LF, a block comment, a CR-ended line comment).
     */
    record Spelling(int name, int keywordCase, int separator, boolean leadingComment) {

        String table(String name) {
            return switch (this.name) {
                case 1 -> "public." + name;
                case 2 -> "\"" + name + "\"";
                case 3 -> "U&\"\\00" + Integer.toHexString(name.charAt(0)) + name.substring(1) + "\"";
                case 4 -> "PUBLIC.\"" + name + "\"";
                default -> name;
            };
        }

        String kw(String words) {
            String cased = switch (keywordCase) {
                case 1 -> words.toLowerCase();
                case 2 -> mixed(words);
                default -> words;
            };
            String separator = switch (this.separator) {
                case 1 -> "\t";
                case 2 -> " /* the planner will not mind */ ";
                case 3 -> " --\r";
                default -> " ";
            };
            return String.join(separator, cased.split(" "));
        }

        String lead() {
            return leadingComment ? "/* generated */\n" : "";
        }

        private static String mixed(String words) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < words.length(); i++) {
                char c = words.charAt(i);
                out.append(i % 2 == 0 ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return out.toString();
        }
    }
}
