package dev.schemaguard.tools.deps.code;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java sources read with JavaParser (language level 17): JPA entities and their columns (explicit names, or Spring
 * Boot's default snake_case naming), Spring Data repositories (derived query methods, {@code @Query} JPQL resolved
 * through the entities, native SQL), and SQL handed to JdbcTemplate, JDBC or jOOQ as literals, constants or simple
 * concatenations.
 */
final class JavaScanner {

    private static final Set<String> REPOSITORIES = Set.of("Repository", "CrudRepository", "ListCrudRepository", "JpaRepository",
            "PagingAndSortingRepository", "ListPagingAndSortingRepository");
    private static final Set<String> SQL_METHODS = Set.of("query", "queryForObject", "queryForList", "queryForMap", "queryForRowSet",
            "queryForStream", "update", "batchUpdate", "execute", "prepareStatement", "prepareCall", "executeQuery", "executeUpdate",
            "fetch", "fetchOne", "resultQuery", "createNativeQuery", "sql");
    /** A derived query: a verb, an optional subject ("Distinct", "Top10", "AllCustomers") up to the first "By", the criteria. */
    private static final Pattern DERIVED = Pattern.compile("^(find|read|get|query|search|stream|count|exists|delete|remove)((?:(?!By)[A-Z][a-z0-9]*)*)By(\\w+)$");
    private static final Pattern OPERATORS = Pattern.compile("(IgnoreCase|AllIgnoreCase|Containing|NotContaining|StartingWith|EndingWith|"
            + "GreaterThanEqual|GreaterThan|LessThanEqual|LessThan|Between|NotIn|In|IsNotNull|IsNull|NotNull|Null|Not|Like|NotLike|"
            + "Before|After|True|False|Is|Equals)$");

    /** An entity: its table and each field's column. */
    record Entity(String name, String table, Map<String, String> columns, Map<String, Integer> lines, String file, int line) {
    }

    /** What the first pass learns from all files: entities, mapped superclasses, string constants. */
    static final class Model {
        final Map<String, Entity> entities = new HashMap<>();
        final Map<String, Map<String, String>> superclassColumns = new HashMap<>();
        final Map<String, String> constants = new HashMap<>();
        final Map<String, List<String>> parents = new HashMap<>();

        /** Once every file is read: entities get the columns of the mapped superclasses they extend. */
        void resolveInheritance() {
            parents.forEach((entity, names) -> names.forEach(parent -> {
                Map<String, String> inherited = superclassColumns.get(parent);
                Entity e = entities.get(entity);
                if (inherited != null && e != null) {
                    inherited.forEach(e.columns()::putIfAbsent);
                }
            }));
        }
    }

    /** JavaParser instances are not thread-safe: one per parsing thread. */
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

    Optional<CompilationUnit> parse(String source) {
        ParseResult<CompilationUnit> result = PARSER.get().parse(source);
        return result.getResult();
    }

    /** First pass over one file. */
    void learn(CompilationUnit cu, String file, Model model) {
        for (FieldDeclaration f : cu.findAll(FieldDeclaration.class)) {
            if (f.isStatic() && f.isFinal()) {
                for (VariableDeclarator v : f.getVariables()) {
                    v.getInitializer().flatMap(init -> literal(init, model)).ifPresent(text -> model.constants.put(v.getNameAsString(), text));
                }
            }
        }
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            boolean entity = c.getAnnotationByName("Entity").isPresent();
            boolean mapped = c.getAnnotationByName("MappedSuperclass").isPresent();
            if (!entity && !mapped) {
                continue;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, Integer> lines = new LinkedHashMap<>();
            for (FieldDeclaration f : c.getFields()) {
                if (f.isStatic() || f.isTransient() || f.getAnnotationByName("Transient").isPresent()
                        || f.getAnnotationByName("OneToMany").isPresent() || f.getAnnotationByName("ManyToMany").isPresent()) {
                    continue;
                }
                for (VariableDeclarator v : f.getVariables()) {
                    String column = attribute(f.getAnnotationByName("JoinColumn"), "name")
                            .or(() -> attribute(f.getAnnotationByName("Column"), "name"))
                            .orElseGet(() -> Naming.snake(v.getNameAsString()) + (f.getAnnotationByName("ManyToOne").isPresent()
                                    || f.getAnnotationByName("OneToOne").isPresent() ? "_id" : ""));
                    columns.put(v.getNameAsString(), Naming.bare(column));
                    lines.put(v.getNameAsString(), line(v));
                }
            }
            if (mapped) {
                model.superclassColumns.put(c.getNameAsString(), columns);
            }
            if (entity) {
                String table = attribute(c.getAnnotationByName("Table"), "name").map(Naming::bare)
                        .orElseGet(() -> Naming.snake(attribute(c.getAnnotationByName("Entity"), "name").orElse(c.getNameAsString())));
                model.parents.put(c.getNameAsString(), c.getExtendedTypes().stream().map(ClassOrInterfaceType::getNameAsString).toList());
                model.entities.put(c.getNameAsString(), new Entity(c.getNameAsString(), table, columns, lines, file, line(c)));
            }
        }
    }

