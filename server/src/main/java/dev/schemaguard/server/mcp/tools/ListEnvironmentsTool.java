package dev.schemaguard.server.mcp.tools;

import dev.schemaguard.tools.config.EnvironmentConfig;
import dev.schemaguard.tools.env.EnvironmentUrls;
import dev.schemaguard.tools.env.Environments;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;

/** {@code list_environments}: the environments this server can reach, with how carefully each must be treated. */
public final class ListEnvironmentsTool extends ToolAdapter {

    private final Environments environments;
    private final String warning;

    public ListEnvironmentsTool(Environments environments) {
        this(environments, null);
    }

    /** @param warning what this server's guard cannot promise (a stdio server holding production credentials), or null */
    public ListEnvironmentsTool(Environments environments, String warning) {
        this.environments = environments;
        this.warning = warning;
    }

    record EnvironmentView(String name, String protection, String database, String url, String user, String password) {}

    record Result(List<EnvironmentView> environments, String warning) {}

    @Override
    protected String name() {
        return "list_environments";
    }

    @Override
    protected String title() {
        return "List database environments";
    }

    @Override
    protected String description() {
        return "Lists the database environments schemaguard can reach (name, protection level, database URL without "
                + "secrets). Call it first: every other tool takes one of these names as `environment`. Protection "
                + "`production` and `staging` mean changes are guarded by policy and human approval; inspection is always allowed.";
    }

    @Override
    protected McpSchema.ToolAnnotations annotations() {
        return readOnly(title());
    }

    @Override
    protected Answer call(ToolArguments arguments) {
        List<EnvironmentView> views =
                environments.list().stream().map(ListEnvironmentsTool::view).toList();
        StringBuilder text = new StringBuilder(views.size() + " environment(s):\n");
        views.forEach(v -> text.append("  ")
                .append(v.name())
                .append(" (")
                .append(v.protection())
                .append(") ")
                .append(v.url())
                .append('\n'));
        if (views.isEmpty()) {
            text.append(
                    "  none configured: add them to schemaguard.yaml, or start the embedded demo with `schemaguard demo`.\n");
        }
        if (warning != null) {
            text.append("Warning: ").append(warning).append('\n');
        }
        return new Answer(new Result(views, warning), text.toString());
    }

    static EnvironmentView view(EnvironmentConfig env) {
        return new EnvironmentView(
                env.name(),
                env.protection().id(),
                "postgresql",
                EnvironmentUrls.redacted(env.url()),
                env.user(),
                env.password().describe());
    }
}
