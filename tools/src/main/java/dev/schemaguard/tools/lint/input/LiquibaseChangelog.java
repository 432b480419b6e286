package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Liquibase XML and YAML changelogs: each changeSet becomes one unit of PostgreSQL SQL (see {@link ChangeToSql}), at
 * the line of its changeSet, in a transaction unless {@code runInTransaction="false"}.
 */
final class LiquibaseChangelog {

    /** A change or one of its parts, the same whether it came from XML or YAML. */
    record Change(String name, Map<String, String> attributes, List<Change> children, String text) {

        String attr(String key) {
            return attributes.get(key);
        }

        List<Change> children(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).toList();
        }
    }

    private LiquibaseChangelog() {
    }

    static List<MigrationUnit> read(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        List<Change> changeSets = name.endsWith(".xml") ? xml(file, text) : yaml(file, text);
        List<MigrationUnit> units = new ArrayList<>();
        int searchFrom = 0;
        for (Change changeSet : changeSets) {
            String id = changeSet.attr("id");
            java.util.regex.Matcher idAt = java.util.regex.Pattern.compile("\\bid\\s*[=:]\\s*[\"']?" + java.util.regex.Pattern.quote(String.valueOf(id))
                    + "[\"']?(?![\\w-])").matcher(text);
            int at = id != null && idAt.find(searchFrom) ? idAt.start() : -1;
            searchFrom = Math.max(searchFrom, at + 1);
            int line = lineOf(text, at);
            StringBuilder sql = new StringBuilder();
            int sqlLines = 0;
            for (Change change : changeSet.children()) {
                if (change.name().equals("rollback") || change.name().equals("comment") || change.name().equals("preConditions")
                        || change.name().equals("validCheckSum")) {
                    continue;
                }
                // each change's SQL starts on the change's own line, so findings point at it
                int changeAt = text.indexOf(change.name(), searchFrom);
                if (changeAt >= 0) {
                    searchFrom = changeAt + 1;
                    for (int target = lineOf(text, changeAt) - line; sqlLines < target; sqlLines++) {
                        sql.append('\n');
                    }
                }
                String generated = ChangeToSql.of(change, file);
                sql.append(generated);
                sqlLines += (int) generated.chars().filter(c -> c == '\n').count();
            }
            boolean inTransaction = !"false".equalsIgnoreCase(changeSet.attr("runInTransaction"));
            units.add(new MigrationUnit(file.toString(), line, sql.toString(), inTransaction, "liquibase", "up"));
        }
        return units;
    }

    private static int lineOf(String text, int offset) {
        if (offset < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Change> xml(Path file, String text) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (SAXException e) {
            throw new InputException("Cannot read the Liquibase changelog " + file + ": " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new InputException("Cannot read the Liquibase changelog " + file + ": " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!root.getLocalName().equals("databaseChangeLog") && !root.getTagName().endsWith("databaseChangeLog")) {
            throw new InputException(file + " is not a Liquibase changelog: its root element is <" + root.getTagName() + ">, not <databaseChangeLog>.");
        }
        return element(root).children("changeSet");
    }

    private static Change element(Element element) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < element.getAttributes().getLength(); i++) {
            Node a = element.getAttributes().item(i);
            attributes.put(a.getNodeName(), a.getNodeValue());
        }
        List<Change> children = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(element(child));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        String tag = element.getLocalName() != null ? element.getLocalName() : element.getTagName();
        return new Change(tag.contains(":") ? tag.substring(tag.indexOf(':') + 1) : tag, attributes, children, text.toString().strip());
    }

    private static List<Change> yaml(Path file, String text) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (RuntimeException e) {
            throw new InputException("Cannot read the Liquibase changelog " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("databaseChangeLog") instanceof List<?> entries)) {
            throw new InputException(file + " is not a Liquibase changelog: it has no top-level databaseChangeLog list.");
        }
        List<Change> changeSets = new ArrayList<>();
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> m && m.get("changeSet") instanceof Map<?, ?> changeSet) {
                changeSets.add(yamlNode("changeSet", changeSet));
            }
        }
        return changeSets;
    }

    private static Change yamlNode(String name, Map<?, ?> map) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Change> children = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            if (value instanceof Map<?, ?> child) {
                children.add(yamlNode(key, child));
            } else if (value instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.size() == 1) {
                        Map.Entry<?, ?> only = m.entrySet().iterator().next();
                        if (only.getValue() instanceof Map<?, ?> body) {
                            children.add(yamlNode(String.valueOf(only.getKey()), body));
                        }
                    }
                }
            } else if (value != null) {
                attributes.put(key, String.valueOf(value));
            }
        }
        return new Change(name, attributes, children, attributes.getOrDefault("sql", ""));
    }
}
