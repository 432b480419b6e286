package dev.schemaguard.policies.policy;

import dev.schemaguard.policies.classify.ClassifiedStatement;
import dev.schemaguard.policies.classify.StatementClassifier;
import dev.schemaguard.policies.classify.TableSizeLookup;
import dev.schemaguard.tools.ToolException;
import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.config.Protection;
import dev.schemaguard.tools.env.Environments;
import dev.schemaguard.tools.lint.LintReport;
import dev.schemaguard.tools.lint.LintSettings;
import dev.schemaguard.tools.lint.input.MigrationUnit;
import dev.schemaguard.tools.lint.run.Linter;
import dev.schemaguard.tools.sql.SqlSplitter;
import dev.schemaguard.tools.sql.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Which policy rule decides about a migration on an environment, and why: the migration is linted against the
 * environment's live schema, its statements are classified (with the sizes of the tables they touch), and every
 * policy block that covers the environment is evaluated. Used by {@code policy explain} and by the guarded apply.
 */
public final class ExplainPolicy {

    private final Environments environments;
    private final LintSettings lintSettings;
    private final PolicySet policies;
    private final Clock clock;

    public ExplainPolicy(Environments environments, LintSettings lintSettings, PolicySet policies, Clock clock) {
        this.environments = environments;
        this.lintSettings = lintSettings;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * A migration as it will be applied: the exact text (what approvals are bound to) and its statements.
     *
     * @param environmentKey the environment's name, URL and user hashed: an approval given for one database is not
     *                       valid for another that happens to carry the same name (say, the demo's "prod")
     */
    public record Review(
            String environment,
            String environmentKey,
            String sha256,
            String sql,
            List<ClassifiedStatement> statements,
            PolicyVerdict verdict,
            LintReport lint) {}

    public Review review(String environment, String sql, String file) {
        EnvironmentConfig env = environments.get(environment);
        if (sql == null || sql.isBlank()) {
            throw new ToolException("The migration is empty: give the SQL to apply.");
        }
        MigrationUnit unit = new MigrationUnit(file, 1, sql, true, "plain", "migration");
        LintReport lint = new Linter(environments, lintSettings).lint(List.of(unit), environment);
        List<SqlStatement> split = SqlSplitter.split(sql, file);
        for (SqlStatement s : split) {
            if (!s.terminated()) {
                throw new ToolException(file + ":" + s.line()
                        + ": the migration ends inside a string, comment, dollar quote or COPY data; "
                        + "nothing is evaluated or applied until it is complete.");
            }
        }
        List<ClassifiedStatement> statements =
                StatementClassifier.classify(split, lint.findings(), tableSizes(environment));
        String sha = sha256(sql);
        String key = sha256(env.name() + "\n" + env.url() + "\n" + env.user());
        return new Review(
                environment, key, sha, sql, statements, policies.evaluate(env, statements, sha, clock.instant()), lint);
    }

    public PolicySet policies() {
        return policies;
    }

    /** Staging and production: the apply observes what each statement does on a sandbox copy before deciding. */
    public boolean observesEffects(String environment) {
        return environments.get(environment).protection().compareTo(Protection.STAGING) >= 0;
    }

    /** The same migration, its statements classified again (with what they did on the copy) and the policy decided anew. */
    public Review withStatements(Review review, List<ClassifiedStatement> statements) {
        EnvironmentConfig env = environments.get(review.environment());
        return new Review(
                review.environment(),
                review.environmentKey(),
                review.sha256(),
                review.sql(),
                statements,
                policies.evaluate(env, statements, review.sha256(), clock.instant()),
                review.lint());
    }

    private TableSizeLookup tableSizes(String environment) {
        Map<String, TableSizeLookup.Size> sizes = new HashMap<>();
        try (Connection c = environments.openReadOnly(environment);
                PreparedStatement s = c.prepareStatement("""
                     SELECT n.nspname || '.' || c.relname, c.reltuples::bigint, pg_total_relation_size(c.oid)
                     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'm') AND """ + " " + dev.schemaguard.tools.sql.UserSchemas.FILTER);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                sizes.put(rs.getString(1), new TableSizeLookup.Size(rs.getLong(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new ToolException("Cannot read table sizes of environment '" + environment + "': " + e.getMessage());
        }
        return table -> sizes.getOrDefault(table, TableSizeLookup.Size.UNKNOWN);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
