package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders a schema's objects so that each comes after everything it depends on, as pg_dump's dependency sort does: a
 * topological sort in which, where dependencies leave a choice, the kind's priority and then the order the export read
 * the objects in decide (the export reads each kind ordered by name, so the same schema always gives the same script). A dependency cycle is broken the way pg_dump breaks it: an object that can
 * be made in two steps (a view as a shell, a table without the defaults that call functions) is split; where none
 * can, the cycle is reported and one dependency set aside.
 */
final class DependencySort {

    /** @param problems cycles that no split could break, said in words */
    record Result(List<SchemaObject> objects, List<String> statements, List<String> problems) {}

    /** Ranks are computed once ({@link #rank}), so that the queue compares numbers; a shell comes just before its object. */
    private static final Comparator<Node> BY_RANK = Comparator.comparingLong(n -> n.rank);

    private static final class Node {
        final SchemaObject object;
        final boolean firstPart;
        /** Most objects depend on one or two others and few have dependents: the lists start small. */
        final List<Node> dependsOn = new ArrayList<>(2);

        List<Node> dependents = List.of();
        int pending;
        long rank;
        boolean done;
        /** Written after all others: a last kind, or what depends on one (its comment, its owner). */
        boolean last;

        boolean split;

        final String key;

        Node(SchemaObject object, boolean firstPart) {
            this.object = object;
            this.firstPart = firstPart;
            this.key = firstPart ? null : object.key();
        }

        List<String> statements() {
            if (firstPart) {
                return object.split().first();
            }
            return split ? object.split().rest() : object.statements();
        }

        void dependOn(Node other) {
            dependsOn.add(other);
            other.dependent(this);
            if (!other.done) {
                pending++;
            }
        }

        void dependent(Node other) {
            if (dependents.isEmpty()) {
                dependents = new ArrayList<>(4);
            }
            dependents.add(other);
        }
    }

    private DependencySort() {}

    static Result sort(List<SchemaObject> objects) {
        Map<String, Node> byKey = new HashMap<>(objects.size() * 2);
        List<Node> nodes = new ArrayList<>(objects.size());
        List<SchemaObject> describing = new ArrayList<>();
        for (SchemaObject o : objects) {
            if (o.kind().describesAnother() && o.kind() != ObjectKind.REFRESH) {
                describing.add(o); // nothing depends on a comment, an owner or a grant: they need no place in the graph
                continue;
            }
            Node node = new Node(o, false);
            if (byKey.putIfAbsent(node.key, node) == null) {
                nodes.add(node);
            }
        }
        for (Node node : nodes) {
            for (String dependency : node.object.dependsOn()) {
                Node other = byKey.get(dependency);
                if (other != null && other != node) {
                    node.dependOn(other);
                }
            }
        }
        markLast(nodes);
        rank(nodes);
        PriorityQueue<Node> ready = new PriorityQueue<>(BY_RANK);
        PriorityQueue<Node> readyLast = new PriorityQueue<>(BY_RANK);
        int remainingLast = 0;
        for (Node n : nodes) {
            if (n.pending == 0) {
                (n.last ? readyLast : ready).add(n);
            }
            remainingLast += n.last ? 1 : 0;
        }
        List<SchemaObject> ordered = new ArrayList<>(objects.size());
        List<String> statements = new ArrayList<>(objects.size() * 2);
        List<String> problems = new ArrayList<>();
        int remaining = nodes.size();
        boolean described = false;
        while (remaining > 0) {
            Node next = ready.poll();
            if (next == null && remaining == remainingLast) {
                if (!described) { // before event triggers and default privileges: what describes the others
                    describe(describing, byKey, false, ordered, statements);
                    described = true;
                }
                next = readyLast.poll();
            }
            if (next == null) {
                breakCycle(nodes, remaining == remainingLast ? readyLast : ready, problems);
                continue;
            }
            next.done = true;
            for (String statement : next.statements()) {
                statements.add(statement);
            }
            if (!next.firstPart) {
                ordered.add(next.object);
                remaining--;
                if (next.last) {
                    remainingLast--;
                }
            }
            for (Node dependent : next.dependents) {
                if (!dependent.done && --dependent.pending == 0) {
                    (dependent.last ? readyLast : ready).add(dependent);
                }
            }
        }
        if (!described) {
            describe(describing, byKey, false, ordered, statements);
        }
        describe(describing, byKey, true, ordered, statements);
        return new Result(ordered, statements, problems);
    }

