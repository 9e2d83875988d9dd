package de.ozgkit.einvoice.internal.xml;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of a small subtree (a party, a line, a totals block) read from a streaming parser.
 * The reader never builds such a tree for a whole document, only for one top-level block at a
 * time. Not API.
 */
final class XmlNode {
    final String ns;
    final String name;
    final int line;
    final int column;
    private String[] attrs;
    String text;
    List<XmlNode> children;

    XmlNode(String ns, String name, int line, int column, String[] attrs) {
        this.ns = ns;
        this.name = name;
        this.line = line;
        this.column = column;
        this.attrs = attrs;
    }

    /** @return the attribute value (by local name), or {@code null} */
    String attr(String local) {
        if (attrs != null) {
            for (int i = 0; i < attrs.length; i += 2) {
                if (attrs[i].equals(local)) {
                    return attrs[i + 1];
                }
            }
        }
        return null;
    }

    /** @return the first child with the local name, or {@code null} */
    XmlNode child(String local) {
        if (children != null) {
            for (XmlNode c : children) {
                if (c.name.equals(local)) {
                    return c;
                }
            }
        }
        return null;
    }

    /** @return the children with the local name, in document order */
    List<XmlNode> all(String local) {
        List<XmlNode> out = new ArrayList<>(2);
        if (children != null) {
            for (XmlNode c : children) {
                if (c.name.equals(local)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** @return the node at a path of local names separated by '/', or {@code null} */
    XmlNode at(String path) {
        XmlNode n = this;
        int start = 0;
        while (n != null && start < path.length()) {
            int slash = path.indexOf('/', start);
            String part = slash < 0 ? path.substring(start) : path.substring(start, slash);
            n = n.child(part);
            start = slash < 0 ? path.length() : slash + 1;
        }
        return n;
    }

    /** @return the children, never {@code null} */
    List<XmlNode> children() {
        return children == null ? List.of() : children;
    }
}
