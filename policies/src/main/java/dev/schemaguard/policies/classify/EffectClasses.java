package dev.schemaguard.policies.classify;

import dev.schemaguard.sandbox.dryrun.DryRunReport;
import dev.schemaguard.sandbox.dryrun.StatementEffects;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The change classes a statement gets from what PostgreSQL did with it on the sandbox copy, added to those its text
 * gave (never removing one): text that says SELECT but deletes rows is destructive. What could not be observed — a
 * statement that failed or did not run on the copy, a copy without the recorder, a user function whose branches may
 * go otherwise on production's data — is opaque.
 */
public final class EffectClasses {

    private static final Set<String> PRIVILEGE_COMMANDS = Set.of(
            "GRANT",
            "REVOKE",
            "ALTER DEFAULT PRIVILEGES",
            "CREATE POLICY",
            "ALTER POLICY",
            "DROP POLICY",
            "CREATE ROLE",
            "ALTER ROLE",
            "DROP ROLE");

    private EffectClasses() {}

    /**
     * @param dryRun the dry run of exactly these statements (one unit, the same text), or null when none could be made
     * @param why    why there is no dry run, for the statements' effects text; used when {@code dryRun} is null
     */
    public static List<ClassifiedStatement> apply(
            List<ClassifiedStatement> statements, DryRunReport dryRun, String why) {
        List<DryRunReport.StatementResult> results = dryRun == null ? List.of() : dryRun.statements();
        boolean aligned = results.size() == statements.size();
        for (int i = 0; aligned && i < results.size(); i++) {
            aligned = results.get(i).line() == statements.get(i).line();
        }
        List<ClassifiedStatement> out = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            ClassifiedStatement s = statements.get(i);
            if (s.refusal() != null || s.isTransactionWrapper(statements.size())) {
                out.add(s); // refused anyway, or a transaction wrapper the apply does not run
                continue;
            }
            DryRunReport.StatementResult result = aligned ? results.get(i) : null;
            out.add(observed(
                    s,
                    result,
                    dryRun == null ? why : aligned ? null : "the dry run's statements did not line up with these"));
        }
        return out;
    }

    private static ClassifiedStatement observed(
            ClassifiedStatement s, DryRunReport.StatementResult result, String why) {
        if (result == null || !"ok".equals(result.status()) || result.effects() == null) {
            String reason = why != null
                    ? why
                    : result == null
                            ? "not run on the copy"
                            : !"ok".equals(result.status())
                                    ? "it did not run on the copy (" + result.status() + ")"
                                    : "the copy could not record what it did";
            return s.withEffects(
                    EnumSet.of(ChangeClass.OPAQUE), List.of(), "not observed: " + reason + "; treated as opaque");
        }
        StatementEffects e = result.effects();
        EnumSet<ChangeClass> added = EnumSet.noneOf(ChangeClass.class);
        if (!e.ddl().isEmpty()) {
            added.add(ChangeClass.DDL);
        }
        if (e.ddl().stream().anyMatch(d -> PRIVILEGE_COMMANDS.stream().anyMatch(d::startsWith))) {
            added.add(ChangeClass.PRIVILEGE);
        }
        if (!e.dropped().isEmpty()) {
            added.addAll(EnumSet.of(ChangeClass.DDL, ChangeClass.DESTRUCTIVE));
        }
        for (StatementEffects.RowsWritten r : e.rows()) {
            added.add(ChangeClass.DML);
            if (r.deleted() > 0) {
                added.add(ChangeClass.DESTRUCTIVE);
            }
        }
        for (String target : e.writeTargets()) {
            added.add(ChangeClass.DML);
            if (target.startsWith("delete ")) {
                added.add(ChangeClass.DESTRUCTIVE);
            }
        }
        if (!e.functions().isEmpty()) {
            added.add(ChangeClass.OPAQUE); // its branches may differ on production's data
        }
        return s.withEffects(added, e.relations(), e.isEmpty() ? "no effect observed on the copy" : e.describe());
    }
}
