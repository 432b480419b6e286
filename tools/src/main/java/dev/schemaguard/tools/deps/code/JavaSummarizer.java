package dev.schemaguard.tools.deps.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.schemaguard.tools.deps.code.FileSummary.Field;
import dev.schemaguard.tools.deps.code.FileSummary.Found;
import dev.schemaguard.tools.deps.code.FileSummary.JpaType;
import dev.schemaguard.tools.deps.code.FileSummary.QueryMethod;
import dev.schemaguard.tools.deps.code.FileSummary.Repository;
import dev.schemaguard.tools.deps.code.FileSummary.SqlCall;
import dev.schemaguard.tools.deps.code.FileSummary.StringExpression;
import dev.schemaguard.tools.deps.code.FileSummary.TableOfCollection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Java source read with JavaParser (language level 17) into its {@link FileSummary}: JPA types and their fields
 * (columns, secondary tables, embedded types, join and collection tables, inheritance), string constants, Spring Data
 * repositories, MyBatis annotations, and the SQL handed to JdbcTemplate, JDBC or jOOQ.
 */
final class JavaSummarizer {

    static final Set<String> REPOSITORIES = Set.of(
            "Repository",
            "CrudRepository",
            "ListCrudRepository",
            "JpaRepository",
            "PagingAndSortingRepository",
            "ListPagingAndSortingRepository");
    private static final Set<String> SQL_METHODS = Set.of(
            "query",
            "queryForObject",
            "queryForList",
            "queryForMap",
            "queryForRowSet",
            "queryForStream",
            "update",
            "batchUpdate",
            "execute",
            "prepareStatement",
            "prepareCall",
            "executeQuery",
            "executeUpdate",
            "fetch",
            "fetchOne",
            "resultQuery",
            "createNativeQuery",
            "sql");
    /** A derived query: a verb, an optional subject ("Distinct", "Top10", "AllCustomers") up to the first "By", the criteria. */
    private static final Pattern DERIVED = Pattern.compile(
            "^(find|read|get|query|search|stream|count|exists|delete|remove)((?:(?!By)[A-Z][a-z0-9]*)*)By(\\w+)$");

    private static final Pattern OPERATORS =
            Pattern.compile("(IgnoreCase|AllIgnoreCase|Containing|NotContaining|StartingWith|EndingWith|"
                    + "GreaterThanEqual|GreaterThan|LessThanEqual|LessThan|Between|NotIn|In|IsNotNull|IsNull|NotNull|Null|Not|Like|NotLike|"
                    + "Before|After|True|False|Is|Equals)$");
    private static final Set<String> JPA_KINDS = Set.of("Entity", "MappedSuperclass", "Embeddable");

    /**
     * JavaParser instances are not thread-safe: one per parsing thread. Comments are not attributed to nodes (nothing
     * here reads them, and attributing them is a good part of the parse).
     */
    private static final ThreadLocal<JavaParser> PARSER =
            ThreadLocal.withInitial(() -> new JavaParser(new ParserConfiguration()
                    .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
                    .setAttributeComments(false)));

    private JavaSummarizer() {}

    /** The summary; for a file that does not parse, one that names the first problem. */
    static FileSummary summarize(String source) {
        ParseResult<CompilationUnit> result = PARSER.get().parse(source);
        if (!result.isSuccessful() || result.getResult().isEmpty()) {
            return FileSummary.unreadable(
                    result.getProblems().isEmpty()
                            ? "does not parse as Java 17"
                            : result.getProblems()
                                    .get(0)
                                    .getVerboseMessage()
                                    .lines()
                                    .findFirst()
                                    .orElse("does not parse as Java 17"));
        }
        return summarize(result.getResult().get(), source);
    }

