package org.parley.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of an export, read whole: its local name (namespaces dropped: exports spell them differently across
 * versions), attributes by local name, text, and child elements. Only the records of an export (a Disqus post, a
 * WordPress item) are read this way, one at a time.
 */
record XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {

    /** The first child of that name. */
    Optional<XmlElement> child(String childName) {
        return children.stream().filter(child -> child.name().equals(childName)).findFirst();
    }

    /** The children of that name. */
    List<XmlElement> all(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name().equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The stripped text of the first child of that name, or "" when there is none. */
    String text(String childName) {
        return child(childName).map(child -> child.text().strip()).orElse("");
    }

    /** An attribute by its local name, or "". */
    String attribute(String attributeName) {
        return attributes.getOrDefault(attributeName, "");
    }
}
