package dev.schemaguard.tools.deps.code;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Readers that never query a table, found by the path its changes take: a Debezium connector that streams the table
 * to a topic ({@code prefix.schema.table}), and the listeners of that topic, with the payload type they receive.
 */
final class EventReaders {

    private record Placed<T>(String service, String file, T what) {}

    private final List<Placed<EventCode.Connector>> connectors = new ArrayList<>();
    private final List<Placed<EventCode.Listener>> listeners = new ArrayList<>();
    private final Map<String, List<EventCode.MessageField>> messageTypes = new HashMap<>();
    private final List<Placed<EventCode.Producer>> producers = new ArrayList<>();
    private final List<Placed<OutboxCode.OutboxWrite>> outboxWrites = new ArrayList<>();
    private final Map<String, String> repositoryEntities = new HashMap<>();
    /** The table each entity maps (bare, lower case). */
    private final Map<String, String> tableOfEntity = new HashMap<>();
    /** Entity names by the table they map (bare, lower case). */
    private final Map<String, java.util.Set<String>> entitiesOfTable = new HashMap<>();

    EventReaders(
            Map<String, FileSummary> byFile,
            Function<String, String> serviceOf,
            List<CodeModel.MappedField> entityFields) {
        entityFields.forEach(f -> entitiesOfTable
                .computeIfAbsent(f.table().toLowerCase(Locale.ROOT), t -> new java.util.TreeSet<>())
                .add(f.entity()));
        entityFields.forEach(
                f -> tableOfEntity.putIfAbsent(f.entity(), f.table().toLowerCase(Locale.ROOT)));
        Map<String, String> bindings = new HashMap<>();
        byFile.values().forEach(s -> bindings.putAll(s.events().bindings()));
        byFile.forEach((file, summary) -> {
            EventCode.Facts facts = summary.events();
            facts.connectors().forEach(c -> connectors.add(new Placed<>(serviceOf.apply(file), file, c)));
            for (EventCode.Listener l : facts.listeners()) {
                EventCode.Listener bound = l.kind().equals("stream") && bindings.containsKey(l.method())
                        ? new EventCode.Listener(
                                l.method(), l.line(), l.kind(), List.of(bindings.get(l.method())), null, l.payload())
                        : l;
                listeners.add(new Placed<>(serviceOf.apply(file), file, bound));
            }
            facts.messageTypes().forEach(messageTypes::putIfAbsent);
            facts.producers().forEach(p -> producers.add(new Placed<>(serviceOf.apply(file), file, p)));
            summary.outbox().writes().forEach(w -> outboxWrites.add(new Placed<>(serviceOf.apply(file), file, w)));
            repositoryEntities.putAll(summary.outbox().repositoryEntities());
        });
    }

    boolean isEmpty() {
        return connectors.isEmpty() && listeners.isEmpty() && producers.isEmpty() && outboxWrites.isEmpty();
    }

    /** The tables a method writes: its SQL's, its repositories' entities', its persisted entities' (bare, lower case). */
    private java.util.Set<String> tablesWritten(OutboxCode.OutboxWrite w) {
        java.util.Set<String> tables = new java.util.LinkedHashSet<>();
        w.tables().forEach(t -> tables.add(t.substring(t.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)));
        w.repositories().stream()
                .map(repositoryEntities::get)
                .filter(java.util.Objects::nonNull)
                .map(tableOfEntity::get)
                .filter(java.util.Objects::nonNull)
                .forEach(tables::add);
        w.persisted().stream()
                .map(tableOfEntity::get)
                .filter(java.util.Objects::nonNull)
                .forEach(tables::add);
        return tables;
    }

    /**
     * The outbox: a method that writes the table together with an outbox table, the relay that streams the outbox
     * (a Debezium connector whose include list names it), and the listeners of the outbox's topics (Debezium's outbox
     * event router publishes to outbox.event.AGGREGATE unless configured otherwise).
     */
    private void outboxes(String qualified, String table, String column, List<CodeSite> sites) {
        for (Placed<OutboxCode.OutboxWrite> p : outboxWrites) {
            java.util.Set<String> written = tablesWritten(p.what());
            if (!written.contains(table)) {
                continue;
            }
            List<String> outboxes = written.stream()
                    .filter(t -> !t.equals(table) && OutboxCode.outboxLike(t))
                    .toList();
            for (String outbox : outboxes) {
                String method = p.what().method() + " (" + Path.of(p.file()).getFileName() + ":"
                        + p.what().line() + ")";
                sites.add(new CodeSite(
                        p.service(),
                        p.file(),
                        p.what().line(),
                        "outbox-write",
                        "write",
                        p.what().transactional() ? "medium" : "low",
                        table,
                        column,
                        qualified + " is written with the outbox " + outbox + " in " + method
                                + (p.what().transactional()
                                        ? ", one @Transactional unit"
                                        : ", without @Transactional here")
                                + ": a relay publishes the outbox's rows"));
                for (Placed<EventCode.Connector> c : connectors) {
                    boolean relays = c.what().tables().stream()
                            .anyMatch(t -> matches(t, outbox)
                                    || t.contains(".") && matches(t.substring(t.indexOf('.') + 1), outbox));
                    if (!relays) {
                        continue;
                    }
                    String relay = described(c);
                    sites.add(new CodeSite(
                            c.service(),
                            c.file(),
                            c.what().line(),
                            "cdc-connector",
                            "read",
                            "medium",
                            table,
                            column,
                            qualified + " → outbox " + outbox + " (" + method + ") → " + relay));
                    for (Placed<EventCode.Listener> l : listeners) {
                        boolean outboxTopic =
                                l.what().destinations().stream().anyMatch(d -> d.startsWith("outbox.event."))
                                        || l.what().pattern() != null
                                                && matches(l.what().pattern(), "outbox.event.x");
                        if (outboxTopic) {
                            sites.add(new CodeSite(
                                    l.service(),
                                    l.file(),
                                    l.what().line(),
                                    "event-consumer",
                                    "read",
                                    "low",
                                    table,
                                    column,
                                    qualified + " → outbox " + outbox + " → " + relay + " → outbox.event.* → "
                                            + annotation(l.what().kind()) + " "
                                            + l.what().method()));
                        }
                    }
                }
            }
        }
    }

