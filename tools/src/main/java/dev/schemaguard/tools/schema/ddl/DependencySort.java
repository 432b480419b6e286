package dev.schemaguard.tools.schema.ddl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Orders a schema's objects so that each comes after everything it depends on, as pg_dump's dependency sort does: a
 * topological sort in which, where dependencies leave a choice, the kind's priority and then the name decide (so the
 * same schema always gives the same script). A dependency cycle is broken the way pg_dump breaks it: an object that can
 * be made in two steps (a view as a shell, a table without the defaults that call functions) is split; where none
 * can, the cycle is reported and one dependency set aside.
 */
final class DependencySort {

    /** @param problems cycles that no split could break, said in words */
    record Result(List<SchemaObject> objects, List<String> statements, List<String> problems) {
    }

    private static final Comparator<Node> PRIORITY = Comparator.comparingInt((Node n) -> n.object.kind().ordinal())
            .thenComparing(n -> n.object.name()).thenComparingInt(n -> n.firstPart ? 0 : 1);

    private static final class Node {
        final SchemaObject object;
        final boolean firstPart;
        final List<Node> dependsOn = new ArrayList<>();
        final List<Node> dependents = new ArrayList<>();
        int pending;
        boolean done;
        /** Written after all others: a last kind, or what depends on one (its comment, its owner). */
        boolean last;
        boolean split;

        Node(SchemaObject object, boolean firstPart) {
            this.object = object;
            this.firstPart = firstPart;
        }

        List<String> statements() {
            if (firstPart) {
                return object.split().first();
            }
            return split ? object.split().rest() : object.statements();
        }

        void dependOn(Node other) {
            dependsOn.add(other);
            other.dependents.add(this);
            if (!other.done) {
                pending++;
            }
        }
    }

    private DependencySort() {
    }

    static Result sort(List<SchemaObject> objects) {
        Map<String, Node> byKey = new HashMap<>(objects.size() * 2);
        List<Node> nodes = new ArrayList<>(objects.size());
        for (SchemaObject o : objects) {
            Node node = new Node(o, false);
            if (byKey.putIfAbsent(o.key(), node) == null) {
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
        PriorityQueue<Node> ready = new PriorityQueue<>(PRIORITY);
        PriorityQueue<Node> readyLast = new PriorityQueue<>(PRIORITY);
        nodes.stream().filter(n -> n.pending == 0).forEach(n -> (n.last ? readyLast : ready).add(n));
        List<SchemaObject> ordered = new ArrayList<>(objects.size());
        List<String> statements = new ArrayList<>(objects.size() + 8);
        List<String> problems = new ArrayList<>();
        int remaining = nodes.size();
        int remainingLast = (int) nodes.stream().filter(n -> n.last).count();
        while (remaining > 0) {
            Node next = ready.poll();
            if (next == null && remaining == remainingLast) {
                next = readyLast.poll();
            }
            if (next == null) {
                breakCycle(nodes, remaining == remainingLast ? readyLast : ready, problems);
                continue;
            }
            next.done = true;
            statements.addAll(next.statements());
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
        return new Result(ordered, statements, problems);
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
        Node splittable = cycle.stream().filter(n -> !n.split && !n.firstPart && n.object.split() != null)
                .min(Comparator.comparingInt((Node n) -> splitPreference(n.object.kind())).thenComparing(n -> n.object.name()))
                .orElse(null);
        if (splittable != null) {
            split(splittable, ready, nodes);
            return;
        }
        // no object in the cycle can be made in two steps: set aside the dependency of the latest-kind object
        int at = 0;
        for (int i = 1; i < cycle.size(); i++) {
            if (PRIORITY.compare(cycle.get(i), cycle.get(at)) > 0) {
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
        nodes.add(first);
        for (Node dependent : List.copyOf(node.dependents)) {
            if (dependent.done) {
                continue;
            }
            dependent.dependsOn.remove(node);
            dependent.dependsOn.add(first);
            first.dependents.add(dependent);
        }
        node.dependents.clear();
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
        Node start = nodes.stream().filter(n -> !n.done && n.pending > 0).findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing ready, yet nothing waits"));
        Map<Node, Integer> seen = new HashMap<>();
        List<Node> path = new ArrayList<>();
        Node current = start;
        while (!seen.containsKey(current)) {
            seen.put(current, path.size());
            path.add(current);
            current = current.dependsOn.stream().filter(d -> !d.done).findFirst()
                    .orElseThrow(() -> new IllegalStateException("a waiting object with nothing to wait for"));
        }
        return new ArrayList<>(path.subList(seen.get(current), path.size()));
    }
}