    /** Comments, owners, grants and OWNED BY, by kind then in the order read: of ordinary objects, or of the last ones. */
    private static void describe(
            List<SchemaObject> describing,
            Map<String, Node> byKey,
            boolean ofLast,
            List<SchemaObject> ordered,
            List<String> statements) {
        List<SchemaObject> chosen = new ArrayList<>();
        for (SchemaObject o : describing) {
            boolean last = false;
            for (String dependency : o.dependsOn()) {
                Node n = byKey.get(dependency);
                last |= n != null && n.last;
            }
            if (last == ofLast) {
                chosen.add(o);
            }
        }
        chosen.sort(java.util.Comparator.comparingInt(
                o -> o.kind().ordinal())); // stable: the order read stays within a kind
        for (SchemaObject o : chosen) {
            ordered.add(o);
            statements.addAll(o.statements());
        }
    }

    /**
     * Each node's place where dependencies leave a choice: its kind's priority, then the order the export read it in
     * (every catalog query is ordered by name, so the same schema gives the same order).
     */
    private static void rank(List<Node> nodes) {
        long size = nodes.size() + 1L;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            n.rank = 2 * (n.object.kind().ordinal() * size + i) + 1;
        }
    }

    private static void markLast(List<Node> nodes) {
        java.util.ArrayDeque<Node> queue = new java.util.ArrayDeque<>();
        for (Node n : nodes) {
            if (n.object.kind().last()) {
                n.last = true;
                queue.add(n);
            }
        }
        while (!queue.isEmpty()) {
            for (Node dependent : queue.poll().dependents) {
                if (!dependent.last) {
                    dependent.last = true;
                    queue.add(dependent);
                }
            }
        }
    }

    private static void breakCycle(List<Node> nodes, PriorityQueue<Node> ready, List<String> problems) {
        List<Node> cycle = findCycle(nodes);
        Node splittable = cycle.stream()
                .filter(n -> !n.split && !n.firstPart && n.object.split() != null)
                .min(Comparator.comparingInt((Node n) -> splitPreference(n.object.kind()))
                        .thenComparing(n -> n.object.name()))
                .orElse(null);
        if (splittable != null) {
            split(splittable, ready, nodes);
            return;
        }
        // no object in the cycle can be made in two steps: set aside the dependency of the latest-kind object
        int at = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (BY_RANK.compare(cycle.get(i), cycle.get(at)) > 0) {
                at = i;
            }
        }
        Node from = cycle.get(at);
        Node to = cycle.get((at + 1) % cycle.size());
        from.dependsOn.remove(to);
        to.dependents.remove(from);
        problems.add(from.object.key() + " and " + to.object.key() + " depend on each other (through "
                + String.join(" → ", cycle.stream().map(n -> n.object.key()).toList()) + "); "
                + from.object.key() + " is created first and may fail");
        if (--from.pending == 0) {
            ready.add(from);
        }
    }

    private static int splitPreference(ObjectKind kind) {
        return switch (kind) {
            case VIEW -> 0;
            case TABLE -> 1;
            case DOMAIN -> 2;
            default -> 3;
        };
    }

    /** The shell is what others wait for; the object's remaining statements wait for everything it needs. */
    private static void split(Node node, PriorityQueue<Node> ready, List<Node> nodes) {
        Node first = new Node(node.object, true);
        first.rank = node.rank - 1;
        nodes.add(first);
        for (Node dependent : List.copyOf(node.dependents)) {
            if (dependent.done) {
                continue;
            }
            dependent.dependsOn.remove(node);
            dependent.dependsOn.add(first);
            first.dependent(dependent);
        }
        node.dependents = List.of();
        for (Node dependency : node.dependsOn) {
            if (node.object.split().firstDependsOn().contains(dependency.object.key())) {
                first.dependOn(dependency);
            }
        }
        node.split = true;
        node.dependOn(first);
        if (first.pending == 0) {
            ready.add(first);
        }
    }

    /** A cycle among the objects not yet written: each of them still waits for one not yet written. */
    private static List<Node> findCycle(List<Node> nodes) {
        Node start = nodes.stream()
                .filter(n -> !n.done && n.pending > 0)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing ready, yet nothing waits"));
        Map<Node, Integer> seen = new HashMap<>();
        List<Node> path = new ArrayList<>();
        Node current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = current.dependsOn.stream()
                    .filter(d -> !d.done)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("a waiting object with nothing to wait for"));
        }
        return new ArrayList<>(path.subList(seen.get(current), path.size()));
    }
}
