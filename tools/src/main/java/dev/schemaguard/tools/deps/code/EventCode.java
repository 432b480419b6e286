package dev.schemaguard.tools.deps.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a file says about readers that never query a table: Debezium connector configurations (which tables they
 * stream, to which topics), message listeners (Kafka, RabbitMQ, JMS, Spring Cloud Stream function beans) with the
 * payload type they receive, the fields of message types, and Spring Cloud Stream bindings (function → destination).
 */
final class EventCode {

    private static final Pattern INCLUDE_LIST = Pattern.compile(
            "(?m)[\"']?table\\.(?:include\\.list|whitelist)[\"']?\\s*[:=]\\s*[\"']?([^\"'\\n,\\r][^\"'\\n\\r]*)");
    private static final Pattern PREFIX = Pattern.compile(
            "(?m)[\"']?(?:topic\\.prefix|database\\.server\\.name)[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,]+)");
    private static final Pattern NAME = Pattern.compile("(?m)^\\s*[\"']?name[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,]+)");
    private static final Pattern BINDING_PROPERTY = Pattern.compile(
            "(?m)spring\\.cloud\\.stream\\.bindings\\.([\\w$]+)-in-\\d+\\.destination\\s*[=:]\\s*(\\S+)");
    private static final Pattern BINDING_YAML =
            Pattern.compile("(?m)^(\\s*)([\\w$]+)-in-\\d+:\\s*\\n\\1\\s+destination:\\s*[\"']?([^\"'\\s]+)");
    private static final Pattern MESSAGE_TYPE =
            Pattern.compile(".*(Event|Message|Payload|Dto|DTO|Notification|Command|Changed|Created|Updated|Deleted)$");

    private EventCode() {}

    /**
     * @param messageTypes     records, and classes named like messages (…Event, …Message, …Dto …): their fields
     * @param unknownEnums     how this file configures Jackson for enum values it does not know: as-null,
     *                         using-default-value (with {@code @JsonEnumDefaultValue}), or null when it does not say
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Facts(
            List<Connector> connectors,
            List<Listener> listeners,
            Map<String, List<MessageField>> messageTypes,
            Map<String, String> bindings,
            String unknownEnums,
            List<Producer> producers) {

        static final Facts NONE = new Facts(List.of(), List.of(), Map.of(), Map.of(), null, List.of());

        Facts {
            connectors = connectors == null ? List.of() : connectors;
            listeners = listeners == null ? List.of() : listeners;
            messageTypes = messageTypes == null ? Map.of() : messageTypes;
            bindings = bindings == null ? Map.of() : bindings;
            producers = producers == null ? List.of() : producers;
        }

        boolean isEmpty() {
            return connectors.isEmpty()
                    && listeners.isEmpty()
                    && messageTypes.isEmpty()
                    && bindings.isEmpty()
                    && unknownEnums == null
                    && producers.isEmpty();
        }
    }

    /**
     * A call that publishes an object: {@code KafkaTemplate.send}, {@code RabbitTemplate.convertAndSend},
     * {@code JmsTemplate.convertAndSend}, {@code StreamBridge.send}.
     *
     * @param destination the topic, exchange or binding when written as a literal; null otherwise
     * @param payload     the declared type of the object published (a parameter or local variable of the method)
     */
    record Producer(int line, String destination, String payload) {}

    /** A field of a message type: its name, its type (simple name; a collection's element type) and line. */
    record MessageField(String name, String type, int line) {}

    /**
     * A Debezium connector: the tables it streams (Debezium's include list: regular expressions matched against
     * schema.table) and the topic prefix of their topics ({@code prefix.schema.table}).
     *
     * @param line the line of its table include list
     */
    record Connector(String name, int line, String prefix, List<String> tables) {}

    /**
     * A method that receives messages.
     *
     * @param kind         kafka, rabbit, jms or stream (a Spring Cloud Stream {@code Consumer<T>} bean, named by its method)
     * @param destinations the topics, queues or destinations it names
     * @param pattern      a Kafka topic pattern, or null
     * @param payload      the type of the message it receives (a record's value type), or null when it takes raw records
     */
    record Listener(String method, int line, String kind, List<String> destinations, String pattern, String payload) {

        /** Empty lists are left out of the cache: read back as empty. */
        Listener {
            destinations = destinations == null ? List.of() : destinations;
        }
    }

