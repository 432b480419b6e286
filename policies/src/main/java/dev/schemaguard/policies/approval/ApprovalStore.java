package dev.schemaguard.policies.approval;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where approval requests are kept. Implementations make {@link #update} atomic across processes. */
public interface ApprovalStore {

    void create(ApprovalRequest request);

    Optional<ApprovalRequest> get(String id);

    List<ApprovalRequest> list();

    /** Reads, changes and writes one request as one step; the change may throw to leave it as it was. */
    ApprovalRequest update(String id, UnaryOperator<ApprovalRequest> change);
}
