package de.ozgkit.einvoice.internal.xml;

/**
 * What the invoice writers write into: a document with namespaces declared on the root, elements
 * with child elements, leaf elements with text and attributes (absent values leave the element
 * out), base64 content. Two implementations write the same bytes: {@link XmlOut} (the one the writers
 * use) and {@link StaxXmlSink} on the JDK's {@code XMLStreamWriter} (the reference). Not API.
 */
public interface XmlSink extends AutoCloseable {

    /**
     * Starts the root element and declares the namespaces.
     *
     * @param prefix     root prefix
     * @param local      root local name
     * @param namespaces pairs of prefix and namespace URI, the root's first
     */
    void root(String prefix, String local, String... namespaces);

    /**
     * Starts an element that will have child elements.
     *
     * @param prefix namespace prefix (declared on the root)
     * @param local  local name
     */
    void start(String prefix, String local);

    /** Ends the element last started with {@link #start} or {@link #root}. */
    void end();

    /**
     * Writes a leaf element with text, unless the text is {@code null}.
     *
     * @param prefix prefix
     * @param local  local name
     * @param text   content, or {@code null} to write nothing
     * @param attrs  attribute name/value pairs; pairs with a {@code null} value are left out
     */
    void leaf(String prefix, String local, String text, String... attrs);

    /**
     * Writes base64 content.
     *
     * @param prefix  prefix
     * @param local   local name
     * @param content the bytes
     * @param attrs   attribute name/value pairs
     */
    void binary(String prefix, String local, byte[] content, String... attrs);

    /**
     * Closes the elements still open, ends with a line feed and flushes; does not close the
     * underlying stream.
     *
     * @throws de.ozgkit.einvoice.EInvoiceFormatException with reason {@code IO} if writing fails
     */
    @Override
    void close();
}
