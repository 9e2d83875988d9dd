package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM look-ups with OSCI's error handling. */
public final class Dom {

    private Dom() {
    }

    /**
     * @param parent an element
     * @return its child elements in order
     */
    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * @param parent an element
     * @param ns     namespace URI
     * @param local  local name
     * @return the child elements with that name
     */
    public static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Element e : children(parent)) {
            if (is(e, ns, local)) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * @param parent an element
     * @param ns     namespace URI
     * @param local  local name
     * @return the only child with that name
     * @throws OsciException of check STRUCTURE when absent or repeated
     */
    public static Element one(Element parent, String ns, String local) {
        List<Element> found = children(parent, ns, local);
        if (found.size() != 1) {
            throw new OsciException(OsciCheck.STRUCTURE, (found.isEmpty() ? "missing element " : "repeated element ") + local
                    + " in " + parent.getLocalName());
        }
        return found.get(0);
    }

    /**
     * @param parent an element
     * @param ns     namespace URI
     * @param local  local name
     * @return the child with that name, if there is exactly one
     * @throws OsciException of check STRUCTURE when repeated
     */
    public static Optional<Element> optional(Element parent, String ns, String local) {
        List<Element> found = children(parent, ns, local);
        if (found.size() > 1) {
            throw new OsciException(OsciCheck.STRUCTURE, "repeated element " + local + " in " + parent.getLocalName());
        }
        return found.stream().findFirst();
    }

    /**
     * @param e     an element
     * @param ns    namespace URI
     * @param local local name
     * @return whether it has that name
     */
    public static boolean is(Element e, String ns, String local) {
        return local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI());
    }

    /**
     * @param e an element
     * @return its text content
     */
    public static String text(Element e) {
        return e.getTextContent();
    }

    /**
     * @param e    an element
     * @param name an unqualified attribute name
     * @return its value, empty when absent
     */
    public static Optional<String> attr(Element e, String name) {
        return e.hasAttributeNS(null, name) ? Optional.of(e.getAttributeNS(null, name)) : Optional.empty();
    }
}