    private static FileSummary summarize(CompilationUnit cu, String source) {
        Map<String, StringExpression> constants = new LinkedHashMap<>();
        for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
            if (f.isStatic() && f.isFinal()) {
                for (VariableDeclarator v : f.getVariables()) {
                    v.getInitializer()
                            .flatMap(JavaSummarizer::expression)
                            .ifPresent(e -> constants.put(v.getNameAsString(), e));
                }
            }
        }
        List<JpaType> types = new ArrayList<>();
        List<Repository> repositories = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            jpaType(c).ifPresent(types::add);
            repository(c, found).ifPresent(repositories::add);
        }
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            for (String mybatis : List.of("Select", "Insert", "Update", "Delete")) {
                Optional<AnnotationExpr> annotation = m.getAnnotationByName(mybatis);
                attribute(annotation, "value")
                        .ifPresent(text ->
                                found.addAll(CodeModel.sql(textLine(annotation, m), "mybatis-sql", text, "high")));
            }
        }
        List<SqlCall> calls = new ArrayList<>();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            if (SQL_METHODS.contains(call.getNameAsString())
                    && !call.getArguments().isEmpty()) {
                expression(localInitializer(call.getArgument(0))).ifPresent(e -> {
                    if (e.parts().stream().anyMatch(p -> p.constant() != null)) {
                        calls.add(new SqlCall(line(call), e)); // resolved once every file's constants are known
                    } else {
                        found.addAll(CodeModel.jdbcSql(line(call), CodeModel.text(e, name -> Optional.empty())));
                    }
                });
            }
        }
        return new FileSummary(
                types,
                constants,
                repositories,
                calls,
                found,
                null,
                EnumCode.read(cu),
                null,
                EventCode.read(cu, source),
                OutboxCode.read(cu));
    }

    private static Optional<JpaType> jpaType(ClassOrInterfaceDeclaration c) {
        String kind = JPA_KINDS.stream()
                .filter(k -> c.getAnnotationByName(k).isPresent())
                .findFirst()
                .orElse(null);
        if (kind == null) {
            return Optional.empty();
        }
        List<Field> fields = new ArrayList<>();
        for (FieldDeclaration f : c.getFields()) {
            if (f.isStatic()
                    || f.isTransient()
                    || f.getAnnotationByName("Transient").isPresent()) {
                continue;
            }
            for (VariableDeclarator v : f.getVariables()) {
                field(f, v).ifPresent(fields::add);
            }
        }
        List<String> secondary = new ArrayList<>();
        attribute(c.getAnnotationByName("SecondaryTable"), "name").ifPresent(secondary::add);
        c.getAnnotationByName("SecondaryTables")
                .ifPresent(a -> annotations(a, "value")
                        .forEach(t -> attribute(Optional.of(t), "name").ifPresent(secondary::add)));
        String inheritance = c.getAnnotationByName("Inheritance")
                .map(a -> attributeExpression(a, "strategy")
                        .map(e -> e.toString().replaceAll(".*\\.", ""))
                        .orElse("SINGLE_TABLE"))
                .orElse(null);
        return Optional.of(new JpaType(
                c.getNameAsString(),
                kind,
                attribute(c.getAnnotationByName("Table"), "name").orElse(null),
                attribute(c.getAnnotationByName("Entity"), "name").orElse(null),
                c.getExtendedTypes().stream()
                        .map(ClassOrInterfaceType::getNameAsString)
                        .toList(),
                inheritance,
                c.getAnnotationByName("DiscriminatorColumn")
                        .map(a -> attribute(Optional.of(a), "name").orElse("dtype"))
                        .orElse(null),
                secondary,
                line(c),
                fields));
    }

    private static Optional<Field> field(FieldDeclaration f, VariableDeclarator v) {
        String name = v.getNameAsString();
        String type = elementType(v.getType());
        Map<String, String> overrides = new LinkedHashMap<>();
        List<AnnotationExpr> overrideList = new ArrayList<>();
        f.getAnnotationByName("AttributeOverride").ifPresent(overrideList::add);
        f.getAnnotationByName("AttributeOverrides").ifPresent(a -> overrideList.addAll(annotations(a, "value")));
        for (AnnotationExpr o : overrideList) {
            Optional<String> attributeName = attribute(Optional.of(o), "name");
            Optional<String> column =
                    annotations(o, "column").stream().findFirst().flatMap(c -> attribute(Optional.of(c), "name"));
            if (attributeName.isPresent() && column.isPresent()) {
                overrides.put(attributeName.get(), column.get());
            }
        }
        boolean embedded = f.getAnnotationByName("Embedded").isPresent()
                || f.getAnnotationByName("EmbeddedId").isPresent();
        Optional<AnnotationExpr> joinTable = f.getAnnotationByName("JoinTable");
        Optional<AnnotationExpr> collectionTable = f.getAnnotationByName("CollectionTable");
        if (f.getAnnotationByName("ElementCollection").isPresent()) {
            List<String> columns = new ArrayList<>(joinColumns(collectionTable, "joinColumns"));
            attribute(f.getAnnotationByName("MapKeyColumn"), "name").ifPresent(columns::add);
            columns.add(attribute(f.getAnnotationByName("Column"), "name").orElse(Naming.snake(name)));
            return Optional.of(new Field(
                    name,
                    line(v),
                    type,
                    null,
                    null,
                    false,
                    overrides,
                    new TableOfCollection(
                            "collection", attribute(collectionTable, "name").orElse(null), columns)));
        }
        boolean toMany = f.getAnnotationByName("OneToMany").isPresent()
                || f.getAnnotationByName("ManyToMany").isPresent();
        if (toMany) {
            if (joinTable.isPresent()) {
                List<String> columns = new ArrayList<>(joinColumns(joinTable, "joinColumns"));
                columns.addAll(joinColumns(joinTable, "inverseJoinColumns"));
                return Optional.of(new Field(
                        name,
                        line(v),
                        type,
                        null,
                        null,
                        false,
                        overrides,
                        new TableOfCollection(
                                "join", attribute(joinTable, "name").orElse(null), columns)));
            }
            boolean owningManyToMany = f.getAnnotationByName("ManyToMany")
                    .filter(a -> attribute(Optional.of(a), "mappedBy").isEmpty())
                    .isPresent();
            return owningManyToMany
                    ? Optional.of(new Field(
                            name,
                            line(v),
                            type,
                            null,
                            null,
                            false,
                            overrides,
                            new TableOfCollection("join", null, List.of())))
                    : Optional.empty(); // mapped by the other side: its columns are there
        }
        if (f.getAnnotationByName("OneToOne")
                .flatMap(a -> attribute(Optional.of(a), "mappedBy"))
                .isPresent()) {
            return Optional.empty();
        }
        boolean toOne = f.getAnnotationByName("ManyToOne").isPresent()
                || f.getAnnotationByName("OneToOne").isPresent();
        String column = attribute(f.getAnnotationByName("JoinColumn"), "name")
                .or(() -> attribute(f.getAnnotationByName("Column"), "name"))
                .orElseGet(() -> Naming.snake(name) + (toOne ? "_id" : ""));
        String table = attribute(f.getAnnotationByName("Column"), "table")
                .or(() -> attribute(f.getAnnotationByName("JoinColumn"), "table"))
                .orElse(null);
        return Optional.of(new Field(
                name,
                line(v),
                type,
                embedded ? null : Naming.bare(column),
                table,
                embedded,
                overrides,
                null,
                EnumCode.mapping(f),
                f.getAnnotationByName("Convert")
                        .flatMap(a -> attributeExpression(a, "converter"))
                        .map(e -> e.toString().replaceAll("\\.class$", "").replaceAll(".*\\.", ""))
                        .orElse(null)));
    }

    private static List<String> joinColumns(Optional<AnnotationExpr> owner, String attribute) {
        return owner.map(a -> annotations(a, attribute).stream()
                        .map(c -> attribute(Optional.of(c), "name"))
                        .flatMap(Optional::stream)
                        .map(Naming::bare)
                        .toList())
                .orElse(List.of());
    }

    /** {@code List<Tag>} → Tag; {@code Map<Long, Integer>} → Integer; {@code Address} → Address. */
    static String elementType(Type type) {
        if (type.isClassOrInterfaceType()) {
            ClassOrInterfaceType t = type.asClassOrInterfaceType();
            List<Type> args = t.getTypeArguments().map(List::copyOf).orElse(List.of());
            return args.isEmpty() ? t.getNameAsString() : elementType(args.get(args.size() - 1));
        }
        return type.asString();
    }

    /** The declared type (simple name) of a name in a method or constructor: a parameter, a local, or a field of its class. */
    static Optional<String> declaredType(CallableDeclaration<?> m, String name) {
        Optional<String> parameter = m.getParameters().stream()
                .filter(p -> p.getNameAsString().equals(name) && p.getType().isClassOrInterfaceType())
                .map(p -> p.getType().asClassOrInterfaceType().getNameAsString())
                .findFirst();
        if (parameter.isPresent()) {
            return parameter;
        }
        Optional<String> local = m
                .findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name))
                .stream()
                .filter(v -> v.getType().isClassOrInterfaceType())
                .map(v -> v.getType().asClassOrInterfaceType().getNameAsString())
                .findFirst();
        if (local.isPresent()) {
            return local;
        }
        return m.findAncestor(ClassOrInterfaceDeclaration.class)
                .flatMap(c -> c.getFields().stream()
                        .flatMap(f -> f.getVariables().stream())
                        .filter(v ->
                                v.getNameAsString().equals(name) && v.getType().isClassOrInterfaceType())
                        .map(v -> v.getType().asClassOrInterfaceType().getNameAsString())
                        .findFirst());
    }

    /** A Spring Data repository; its native queries go straight to {@code found} (SQL needs no entity model). */
    private static Optional<Repository> repository(ClassOrInterfaceDeclaration c, List<Found> found) {
        if (!c.isInterface()) {
            return Optional.empty();
        }
        Optional<String> entity = c.getExtendedTypes().stream()
                .filter(t -> REPOSITORIES.contains(t.getNameAsString()))
                .flatMap(t -> t.getTypeArguments().stream().flatMap(List::stream))
                .findFirst()
                .map(Type::asString);
        if (entity.isEmpty()) {
            return Optional.empty();
        }
        List<QueryMethod> methods = new ArrayList<>();
        for (MethodDeclaration m : c.getMethods()) {
            Optional<AnnotationExpr> query = m.getAnnotationByName("Query");
            if (attribute(query, "nativeQuery").map(Boolean::parseBoolean).orElse(false)) {
                found.addAll(CodeModel.sql(
                        textLine(query, m),
                        "native-query",
                        attribute(query, "value").orElse(""),
                        "high"));
            } else {
                methods.add(
                        query.isPresent()
                                ? new QueryMethod(
                                        m.getNameAsString(),
                                        textLine(query, m),
                                        attribute(query, "value").orElse(""),
                                        null,
                                        List.of())
                                : derived(m.getNameAsString(), line(m.getName())));
            }
        }
        return Optional.of(new Repository(entity.get(), methods));
    }

    /**
     * A local variable handed to the call ({@code String sql = "…"; jdbc.update(sql)}) stands for its initializer when it
     * is declared once in the enclosing method and never assigned again; anything else is left as it is.
     */
    private static Expression localInitializer(Expression argument) {
        if (!argument.isNameExpr()) {
            return argument;
        }
        String name = argument.asNameExpr().getNameAsString();
        Optional<CallableDeclaration> method = argument.findAncestor(CallableDeclaration.class);
        if (method.isEmpty()) {
            return argument;
        }
        List<VariableDeclarator> declared = ((Node) method.get())
                .findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name));
        boolean reassigned = !((Node) method.get())
                .findAll(
                        AssignExpr.class,
                        a -> a.getTarget().isNameExpr()
                                && a.getTarget().asNameExpr().getNameAsString().equals(name))
                .isEmpty();
        if (declared.size() != 1
                || reassigned
                || declared.get(0).getInitializer().isEmpty()) {
            return argument;
        }
        return declared.get(0).getInitializer().get();
    }

    /** {@code findByEmailAndStatusOrderByName} → read, [email, status]; a name that is no derived query has no access. */
    private static QueryMethod derived(String name, int line) {
        Matcher d = DERIVED.matcher(name);
        if (!d.matches()) {
            return new QueryMethod(name, line, null, null, List.of());
        }
        String access = d.group(1).equals("delete") || d.group(1).equals("remove") ? "write" : "read";
        List<String> properties = new ArrayList<>();
        String[] criteriaAndOrder = d.group(3).split("OrderBy", 2);
        for (String part : criteriaAndOrder[0].split("And|Or")) {
            String property = OPERATORS.matcher(part).replaceAll("");
            addProperty(properties, property.isEmpty() ? part : property);
        }
        if (criteriaAndOrder.length > 1) { // OrderByLastnameAscFirstnameDesc: the sort reads those columns too
            for (String part : criteriaAndOrder[1].split("(?<=Asc)|(?<=Desc)")) {
                addProperty(properties, part.replaceAll("(Asc|Desc)$", ""));
            }
        }
        return new QueryMethod(name, line, null, access, properties);
    }

    private static void addProperty(List<String> properties, String property) {
        if (!property.isEmpty()) {
            String name = Character.toLowerCase(property.charAt(0)) + property.substring(1);
            if (!properties.contains(name)) {
                properties.add(name);
            }
        }
    }

    /** Literals, text blocks, constants, and those joined with +; anything else is an unknown part. */
    private static Optional<StringExpression> expression(Expression e) {
        List<StringExpression.Part> parts = new ArrayList<>();
        collect(e, parts);
        return parts.stream().allMatch(p -> p.literal() == null && p.constant() == null)
                ? Optional.empty()
                : Optional.of(new StringExpression(parts));
    }

    private static void collect(Expression e, List<StringExpression.Part> parts) {
        if (e.isStringLiteralExpr()) {
            parts.add(new StringExpression.Part(e.asStringLiteralExpr().asString(), null));
        } else if (e.isTextBlockLiteralExpr()) {
            parts.add(new StringExpression.Part(e.asTextBlockLiteralExpr().asString(), null));
        } else if (e.isNameExpr()) {
            parts.add(new StringExpression.Part(null, e.asNameExpr().getNameAsString()));
        } else if (e.isFieldAccessExpr()) {
            parts.add(new StringExpression.Part(null, e.asFieldAccessExpr().getNameAsString()));
        } else if (e.isEnclosedExpr()) {
            collect(e.asEnclosedExpr().getInner(), parts);
        } else if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.PLUS) {
            collect(e.asBinaryExpr().getLeft(), parts);
            collect(e.asBinaryExpr().getRight(), parts);
        } else {
            parts.add(new StringExpression.Part(null, null));
        }
    }

    static Optional<Expression> attributeExpression(AnnotationExpr a, String name) {
        if (a instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
            return Optional.of(single.getMemberValue());
        }
        if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** Nested annotations of an attribute: one, or an array of them. */
    private static List<AnnotationExpr> annotations(AnnotationExpr a, String name) {
        return attributeExpression(a, name)
                .map(e -> e instanceof ArrayInitializerExpr array
                        ? array.getValues().stream()
                                .filter(Expression::isAnnotationExpr)
                                .map(Expression::asAnnotationExpr)
                                .toList()
                        : e.isAnnotationExpr() ? List.of(e.asAnnotationExpr()) : List.<AnnotationExpr>of())
                .orElse(List.of());
    }

    private static Optional<String> attribute(Optional<AnnotationExpr> annotation, String name) {
        return annotation.flatMap(a -> attributeExpression(a, name)).flatMap(JavaSummarizer::text);
    }

    private static Optional<String> text(Expression e) {
        if (e.isStringLiteralExpr()) {
            return Optional.of(e.asStringLiteralExpr().asString());
        }
        if (e.isTextBlockLiteralExpr()) {
            return Optional.of(e.asTextBlockLiteralExpr().asString());
        }
        if (e.isBooleanLiteralExpr()) {
            return Optional.of(String.valueOf(e.asBooleanLiteralExpr().getValue()));
        }
        if (e.isBinaryExpr()) {
            Optional<String> l = text(e.asBinaryExpr().getLeft());
            Optional<String> r = text(e.asBinaryExpr().getRight());
            return l.isPresent() && r.isPresent() ? Optional.of(l.get() + r.get()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** Where a query annotation's text starts (the string, not the annotation above it); the method's line without it. */
    private static int textLine(Optional<AnnotationExpr> annotation, MethodDeclaration m) {
        return annotation
                .flatMap(a -> attributeExpression(a, "value"))
                .map(JavaSummarizer::line)
                .orElse(line(m.getName()));
    }

    static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(1);
    }
}