    /** A Debezium configuration (JSON, properties or YAML), or Spring Cloud Stream bindings; NONE for anything else. */
    static Facts readConfiguration(String text) {
        List<Connector> connectors = new ArrayList<>();
        if (text.contains("io.debezium")) {
            Matcher list = INCLUDE_LIST.matcher(text);
            if (list.find()) {
                Matcher prefix = PREFIX.matcher(text);
                Matcher name = NAME.matcher(text);
                // JSON strings and properties values write a regular expression's backslash twice
                List<String> tables = java.util.Arrays.stream(list.group(1).split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .map(t -> t.replace("\\\\", "\\"))
                        .toList();
                connectors.add(new Connector(
                        name.find() ? name.group(1) : "debezium",
                        TextFileSummarizer.lineOf(text, list.start(1)),
                        prefix.find() ? prefix.group(1) : null,
                        tables));
            }
        }
        Map<String, String> bindings = new LinkedHashMap<>();
        Matcher p = BINDING_PROPERTY.matcher(text);
        while (p.find()) {
            bindings.put(p.group(1), p.group(2));
        }
        if (text.contains("bindings")) {
            Matcher y = BINDING_YAML.matcher(text);
            while (y.find()) {
                bindings.putIfAbsent(y.group(2), y.group(3));
            }
        }
        String unknownEnums = unknownEnums(text);
        return connectors.isEmpty() && bindings.isEmpty() && unknownEnums == null
                ? Facts.NONE
                : new Facts(connectors, List.of(), Map.of(), bindings, unknownEnums, List.of());
    }

    /** @param source the file's text, where Jackson's settings are looked for */
    static Facts read(CompilationUnit cu, String source) {
        List<Listener> listeners = new ArrayList<>();
        for (MethodDeclaration m : cu.findAll(MethodDeclaration.class)) {
            listener(m).ifPresent(listeners::add);
        }
        Map<String, List<MessageField>> messageTypes = new LinkedHashMap<>();
        for (TypeDeclaration<?> t : cu.findAll(TypeDeclaration.class)) {
            if (t instanceof RecordDeclaration r) {
                messageTypes.put(
                        r.getNameAsString(),
                        r.getParameters().stream()
                                .map(x -> new MessageField(
                                        x.getNameAsString(),
                                        JavaSummarizer.elementType(x.getType()),
                                        JavaSummarizer.line(x)))
                                .toList());
            } else if (t instanceof ClassOrInterfaceDeclaration c
                    && !c.isInterface()
                    && MESSAGE_TYPE.matcher(c.getNameAsString()).matches()) {
                messageTypes.put(
                        c.getNameAsString(),
                        c.getFields().stream()
                                .filter(f -> !f.isStatic())
                                .flatMap(f -> f.getVariables().stream())
                                .map(v -> new MessageField(
                                        v.getNameAsString(),
                                        JavaSummarizer.elementType(v.getType()),
                                        JavaSummarizer.line(v)))
                                .toList());
            }
        }
        String unknownEnums = unknownEnums(source);
        List<Producer> producers = new ArrayList<>();
        for (MethodCallExpr call : cu.findAll(MethodCallExpr.class)) {
            producer(call).ifPresent(producers::add);
        }
        return listeners.isEmpty() && messageTypes.isEmpty() && unknownEnums == null && producers.isEmpty()
                ? Facts.NONE
                : new Facts(List.of(), listeners, messageTypes, Map.of(), unknownEnums, producers);
    }

    private static Optional<Listener> listener(MethodDeclaration m) {
        String payload =
                m.getParameters().isEmpty() ? null : payload(m.getParameter(0).getType());
        Optional<AnnotationExpr> kafka = m.getAnnotationByName("KafkaListener");
        if (kafka.isPresent()) {
            return Optional.of(new Listener(
                    m.getNameAsString(),
                    JavaSummarizer.line(m.getName()),
                    "kafka",
                    strings(kafka.get(), "topics", "value"),
                    strings(kafka.get(), "topicPattern").stream().findFirst().orElse(null),
                    payload));
        }
        Optional<AnnotationExpr> rabbit = m.getAnnotationByName("RabbitListener");
        if (rabbit.isPresent()) {
            return Optional.of(new Listener(
                    m.getNameAsString(),
                    JavaSummarizer.line(m.getName()),
                    "rabbit",
                    strings(rabbit.get(), "queues", "value"),
                    null,
                    payload));
        }
        Optional<AnnotationExpr> jms = m.getAnnotationByName("JmsListener");
        if (jms.isPresent()) {
            return Optional.of(new Listener(
                    m.getNameAsString(),
                    JavaSummarizer.line(m.getName()),
                    "jms",
                    strings(jms.get(), "destination"),
                    null,
                    payload));
        }
        // Spring Cloud Stream: a Consumer<T> bean; its binding (name-in-0) says which destination it reads
        if (m.getAnnotationByName("Bean").isPresent()
                && m.getType().isClassOrInterfaceType()
                && m.getType().asClassOrInterfaceType().getNameAsString().equals("Consumer")) {
            return Optional.of(new Listener(
                    m.getNameAsString(),
                    JavaSummarizer.line(m.getName()),
                    "stream",
                    List.of(),
                    null,
                    payload(m.getType())));
        }
        return Optional.empty();
    }

    private static final Pattern AS_NULL =
            Pattern.compile("(?i)read[_-]unknown[_-]enum[_-]values[_-]as[_-]null\\W{0,3}(?:[:=,]\\s*true|\\))");
    private static final Pattern USING_DEFAULT = Pattern.compile(
            "(?i)read[_-]unknown[_-]enum[_-]values[_-]using[_-]default[_-]value\\W{0,3}(?:[:=,]\\s*true|\\))");

    /**
     * Whether the text turns on Jackson's tolerance of unknown enum values: in Java ({@code enable(…)},
     * {@code configure(…, true)}, {@code featuresToEnable(…)}) or in Spring Boot's properties.
     */
    private static String unknownEnums(String text) {
        if (!text.toLowerCase(Locale.ROOT).contains("unknown")
                || !text.toLowerCase(Locale.ROOT).contains("enum")) {
            return null;
        }
        if (enabled(AS_NULL, text)) {
            return "as-null";
        }
        return enabled(USING_DEFAULT, text) ? "using-default-value" : null;
    }

    /** Turned on, not off: {@code disable(…)} and {@code featuresToDisable(…)} name the feature too. */
    private static boolean enabled(Pattern feature, String text) {
        Matcher m = feature.matcher(text);
        while (m.find()) {
            String before =
                    text.substring(Math.max(0, m.start() - 60), m.start()).toLowerCase(Locale.ROOT);
            int disable = before.lastIndexOf("disable");
            int enable = Math.max(before.lastIndexOf("enable"), before.lastIndexOf("configure"));
            if (disable < 0 || enable > disable) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> SENDS = java.util.Set.of("send", "sendDefault", "convertAndSend");

    /** A publishing call whose object is a parameter or local variable of a declared type. */
    private static Optional<Producer> producer(MethodCallExpr call) {
        if (!SENDS.contains(call.getNameAsString())
                || call.getArguments().size() < 2
                || call.getScope().isEmpty()) {
            return Optional.empty();
        }
        Expression published = call.getArgument(call.getArguments().size() - 1);
        if (!published.isNameExpr()) {
            return Optional.empty();
        }
        Optional<String> declared = call.findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
                .flatMap(m ->
                        JavaSummarizer.declaredType(m, published.asNameExpr().getNameAsString()));
        if (declared.isEmpty()) {
            return Optional.empty();
        }
        Expression first = call.getArgument(0);
        return Optional.of(new Producer(
                JavaSummarizer.line(call),
                first.isStringLiteralExpr() ? first.asStringLiteralExpr().asString() : null,
                declared.get()));
    }

    /** ConsumerRecord<K, V> and Message<T> carry V and T; Consumer<T>, List<T> their T; a raw String or record, nothing known. */
    private static String payload(Type type) {
        if (!type.isClassOrInterfaceType()) {
            return null;
        }
        ClassOrInterfaceType t = type.asClassOrInterfaceType();
        List<Type> args = t.getTypeArguments().map(List::copyOf).orElse(List.of());
        if (!args.isEmpty()
                && List.of("ConsumerRecord", "Message", "Consumer", "List", "Flux")
                        .contains(t.getNameAsString())) {
            return payload(args.get(args.size() - 1));
        }
        String name = t.getNameAsString();
        return List.of("String", "byte[]", "Object", "JsonNode", "Map", "GenericRecord", "ConsumerRecord")
                        .contains(name)
                ? null
                : name;
    }

    private static List<String> strings(AnnotationExpr a, String... names) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            JavaSummarizer.attributeExpression(a, name).ifPresent(e -> {
                List<Expression> items = e instanceof ArrayInitializerExpr array ? array.getValues() : List.of(e);
                for (Expression item : items) {
                    if (item.isStringLiteralExpr()) {
                        values.add(item.asStringLiteralExpr().asString());
                    }
                }
            });
        }
        return values;
    }

    /** A column's name as a message field would spell it: {@code total_cents} → {@code totalcents} (compared lower case). */
    static String fieldKey(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
