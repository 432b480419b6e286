package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Set;

/**
 * Parses a YAML changelog into {@link ChangelogNode}s. Only composes the node graph (no object construction),
 * which keeps the line of every key.
 */
final class LiquibaseYaml {

    static final String ROOT = "databaseChangeLog";

    /** Lists whose items are direct children in the XML form, e.g. {@code <createTable><column/>}. */
    private static final Set<String> INLINED_LISTS = Set.of("changes", "columns");

    private LiquibaseYaml() {}

    /** The changelog root, or null if the document's root is not {@code databaseChangeLog}. */
    static ChangelogNode parse(Path file, String text) {
        Node document;
        try {
            document = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            String where = mark == null ? "" : ":" + (mark.getLine() + 1);
            throw new InputException(file + where + ": malformed YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InputException(file + ": malformed YAML: " + e.getMessage());
        }
        if (!(document instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals(ROOT)) {
                ChangelogNode root = new ChangelogNode(ROOT, line(key));
                if (tuple.getValueNode() instanceof SequenceNode entries) {
                    addItems(root, entries);
                } else if (!isNull(tuple.getValueNode())) {
                    throw new InputException(file + ":" + line(tuple.getValueNode())
                            + ": databaseChangeLog must be a list of changeSet/include entries");
                }
                return root;
            }
        }
        return null;
    }

    private static ChangelogNode toNode(String name, int line, Node value) {
        ChangelogNode node = new ChangelogNode(name, line);
        if (value instanceof ScalarNode scalar) {
            node.appendText(scalar.getValue());
        } else if (value instanceof SequenceNode sequence) {
            addItems(node, sequence);
        } else if (value instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                String key = tuple.getKeyNode() instanceof ScalarNode k ? k.getValue() : "?";
                Node v = tuple.getValueNode();
                if (v instanceof ScalarNode scalar) {
                    node.putAttribute(key, scalar.getValue());
                } else if (v instanceof SequenceNode sequence && INLINED_LISTS.contains(key)) {
                    addItems(node, sequence);
                } else {
                    node.addChild(toNode(key, line(tuple.getKeyNode()), v));
                }
            }
        }
        return node;
    }

    /** Items are single-key maps ({@code - column: {...}}); anything else is kept under the name "item". */
    private static void addItems(ChangelogNode parent, SequenceNode sequence) {
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode map
                    && map.getValue().size() == 1
                    && map.getValue().get(0).getKeyNode() instanceof ScalarNode key) {
                parent.addChild(
                        toNode(key.getValue(), line(key), map.getValue().get(0).getValueNode()));
            } else {
                parent.addChild(toNode("item", line(item), item));
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s
                && (s.getValue().isEmpty()
                        || s.getValue().equals("null")
                        || s.getValue().equals("~"));
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }
}
