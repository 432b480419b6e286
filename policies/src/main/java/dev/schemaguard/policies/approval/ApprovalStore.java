package dev.schemaguard.policies.approval;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Where approval requests are kept. Implementations make {@link #update} atomic across processes. */
public interface ApprovalStore {

    Optional<ApprovalRequest> get(String id);

    List<ApprovalRequest> list();

    /** The requests for this exact migration (SQL hash) on this environment (by its key), any status, newest first. */
    List<ApprovalRequest> forMigration(String environmentKey, String sqlSha256);

    /**
     * As one step across processes and replicas: the request {@code reuse} picks among the candidate's migration's
     * requests ({@link #forMigration}), else the candidate, stored after {@code beforeCreate} has run (it may throw:
     * then nothing is stored). Two callers asking at once for the same migration get the same request.
     */
    ApprovalRequest createUnlessReused(
            ApprovalRequest candidate,
            Function<List<ApprovalRequest>, Optional<ApprovalRequest>> reuse,
            Consumer<ApprovalRequest> beforeCreate);

    /** Reads, changes and writes one request as one step; the change may throw to leave it as it was. */
    ApprovalRequest update(String id, UnaryOperator<ApprovalRequest> change);
}
