package dev.schemaguard.tools.deps.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Java file says about decoding a column's values: the enums it declares (their constants), the JPA
 * {@code AttributeConverter}s it holds (and whether reading a value they do not know throws), and the switches over
 * values (enum constants or string labels) with what happens to a value no case names.
 */
final class EnumCode {

    private EnumCode() {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Facts(List<JavaEnum> enums, List<Converter> converters, List<ValueSwitch> switches) {

        static final Facts NONE = new Facts(List.of(), List.of(), List.of());

        Facts {
            enums = enums == null ? List.of() : enums;
            converters = converters == null ? List.of() : converters;
            switches = switches == null ? List.of() : switches;
        }
    }

    /**
     * @param jsonDefault the constant marked {@code @JsonEnumDefaultValue} (Jackson reads unknown values as it, where
     *                    READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE is on), or null
     * @param jsonCreator its {@code @JsonCreator} factory, if any: throws (on a value it does not know) or fallback
     * @param jooqType    for an enum jOOQ generated from a PostgreSQL enum type ({@code implements EnumType}), the
     *                    type's name as its {@code getName()} returns it; null otherwise
     * @param literals    for such an enum, each constant's literal (the type's value it stands for), in order
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record JavaEnum(
            String name,
            int line,
            List<String> constants,
            String jsonDefault,
            String jsonCreator,
            String jooqType,
            List<String> literals) {

        /** An enum without constants is cached without them: read back as empty. */
        JavaEnum {
            constants = constants == null ? List.of() : constants;
            literals = literals == null ? List.of() : literals;
        }
    }

