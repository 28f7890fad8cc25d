package org.parley.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XML export with the JDK's StAX parser, made safe for files from elsewhere: no DTDs and no external
 * entities, so neither XXE (reading local files or URLs through an entity) nor entity expansion bombs are possible;
 * a document that declares or uses them is refused as unreadable. Records (elements at a given depth) are handed
 * over one at a time, so memory holds one record, not the file.
 */
final class XmlExport {

    /** Deeper than this, an export is not one we know: refused rather than read into a deep tree. */
    private static final int MAX_DEPTH = 64;

    private XmlExport() {
    }

    static XMLInputFactory safeFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external entities are not read: " + systemId);
        });
        return factory;
    }

    /**
     * Reads the document: checks that its root element is {@code rootName}, then hands each element at
     * {@code depth} (the root is 0) whose name is one of {@code recordNames} to {@code records}.
     */
    static void read(InputStream in, String format, String rootName, int depth, List<String> recordNames,
            Consumer<XmlElement> records) {
        XMLStreamReader reader = null;
        try {
            reader = safeFactory().createXMLStreamReader(in);
            int level = -1;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw unreadable(reader.getLocation(), "a DOCTYPE is not allowed in an export");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw unreadable(reader.getLocation(), "the entity &" + reader.getLocalName() + "; is unknown");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    level++;
                    if (level == 0 && !reader.getLocalName().equals(rootName)) {
                        throw new UnreadableExport("this is not a " + format + " export: its root element is <"
                                + reader.getLocalName() + ">, not <" + rootName + ">");
                    }
                    if (level == depth && recordNames.contains(reader.getLocalName())) {
                        records.accept(element(reader));
                        level--;
                    } else if (level > MAX_DEPTH) {
                        throw unreadable(reader.getLocation(), "elements nest deeper than " + MAX_DEPTH);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    level--;
                }
            }
        } catch (XMLStreamException e) {
            throw unreadable(e.getLocation(), firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    /** Reads the element the reader stands on, whole, and leaves the reader on its end tag. */
    private static XmlElement element(XMLStreamReader reader) throws XMLStreamException {
        String name = reader.getLocalName();
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        StringBuilder text = new StringBuilder();
        List<XmlElement> children = new ArrayList<>();
        int depth = 0;
        while (true) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (++depth > MAX_DEPTH) {
                        throw unreadable(reader.getLocation(), "elements nest deeper than " + MAX_DEPTH);
                    }
                    children.add(element(reader));
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(reader.getText());
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw unreadable(reader.getLocation(), "the entity &" + reader.getLocalName() + "; is unknown");
                case XMLStreamConstants.END_ELEMENT -> {
                    return new XmlElement(name, attributes, text.toString(), children);
                }
                case XMLStreamConstants.END_DOCUMENT ->
                        throw unreadable(reader.getLocation(), "the file ends inside <" + name + ">");
                default -> {
                    // comments and processing instructions carry nothing we import
                }
            }
        }
    }

    private static UnreadableExport unreadable(Location location, String reason) {
        String where = location == null || location.getLineNumber() < 0 ? ""
                : "line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ": ";
        return new UnreadableExport("the file is not well-formed XML: " + where + reason);
    }

    /** The parser's message without its own location prefix. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int at = message.indexOf("Message: ");
        String text = at >= 0 ? message.substring(at + "Message: ".length()) : message;
        return text.lines().findFirst().orElse("unreadable").strip();
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing left to read
            }
        }
    }
}
