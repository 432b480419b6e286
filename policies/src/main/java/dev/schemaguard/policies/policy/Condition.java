package dev.schemaguard.policies.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Map;

/**
 * A policy rule's condition, in CEL (Common Expression Language): compiled and type-checked when the policy is read,
 * so a typo stops the policy from loading instead of never matching. Variables: {@code statement} (kind, text,
 * classes, lock, table, table_rows, table_bytes, rules, categories), {@code environment} (name, protection) and
 * {@code migration} (statements, kinds, sha256).
 */
public final class Condition {

    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .addVar("statement", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("environment", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("migration", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final String expression;
    private final CelRuntime.Program program;

    private Condition(String expression, CelRuntime.Program program) {
        this.expression = expression;
        this.program = program;
    }

    /** @throws IllegalArgumentException with CEL's own explanation when the expression does not compile to a bool */
    public static Condition compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
            return new Condition(expression, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(e.getErrors().stream()
                    .map(i -> i.getMessage())
                    .distinct()
                    .reduce((a, b) -> a + "; " + b)
                    .orElse(e.getMessage()));
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** @throws IllegalStateException when it cannot be evaluated (e.g. a missing key): the caller fails closed */
    public boolean test(Map<String, ?> variables) {
        try {
            return Boolean.TRUE.equals(program.eval(variables));
        } catch (CelEvaluationException e) {
            throw new IllegalStateException("condition '" + expression + "' could not be evaluated: " + e.getMessage());
        }
    }

    public String expression() {
        return expression;
    }
}
