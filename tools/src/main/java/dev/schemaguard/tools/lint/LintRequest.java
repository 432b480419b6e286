package dev.schemaguard.tools.lint;

import java.util.List;

/**
 * One lint, as a tool call or a command line asks for it. Either {@code sql} or {@code paths}.
 *
 * @param environment         read this environment's live schema (null: the SQL alone)
 * @param targetVersion       overrides lint.target-version and the environment's version
 * @param assumeInTransaction overrides lint.assume-in-transaction for files whose tool is not known
 * @param baseline            overrides lint.baseline; "" for none
 */
public record LintRequest(
        String sql,
        List<String> paths,
        String environment,
        Integer targetVersion,
        Boolean assumeInTransaction,
        String baseline) {}
