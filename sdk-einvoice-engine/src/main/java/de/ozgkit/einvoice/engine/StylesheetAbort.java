package de.ozgkit.einvoice.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import net.sf.saxon.expr.XPathContext;
import net.sf.saxon.om.AxisInfo;
import net.sf.saxon.om.Item;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.trace.ContextStackFrame;
import net.sf.saxon.trace.ContextStackIterator;
import net.sf.saxon.trans.XPathException;
import net.sf.saxon.tree.iter.AxisIterator;
import net.sf.saxon.type.Type;

/**
 * A stylesheet stopped with a dynamic error. Carries what Saxon knows about where: the node the
 * stylesheet was checking ({@link #elementPath()}, {@link #attribute()}) and the stylesheet lines
 * involved ({@link #lines()}: the error's own, then the calls that led there), so that the caller can
 * name the rule.
 */
public final class StylesheetAbort extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One step of a path.
     *
     * @param namespace the namespace URI, empty for none
     * @param localName the local name
     * @param position  the position among the preceding siblings of the same name, from 1 (0 for an attribute)
     */
    public record Step(String namespace, String localName, int position) {
    }

    /**
     * A place in a stylesheet.
     *
     * @param systemId the stylesheet's system id, may be {@code null}
     * @param line     the line, from 1; 0 or less when unknown
     */
    public record SourceLine(String systemId, int line) {
    }

    private final String errorCode;
    private final transient List<Step> elementPath;
    private final transient Step attribute;
    private final transient List<SourceLine> lines;

    StylesheetAbort(String message, String errorCode, List<Step> elementPath, Step attribute, List<SourceLine> lines,
            Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.elementPath = elementPath;
        this.attribute = attribute;
        this.lines = List.copyOf(lines);
    }

    /** @return the error code's local name ({@code XPTY0004}), empty when there is none */
    public String errorCode() {
        return errorCode;
    }

    /** @return whether the node the stylesheet was checking is known */
    public boolean nodeKnown() {
        return elementPath != null;
    }

    /**
     * @return the elements from the root down to the node being checked (for an attribute or text, its
     *         element); empty when that node is no element or the node is not known
     */
    public List<Step> elementPath() {
        return elementPath == null ? List.of() : elementPath;
    }

    /** @return the attribute being checked, {@code null} when it was no attribute */
    public Step attribute() {
        return attribute;
    }

    /** @return the stylesheet lines: first where the error happened, then the calls that led there */
    public List<SourceLine> lines() {
        return lines;
    }

    static StylesheetAbort of(SaxonApiException e) {
        XPathException xpe = e.getCause() instanceof XPathException x ? x : null;
        if (xpe == null) {
            return new StylesheetAbort(e.getMessage(), "", null, null, List.of(), e);
        }
        try {
            return of(e, xpe);
        } catch (RuntimeException unexpected) {
            // what Saxon tells about the place is a help for the message, never a reason to fail
            return new StylesheetAbort(e.getMessage(), "", null, null, List.of(), e);
        }
    }

    private static StylesheetAbort of(SaxonApiException e, XPathException xpe) {
        String code = xpe.getErrorCodeQName() == null ? "" : xpe.getErrorCodeQName().getLocalPart();
        List<SourceLine> lines = new ArrayList<>();
        if (xpe.getLocator() != null) {
            lines.add(new SourceLine(xpe.getLocator().getSystemId(), xpe.getLocator().getLineNumber()));
        }
        if (xpe.getXPathContext() != null) {
            Iterator<ContextStackFrame> frames = new ContextStackIterator(xpe.getXPathContext());
            while (frames.hasNext()) {
                ContextStackFrame f = frames.next();
                try {
                    if (f != null) {
                        lines.add(new SourceLine(f.getSystemId(), f.getLineNumber()));
                    }
                } catch (NullPointerException noLocation) {
                    // a frame without a location (Saxon's own calls) tells no stylesheet line
                }
            }
        }
        NodeInfo node = contextNode(xpe.getXPathContext());
        List<Step> path = null;
        Step attribute = null;
        if (node != null) {
            path = elements(node);
            if (node.getNodeKind() == Type.ATTRIBUTE) {
                attribute = new Step(node.getURI(), node.getLocalPart(), 0);
            }
        }
        return new StylesheetAbort(e.getMessage(), code, path, attribute, lines, e);
    }

    private static NodeInfo contextNode(XPathContext context) {
        for (XPathContext c = context; c != null; c = c.getCaller()) {
            Item item = c.getContextItem();
            if (item instanceof NodeInfo n && n.getNodeKind() != Type.DOCUMENT) {
                return n;
            }
        }
        return null;
    }

    private static List<Step> elements(NodeInfo node) {
        NodeInfo n = node.getNodeKind() == Type.ATTRIBUTE || node.getNodeKind() == Type.TEXT ? node.getParent() : node;
        Deque<Step> steps = new ArrayDeque<>();
        for (; n != null && n.getNodeKind() == Type.ELEMENT; n = n.getParent()) {
            steps.push(new Step(n.getURI(), n.getLocalPart(), position(n)));
        }
        return List.copyOf(steps);
    }

    /** Position among the preceding siblings of the same name, from 1. */
    private static int position(NodeInfo n) {
        int index = 1;
        AxisIterator it = n.iterateAxis(AxisInfo.PRECEDING_SIBLING);
        for (NodeInfo s = it.next(); s != null; s = it.next()) {
            if (s.getNodeKind() == Type.ELEMENT && s.getLocalPart().equals(n.getLocalPart()) && s.getURI().equals(n.getURI())) {
                index++;
            }
        }
        return index;
    }
}
