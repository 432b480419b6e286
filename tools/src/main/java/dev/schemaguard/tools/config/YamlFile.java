package dev.schemaguard.tools.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strictly read YAML file (the configuration, policy files): node by node, so every refusal names the file, the
 * line and the key. Unknown keys, duplicate keys, wrong types and empty values are errors, never ignored.
 */
public final class YamlFile {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    private final Path file;
    private final String text;

    public YamlFile(Path file) {
        this(file, null);
    }

    /** A document given as text ({@code file} only names it in messages), e.g. a resource shipped in the jar. */
    public YamlFile(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    public Path file() {
        return file;
    }

    /** The document's root node, null for an empty file. */
    public Node root() {
        try (Reader reader = text != null ? new java.io.StringReader(text) : Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            return new Yaml(options).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new ConfigException(file, line, null, "not valid YAML: " + e.getProblem());
        } catch (IOException e) {
            throw new ConfigException(file + " cannot be read: "
                    + (e instanceof java.nio.file.NoSuchFileException
                            ? "no such file"
                            : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
        }
    }

    /** The keys of a mapping node; {@code allowedKeys} null accepts any key (maps keyed by name). */
    public Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mappingNode)) {
            throw error(node, where, "expected a mapping of key: value lines");
        }
        Map<String, NodeTuple> result = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), where, "keys must be plain names");
            }
            String name = key.getValue();
            String path = where.equals("top level") ? name : where + "." + name;
            if (allowedKeys != null && !allowedKeys.contains(name)) {
                throw error(
                        key,
                        path,
                        "unknown key; allowed here: "
                                + String.join(
                                        ", ", allowedKeys.stream().sorted().toList()));
            }
            if (result.put(name, tuple) != null) {
                throw error(key, path, "duplicate key");
            }
        }
        return result;
    }

    public List<Node> sequence(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, where, "expected a list");
        }
        return seq.getValue();
    }

    public String string(NodeTuple tuple, String where) {
        return string(tuple.getValueNode(), where);
    }

    public String string(Node value, String where) {
        if (!(value instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(value, where, "expected a non-empty text value");
        }
        return scalar.getValue();
    }

    public List<String> strings(NodeTuple tuple, String where) {
        return strings(tuple.getValueNode(), where);
    }

    public List<String> strings(Node node, String where) {
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, where, "expected a list, e.g. [\"a\", \"b\"]");
        }
        List<String> result = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw error(item, where, "expected a list of non-empty text values");
            }
            result.add(scalar.getValue());
        }
        return List.copyOf(result);
    }

    public boolean bool(NodeTuple tuple, String where) {
        String text = string(tuple, where);
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(tuple.getValueNode(), where, "expected true or false, was '" + text + "'");
        };
    }

    public int positiveInt(NodeTuple tuple, String where, int min, int max) {
        long value = number(tuple, where, min, max);
        return (int) value;
    }

    public long number(NodeTuple tuple, String where, long min, long max) {
        String text = string(tuple, where).replace("_", "");
        try {
            long value = Long.parseLong(text);
            if (value < min || value > max) {
                throw error(tuple.getValueNode(), where, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw error(tuple.getValueNode(), where, "expected a whole number, was '" + text + "'");
        }
    }

    /** 500ms, 30s, 2m, 4h, 1d, or ISO-8601 (PT30S). */
    public Duration duration(NodeTuple tuple, String where) {
        String text = string(tuple, where).trim();
        Matcher m = DURATION.matcher(text);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw error(
                    tuple.getValueNode(),
                    where,
                    "expected a duration such as 500ms, 30s, 2m, 4h or 1d, was '" + text + "'");
        }
    }

    /** One of {@code allowed}, case-insensitively; the answer is lower case. */
    public String choice(NodeTuple tuple, String where, List<String> allowed) {
        String text = string(tuple, where).toLowerCase(Locale.ROOT);
        if (!allowed.contains(text)) {
            throw error(
                    tuple.getValueNode(),
                    where,
                    "expected one of " + String.join(", ", allowed) + ", was '" + text + "'");
        }
        return text;
    }

    public int line(Node node) {
        return node == null || node.getStartMark() == null
                ? 1
                : node.getStartMark().getLine() + 1;
    }

    public ConfigException error(Node node, String key, String problem) {
        return new ConfigException(file, line(node), key, problem);
    }
}
