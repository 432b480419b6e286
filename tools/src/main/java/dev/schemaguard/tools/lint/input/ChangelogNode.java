package dev.schemaguard.tools.lint.input;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An element of a Liquibase changelog, the same for XML and YAML: scalar settings become attributes,
 * nested changes, columns and constraints become children, XML character data becomes text.
 */
final class ChangelogNode {

    private final String name;
    private final int line;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<ChangelogNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    ChangelogNode(String name, int line) {
        this.name = name;
        this.line = line;
    }

    String name() {
        return name;
    }

    /** 1-based line where the element starts in its file. */
    int line() {
        return line;
    }

    String attr(String key) {
        return attributes.get(key);
    }

    boolean isTrue(String key) {
        return "true".equalsIgnoreCase(attributes.get(key));
    }

    List<ChangelogNode> children() {
        return children;
    }

    List<ChangelogNode> children(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    ChangelogNode child(String childName) {
        return children.stream()
                .filter(c -> c.name.equals(childName))
                .findFirst()
                .orElse(null);
    }

    String text() {
        return text.toString();
    }

    void putAttribute(String key, String value) {
        attributes.put(key, value);
    }

    void addChild(ChangelogNode child) {
        children.add(child);
    }

    void appendText(CharSequence chars) {
        text.append(chars);
    }
}