    List<CodeSite> sitesFor(DependencyTarget target) {
        String qualified = target.qualifiedTable().toLowerCase(Locale.ROOT);
        String table = target.table().toLowerCase(Locale.ROOT);
        String column = target.column() == null ? null : target.column().toLowerCase(Locale.ROOT);
        List<CodeSite> sites = new ArrayList<>();
        for (Placed<EventCode.Connector> c : connectors) {
            if (c.what().tables().stream().noneMatch(p -> matches(p, qualified))) {
                continue;
            }
            String topic = (c.what().prefix() == null ? "" : c.what().prefix() + ".") + qualified;
            String connector = described(c);
            sites.add(new CodeSite(
                    c.service(),
                    c.file(),
                    c.what().line(),
                    "cdc-connector",
                    "read",
                    "high",
                    table,
                    column,
                    qualified + " → " + connector + " → topic " + topic));
            for (Placed<EventCode.Listener> l : listenersOf(topic)) {
                EventCode.Listener listener = l.what();
                List<String> fields = listener.payload() == null || !messageTypes.containsKey(listener.payload())
                        ? null
                        : messageTypes.get(listener.payload()).stream()
                                .map(EventCode.MessageField::name)
                                .toList();
                String carries;
                String confidence;
                if (column == null) {
                    carries = listener.payload() == null ? "" : ", payload " + listener.payload();
                    confidence = "medium";
                } else if (fields == null) {
                    carries = listener.payload() == null
                            ? ", raw records (every column)"
                            : ", payload " + listener.payload() + " (its fields not seen)";
                    confidence = "low";
                } else if (fields.stream().anyMatch(f -> EventCode.fieldKey(f).equals(EventCode.fieldKey(column)))) {
                    carries = ", payload " + listener.payload() + " with a field for " + column;
                    confidence = "medium";
                } else {
                    continue; // its payload has no field for the column: the change does not reach what it reads
                }
                sites.add(new CodeSite(
                        l.service(),
                        l.file(),
                        listener.line(),
                        "event-consumer",
                        "read",
                        confidence,
                        table,
                        column,
                        qualified + " → " + connector + " → topic " + topic + " → " + annotation(listener.kind()) + " "
                                + listener.method() + carries));
            }
        }
        outboxes(qualified, table, column, sites);
        // code that publishes the entity itself: its columns travel in the message, to whoever listens
        java.util.Set<String> entities = entitiesOfTable.getOrDefault(table, java.util.Set.of());
        for (Placed<EventCode.Producer> p : producers) {
            if (!entities.contains(p.what().payload())) {
                continue;
            }
            String destination = p.what().destination();
            sites.add(new CodeSite(
                    p.service(),
                    p.file(),
                    p.what().line(),
                    "event-producer",
                    "read",
                    "medium",
                    table,
                    column,
                    qualified + " → entity " + p.what().payload() + " published"
                            + (destination == null ? "" : " to " + destination)));
            if (destination == null) {
                continue;
            }
            for (Placed<EventCode.Listener> l : listenersOf(destination)) {
                sites.add(new CodeSite(
                        l.service(),
                        l.file(),
                        l.what().line(),
                        "event-consumer",
                        "read",
                        "medium",
                        table,
                        column,
                        qualified + " → entity " + p.what().payload() + " published ("
                                + Path.of(p.file()).getFileName() + ":"
                                + p.what().line() + ") to " + destination + " → "
                                + annotation(l.what().kind()) + " "
                                + l.what().method()
                                + (l.what().payload() == null
                                        ? ""
                                        : ", payload " + l.what().payload())));
            }
        }
        return sites;
    }

    private static String described(Placed<EventCode.Connector> c) {
        return "Debezium connector " + c.what().name() + " ("
                + Path.of(c.file()).getFileName() + ":" + c.what().line() + ")";
    }

    /** The listeners of a destination: by name, or by a topic pattern that matches it. */
    private List<Placed<EventCode.Listener>> listenersOf(String destination) {
        return listeners.stream()
                .filter(l -> l.what().destinations().contains(destination)
                        || l.what().pattern() != null && matches(l.what().pattern(), destination))
                .toList();
    }

    private static String annotation(String kind) {
        return switch (kind) {
            case "kafka" -> "@KafkaListener";
            case "rabbit" -> "@RabbitListener";
            case "jms" -> "@JmsListener";
            default -> "Spring Cloud Stream consumer";
        };
    }

    /** Debezium's include lists and Kafka's topic patterns are regular expressions matched against the whole name. */
    private static boolean matches(String pattern, String name) {
        try {
            return Pattern.compile(pattern, Pattern.CASE_INSENSITIVE)
                    .matcher(name)
                    .matches();
        } catch (PatternSyntaxException e) {
            return pattern.equalsIgnoreCase(name);
        }
    }
}
