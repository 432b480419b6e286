package dev.schemaguard.tools.lint.input;

import dev.schemaguard.tools.InputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Parses an XML changelog into {@link ChangelogNode}s, recording each element's line; DOCTYPEs and external entities are refused. */
final class LiquibaseXml {

    private LiquibaseXml() {}

    static ChangelogNode parse(Path file, String text) {
        Handler handler = new Handler(SourceText.lines(text));
        try {
            newParser().parse(new InputSource(new StringReader(text)), handler);
        } catch (SAXParseException e) {
            throw new InputException(file + ":" + e.getLineNumber() + ": malformed XML: " + e.getMessage());
        } catch (SAXException | IOException e) {
            throw new InputException(file + ": malformed XML: " + e.getMessage());
        }
        if (handler.root == null) {
            throw new InputException(file + ": malformed XML: no root element");
        }
        return handler.root;
    }

    private static SAXParser newParser() {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newSAXParser();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("XML parser cannot be configured securely", e);
        }
    }

    private static final class Handler extends DefaultHandler {

        private final List<String> lines;
        private final Deque<ChangelogNode> open = new ArrayDeque<>();
        private Locator locator;
        private ChangelogNode root;

        Handler(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            String name = localName.isEmpty() ? qName : localName;
            ChangelogNode node = new ChangelogNode(name, startLine(qName));
            for (int i = 0; i < attributes.getLength(); i++) {
                String key = attributes.getLocalName(i).isEmpty() ? attributes.getQName(i) : attributes.getLocalName(i);
                node.putAttribute(key, attributes.getValue(i));
            }
            if (open.isEmpty()) {
                root = node;
            } else {
                open.peek().addChild(node);
            }
            open.push(node);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().appendText(new String(ch, start, length));
            }
        }

        /** The locator points at the end of the start tag; a tag spanning lines starts where "<name" is. */
        private int startLine(String qName) {
            int end = locator == null ? 1 : locator.getLineNumber();
            for (int i = Math.min(end, lines.size()) - 1; i >= 0; i--) {
                if (lines.get(i).contains("<" + qName)) {
                    return i + 1;
                }
            }
            return end;
        }
    }
}
