package dev.schemaguard.tools.deps.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transactional outbox in code: a method that writes an entity's table and an outbox table together (SQL it
 * runs, repositories it saves through, entities it persists), so that a relay publishes what the outbox got — a reader
 * of the entity's table that never queries it. Only methods that write something named like an outbox are kept.
 */
final class OutboxCode {

    private static final Pattern SQL_WRITE =
            Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+((?:\"?\\w+\"?\\.)?\"?\\w+\"?)");
    private static final Set<String> REPOSITORY_WRITES =
            Set.of("save", "saveAll", "saveAndFlush", "saveAllAndFlush", "delete", "deleteAll", "deleteById");

    private OutboxCode() {}

    /**
     * @param tables       tables its SQL writes (as written)
     * @param repositories repository types it saves or deletes through
     * @param persisted    entity types it hands to {@code persist}/{@code merge}/{@code remove}
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record OutboxWrite(
            int line,
            String method,
            boolean transactional,
            List<String> tables,
            List<String> repositories,
            List<String> persisted) {

        /** Empty lists are left out of the cache: read back as empty. */
        OutboxWrite {
            tables = tables == null ? List.of() : tables;
            repositories = repositories == null ? List.of() : repositories;
            persisted = persisted == null ? List.of() : persisted;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Facts(List<OutboxWrite> writes, Map<String, String> repositoryEntities) {

        static final Facts NONE = new Facts(List.of(), Map.of());

        Facts {
            writes = writes == null ? List.of() : writes;
            repositoryEntities = repositoryEntities == null ? Map.of() : repositoryEntities;
        }
    }

    static Facts read(CompilationUnit cu) {
        Map<String, String> repositoryEntities = new LinkedHashMap<>();
        for (ClassOrInterfaceDeclaration c : cu.findAll(ClassOrInterfaceDeclaration.class)) {
            if (c.isInterface()) {
                c.getExtendedTypes().stream()
                        .filter(t -> JavaSummarizer.REPOSITORIES.contains(t.getNameAsString()))
                        .flatMap(t -> t.getTypeArguments().stream().flatMap(List::stream))
                        .findFirst()
                        .ifPresent(e -> repositoryEntities.put(c.getNameAsString(), simple(e.asString())));
            }
        }
        List<OutboxWrite> writes = new ArrayList<>();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            write(m).ifPresent(writes::add);
        }
        return writes.isEmpty() && repositoryEntities.isEmpty() ? Facts.NONE : new Facts(writes, repositoryEntities);
    }

    private static Optional<OutboxWrite> write(MethodDeclaration m) {
        Set<String> tables = new LinkedHashSet<>();
        m.findAll(Expression.class, e -> e.isStringLiteralExpr() || e.isTextBlockLiteralExpr())
                .forEach(e -> {
                    Matcher w = SQL_WRITE.matcher(
                            e.isStringLiteralExpr()
                                    ? e.asStringLiteralExpr().asString()
                                    : e.asTextBlockLiteralExpr().asString());
                    while (w.find()) {
                        tables.add(w.group(1).replace("\"", ""));
                    }
                });
        Set<String> repositories = new LinkedHashSet<>();
        Set<String> persisted = new LinkedHashSet<>();
        for (MethodCallExpr call : m.findAll(MethodCallExpr.class)) {
            if (call.getScope().isEmpty()
                    || !call.getScope().get().isNameExpr()
                            && !call.getScope().get().isFieldAccessExpr()) {
                continue;
            }
            String scope = call.getScope().get().isNameExpr()
                    ? call.getScope().get().asNameExpr().getNameAsString()
                    : call.getScope().get().asFieldAccessExpr().getNameAsString();
            if (REPOSITORY_WRITES.contains(call.getNameAsString())) {
                JavaSummarizer.declaredType(m, scope)
                        .filter(t -> t.endsWith("Repository"))
                        .ifPresent(repositories::add);
            } else if (List.of("persist", "merge", "remove").contains(call.getNameAsString())
                    && call.getArguments().size() == 1
                    && call.getArgument(0).isNameExpr()) {
                JavaSummarizer.declaredType(m, call.getArgument(0).asNameExpr().getNameAsString())
                        .ifPresent(persisted::add);
            }
        }
        boolean outbox = tables.stream().anyMatch(OutboxCode::outboxLike)
                || repositories.stream().anyMatch(OutboxCode::outboxLike)
                || persisted.stream().anyMatch(OutboxCode::outboxLike);
        if (!outbox || tables.size() + repositories.size() + persisted.size() < 2) {
            return Optional.empty();
        }
        boolean transactional = m.getAnnotationByName("Transactional").isPresent()
                || m.findAncestor(ClassOrInterfaceDeclaration.class)
                        .filter(c -> c.getAnnotationByName("Transactional").isPresent())
                        .isPresent();
        return Optional.of(new OutboxWrite(
                JavaSummarizer.line(m.getName()),
                m.getNameAsString(),
                transactional,
                List.copyOf(tables),
                List.copyOf(repositories),
                List.copyOf(persisted)));
    }

    static boolean outboxLike(String name) {
        return name.toLowerCase(Locale.ROOT).contains("outbox");
    }

    private static String simple(String type) {
        String t = type.replaceAll("<.*", "");
        return t.substring(t.lastIndexOf('.') + 1);
    }
}