    /**
     * @param entityType      the entity side of {@code AttributeConverter<X, Y>}: X
     * @param throwsOnUnknown whether {@code convertToEntityAttribute} throws on a value it does not know (a throw, or
     *                        {@code valueOf} outside a try), rather than returning a fallback
     * @param readLine        the line of {@code convertToEntityAttribute}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Converter(String name, int line, String entityType, boolean throwsOnUnknown, int readLine) {}

    /**
     * @param selector    what is switched on, as written
     * @param strings     true for string labels, false for enum constants
     * @param whenNoCase  what a value no case names meets: throws (the default throws), none (no default: skipped), or
     *                    handled (a default that does not throw)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ValueSwitch(
            int line, String selector, boolean strings, List<String> labels, String whenNoCase, String form) {

        /** How a report names it: {@code switch (s)}, or {@code if (s equals …) / else if …}. */
        String shown() {
            return switch (form == null ? "switch" : form) {
                case "if" -> "the if / else-if chain on " + selector;
                case "when" -> "when (" + selector + ")";
                case "match" -> "match " + selector;
                default -> "switch (" + selector + ")";
            };
        }
    }

    static Facts read(CompilationUnit cu) {
        List<JavaEnum> enums = new ArrayList<>();
        for (EnumDeclaration e : cu.findAll(EnumDeclaration.class)) {
            Optional<MethodDeclaration> creator = e.getMethods().stream()
                    .filter(m -> m.getAnnotationByName("JsonCreator").isPresent())
                    .findFirst();
            enums.add(new JavaEnum(
                    e.getNameAsString(),
                    // a generated enum's annotations come first: its name's line is where it is declared
                    jooqType(e) == null ? JavaSummarizer.line(e) : JavaSummarizer.line(e.getName()),
                    e.getEntries().stream().map(c -> c.getNameAsString()).toList(),
                    e.getEntries().stream()
                            .filter(c -> c.getAnnotationByName("JsonEnumDefaultValue")
                                    .isPresent())
                            .map(c -> c.getNameAsString())
                            .findFirst()
                            .orElse(null),
                    creator.map(m -> throwsOnUnknown(m) ? "throws" : "fallback").orElse(null),
                    jooqType(e),
                    jooqType(e) == null ? List.of() : literals(e)));
        }
        List<Converter> converters = new ArrayList<>();
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            converter(c).ifPresent(converters::add);
        }
        List<ValueSwitch> switches = new ArrayList<>();
        for (SwitchStmt s : cu.findAll(SwitchStmt.class)) {
            valueSwitch(s, s.getSelector(), s.getEntries()).ifPresent(switches::add);
        }
        for (SwitchExpr s : cu.findAll(SwitchExpr.class)) {
            valueSwitch(s, s.getSelector(), s.getEntries()).ifPresent(switches::add);
        }
        for (IfStmt i : cu.findAll(IfStmt.class)) {
            boolean elseBranch = i.getParentNode()
                    .filter(p -> p instanceof IfStmt parent
                            && parent.getElseStmt().filter(e -> e == i).isPresent())
                    .isPresent();
            if (!elseBranch) {
                ifChain(i).ifPresent(switches::add);
            }
        }
        return enums.isEmpty() && converters.isEmpty() && switches.isEmpty()
                ? Facts.NONE
                : new Facts(enums, converters, switches);
    }

    /** The PostgreSQL type a jOOQ-generated enum stands for: {@code getName()}'s literal, where it implements EnumType. */
    private static String jooqType(EnumDeclaration e) {
        if (e.getImplementedTypes().stream().noneMatch(t -> t.getNameAsString().equals("EnumType"))) {
            return null;
        }
        return e.getMethodsByName("getName").stream()
                .flatMap(m -> m.findAll(com.github.javaparser.ast.stmt.ReturnStmt.class).stream())
                .flatMap(r -> r.getExpression().stream())
                .filter(Expression::isStringLiteralExpr)
                .map(x -> x.asStringLiteralExpr().asString())
                .findFirst()
                .orElse(null);
    }

    /** Each constant's literal: jOOQ passes it as the constant's one argument ({@code NEW("new")}). */
    private static List<String> literals(EnumDeclaration e) {
        return e.getEntries().stream()
                .map(c -> c.getArguments().size() == 1 && c.getArgument(0).isStringLiteralExpr()
                        ? c.getArgument(0).asStringLiteralExpr().asString()
                        : c.getNameAsString())
                .toList();
    }

    /** How a field's enum values are read: STRING, ORDINAL or NAMED; null when no annotation says. */
    static String mapping(FieldDeclaration f) {
        Optional<AnnotationExpr> enumerated = f.getAnnotationByName("Enumerated");
        if (enumerated.isPresent()) {
            return JavaSummarizer.attributeExpression(enumerated.get(), "value")
                    .map(Expression::toString)
                    .filter(v -> v.endsWith("STRING"))
                    .map(v -> "STRING")
                    .orElse("ORDINAL");
        }
        boolean named = f.getAnnotationByName("JdbcType")
                        .flatMap(a -> JavaSummarizer.attributeExpression(a, "value"))
                        .map(Expression::toString)
                        .filter(v -> v.contains("Enum"))
                        .isPresent()
                || f.getAnnotationByName("JdbcTypeCode")
                        .flatMap(a -> JavaSummarizer.attributeExpression(a, "value"))
                        .map(Expression::toString)
                        .filter(v -> v.endsWith("NAMED_ENUM"))
                        .isPresent()
                || f.getAnnotationByName("Type")
                        .flatMap(a -> JavaSummarizer.attributeExpression(a, "value"))
                        .map(Expression::toString)
                        .filter(v -> v.contains("EnumType"))
                        .isPresent();
        return named ? "NAMED" : null;
    }

    private static Optional<Converter> converter(ClassOrInterfaceDeclaration c) {
        Optional<ClassOrInterfaceType> contract = c.getImplementedTypes().stream()
                .filter(t -> t.getNameAsString().equals("AttributeConverter"))
                .findFirst();
        if (contract.isEmpty()
                || contract.get().getTypeArguments().map(a -> a.size() != 2).orElse(true)) {
            return Optional.empty();
        }
        String entityType =
                contract.get().getTypeArguments().get().get(0).asString().replaceAll(".*\\.", "");
        Optional<MethodDeclaration> read =
                c.getMethodsByName("convertToEntityAttribute").stream().findFirst();
        boolean throwsOnUnknown = read.map(EnumCode::throwsOnUnknown).orElse(false);
        return Optional.of(new Converter(
                c.getNameAsString(),
                JavaSummarizer.line(c),
                entityType,
                throwsOnUnknown,
                read.map(JavaSummarizer::line).orElse(JavaSummarizer.line(c))));
    }

    /**
     * An if / else-if chain that compares one value with labels ({@code "NEW".equals(s)}, {@code s.equals("NEW")},
     * {@code s == Status.NEW}) as a switch would, and what its last else does.
     */
    private static Optional<ValueSwitch> ifChain(IfStmt first) {
        List<String> labels = new ArrayList<>();
        String selector = null;
        Boolean strings = null;
        Statement rest = first;
        while (rest instanceof IfStmt i) {
            Optional<String[]> compared = comparison(i.getCondition());
            if (compared.isEmpty()
                    || selector != null && !selector.equals(compared.get()[0])
                    || strings != null && strings != compared.get()[2].equals("string")) {
                return Optional.empty();
            }
            selector = compared.get()[0];
            strings = compared.get()[2].equals("string");
            labels.add(compared.get()[1]);
            rest = i.getElseStmt().orElse(null);
        }
        if (labels.size() < 2) {
            return Optional.empty();
        }
        String whenNoCase = rest == null
                ? "none"
                : !rest.findAll(ThrowStmt.class).isEmpty()
                                && (rest.isThrowStmt()
                                        || rest.isBlockStmt()
                                                && rest.asBlockStmt().getStatements().stream()
                                                        .anyMatch(Statement::isThrowStmt))
                        ? "throws"
                        : "handled";
        return Optional.of(new ValueSwitch(
                JavaSummarizer.line(first),
                selector.length() > 80 ? selector.substring(0, 77) + "..." : selector,
                strings,
                List.copyOf(labels),
                whenNoCase,
                "if"));
    }

    /** [the value compared, the label, string|constant] of a comparison with a label; empty for anything else. */
    private static Optional<String[]> comparison(Expression condition) {
        if (condition.isMethodCallExpr()) {
            MethodCallExpr call = condition.asMethodCallExpr();
            if ((call.getNameAsString().equals("equals")
                            || call.getNameAsString().equals("equalsIgnoreCase"))
                    && call.getArguments().size() == 1
                    && call.getScope().isPresent()) {
                Expression scope = call.getScope().get();
                Expression argument = call.getArgument(0);
                if (scope.isStringLiteralExpr()) {
                    return Optional.of(new String[] {
                        argument.toString(), scope.asStringLiteralExpr().asString(), "string"
                    });
                }
                if (argument.isStringLiteralExpr()) {
                    return Optional.of(new String[] {
                        scope.toString(), argument.asStringLiteralExpr().asString(), "string"
                    });
                }
            }
            return Optional.empty();
        }
        if (condition.isBinaryExpr() && condition.asBinaryExpr().getOperator() == BinaryExpr.Operator.EQUALS) {
            Expression left = condition.asBinaryExpr().getLeft();
            Expression right = condition.asBinaryExpr().getRight();
            if (right.isFieldAccessExpr()
                    && Character.isUpperCase(
                            right.asFieldAccessExpr().getNameAsString().charAt(0))) {
                return Optional.of(
                        new String[] {left.toString(), right.asFieldAccessExpr().getNameAsString(), "constant"});
            }
            if (left.isFieldAccessExpr()
                    && Character.isUpperCase(
                            left.asFieldAccessExpr().getNameAsString().charAt(0))) {
                return Optional.of(
                        new String[] {right.toString(), left.asFieldAccessExpr().getNameAsString(), "constant"});
            }
        }
        return Optional.empty();
    }

    /** A lookup throws on a value it does not know: a throw, or {@code valueOf} outside a try that catches. */
    private static boolean throwsOnUnknown(MethodDeclaration m) {
        return !m.findAll(ThrowStmt.class).isEmpty()
                || m.findAll(MethodCallExpr.class).stream()
                        .anyMatch(call -> call.getNameAsString().equals("valueOf")
                                && call.findAncestor(TryStmt.class)
                                        .filter(t -> !t.getCatchClauses().isEmpty())
                                        .isEmpty());
    }

    private static Optional<ValueSwitch> valueSwitch(Node at, Expression selector, List<SwitchEntry> entries) {
        List<String> labels = new ArrayList<>();
        boolean strings = false;
        boolean constants = false;
        String whenNoCase = "none";
        for (SwitchEntry entry : entries) {
            if (entry.getLabels().isEmpty() || entry.isDefault()) {
                boolean throwsHere = entry.getStatements().stream().anyMatch(st -> st.isThrowStmt());
                whenNoCase = throwsHere ? "throws" : "handled";
                continue;
            }
            for (Expression label : entry.getLabels()) {
                if (label.isStringLiteralExpr()) {
                    strings = true;
                    labels.add(label.asStringLiteralExpr().asString());
                } else if (label.isNameExpr()) {
                    constants = true;
                    labels.add(label.asNameExpr().getNameAsString());
                } else if (label.isFieldAccessExpr()) {
                    constants = true;
                    labels.add(label.asFieldAccessExpr().getNameAsString());
                } else {
                    return Optional.empty(); // numbers, patterns: not values of a column's enum
                }
            }
        }
        if (labels.size() < 2 || strings == constants) {
            return Optional.empty();
        }
        String shown = selector.toString();
        return Optional.of(new ValueSwitch(
                JavaSummarizer.line(at),
                shown.length() > 80 ? shown.substring(0, 77) + "..." : shown,
                strings,
                List.copyOf(labels),
                whenNoCase,
                "switch"));
    }
}