    /** Second pass over one file: the sites. */
    List<Found> sites(CompilationUnit cu, String file, Model model) {
        List<Found> found = new ArrayList<>();
        for (Entity e : model.entities.values()) {
            if (!e.file().equals(file)) {
                continue;
            }
            found.add(new Found(e.line(), "entity-mapping", "read/write", "high", e.table(), null, "@Entity " + e.name(), null));
            e.columns().forEach((field, column) -> found.add(new Found(e.lines().getOrDefault(field, e.line()), "entity-mapping",
                    "read/write", "high", e.table(), column, e.name() + "." + field, null)));
        }
        for (ClassOrInterfaceDeclaration repo : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!repo.isInterface()) {
                continue;
            }
            Entity entity = repo.getExtendedTypes().stream().filter(t -> REPOSITORIES.contains(t.getNameAsString()))
                    .flatMap(t -> t.getTypeArguments().stream().flatMap(List::stream)).findFirst()
                    .map(t -> model.entities.get(t.asString())).orElse(null);
            if (entity == null) {
                continue;
            }
            for (MethodDeclaration m : repo.getMethods()) {
                Optional<AnnotationExpr> query = m.getAnnotationByName("Query");
                if (query.isPresent()) {
                    String text = attribute(query, "value").orElse("");
                    boolean nativeQuery = attribute(query, "nativeQuery").map(Boolean::parseBoolean).orElse(false);
                    if (nativeQuery) {
                        found.addAll(sql(line(m), "native-query", text, "high"));
                    } else {
                        found.addAll(jpql(line(m), text, model));
                    }
                } else {
                    found.addAll(derived(m, entity));
                }
            }
        }
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            for (String mybatis : List.of("Select", "Insert", "Update", "Delete")) {
                m.getAnnotationByName(mybatis).flatMap(a -> attribute(Optional.of(a), "value"))
                        .ifPresent(text -> found.addAll(sql(line(m), "mybatis-sql", text, "high")));
            }
        }
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            if (!SQL_METHODS.contains(call.getNameAsString()) || call.getArguments().isEmpty()) {
                continue;
            }
            literal(call.getArgument(0), model).filter(SqlReferences::looksLikeSql)
                    .ifPresent(text -> found.addAll(sql(line(call), "jdbc-sql", text, "medium")));
        }
        return found;
    }

    /** A site before its service and file are known; {@code text} is the full SQL or JPQL for column matching. */
    record Found(int line, String kind, String access, String confidence, String table, String column, String evidence, String text) {
    }

    static List<Found> sql(int line, String kind, String text, String confidence) {
        List<Found> found = new ArrayList<>();
        for (String table : SqlReferences.tables(text)) {
            found.add(new Found(line, kind, SqlReferences.access(text), confidence, table, null, SqlReferences.shorten(text), text));
        }
        return found;
    }

    private static List<Found> jpql(int line, String jpql, Model model) {
        List<Found> found = new ArrayList<>();
        Matcher from = Pattern.compile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?").matcher(jpql);
        while (from.find()) {
            Entity e = model.entities.get(from.group(1));
            if (e == null) {
                continue;
            }
            String alias = from.group(2) == null ? e.name() : from.group(2);
            Set<String> columns = new LinkedHashSet<>();
            Matcher property = Pattern.compile("\\b" + Pattern.quote(alias) + "\\.(\\w+)").matcher(jpql);
            while (property.find()) {
                String column = e.columns().get(property.group(1));
                if (column != null) {
                    columns.add(column);
                }
            }
            String access = SqlReferences.access(jpql);
            found.add(new Found(line, "jpql-query", access, "high", e.table(), null, SqlReferences.shorten(jpql), null));
            columns.forEach(c -> found.add(new Found(line, "jpql-query", access, "high", e.table(), c, SqlReferences.shorten(jpql), null)));
        }
        return found;
    }

    private static List<Found> derived(MethodDeclaration m, Entity e) {
        Matcher d = DERIVED.matcher(m.getNameAsString());
        if (!d.matches()) {
            return List.of();
        }
        String access = d.group(1).equals("delete") || d.group(1).equals("remove") ? "write" : "read";
        String criteria = d.group(3).replaceAll("OrderBy\\w*$", "");
        List<Found> found = new ArrayList<>();
        found.add(new Found(line(m), "derived-query", access, "high", e.table(), null, m.getNameAsString(), null));
        for (String part : criteria.split("And|Or")) {
            String property = OPERATORS.matcher(part).replaceAll("");
            property = property.isEmpty() ? part : property;
            String field = Character.toLowerCase(property.charAt(0)) + property.substring(1);
            String column = e.columns().get(field);
            if (column != null) {
                found.add(new Found(line(m), "derived-query", access, "high", e.table(), column, m.getNameAsString(), null));
            }
        }
        return found;
    }

    /** A string as code spells it: a literal, a text block, a constant, or literals and constants joined with +. */
    private static Optional<String> literal(Expression e, Model model) {
        if (e.isStringLiteralExpr()) {
            return Optional.of(e.asStringLiteralExpr().asString());
        }
        if (e.isTextBlockLiteralExpr()) {
            return Optional.of(e.asTextBlockLiteralExpr().asString());
        }
        if (e.isNameExpr()) {
            return Optional.ofNullable(model.constants.get(e.asNameExpr().getNameAsString()));
        }
        if (e.isFieldAccessExpr()) {
            return Optional.ofNullable(model.constants.get(e.asFieldAccessExpr().getNameAsString()));
        }
        if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = literal(e.asBinaryExpr().getLeft(), model);
            Optional<String> right = literal(e.asBinaryExpr().getRight(), model);
            if (left.isPresent() || right.isPresent()) {
                return Optional.of(left.orElse(" ? ") + right.orElse(" ? "));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> attribute(Optional<AnnotationExpr> annotation, String name) {
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        AnnotationExpr a = annotation.get();
        if (a instanceof SingleMemberAnnotationExpr single && name.equals("value")) {
            return text(single.getMemberValue());
        }
        if (a instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return text(pair.getValue());
                }
            }
        }
        return Optional.empty();
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

    private static int line(Node n) {
        return n.getBegin().map(p -> p.line).orElse(1);
    }
}
