package dev.schemaguard.server.http.approval;

import dev.schemaguard.policies.approval.ApprovalRequest;

/**
 * Where people answer approval requests, and how the agent is told so. A stdio server has no approval page: for an
 * environment whose policy asks for a passkey it says where one must be set up instead.
 */
public final class ApprovalLinks {

    private volatile String baseUrl;

    /** Called once the HTTP server listens (or with server.public-url). */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** The approval page's address, or null when this server has none (stdio). */
    public String baseUrl() {
        return baseUrl;
    }

    public String howToApprove(ApprovalRequest request) {
        String page = baseUrl == null ? null : baseUrl + "/approve/" + request.id();
        if (request.needs().passkey()) {
            return page != null
                    ? "a registered approver opens " + page + " and answers with their passkey"
                    : "the policy accepts this only on the approval page of a schemaguard HTTP server, with a passkey; this "
                            + "server (stdio) has none — see the production set-up in docs/threat-model.md";
        }
        return "a person allowed to approve runs `schemaguard approvals show " + request.id()
                + "` and then `schemaguard approvals " + "approve " + request.id() + "` in their own terminal"
                + (page == null ? "" : ", or opens " + page);
    }
}
