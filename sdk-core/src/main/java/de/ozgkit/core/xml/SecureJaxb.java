package de.ozgkit.core.xml;

import de.ozgkit.core.OzgClientException;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * JAXB unmarshalling through {@link SecureXml}'s hardened StAX reader, with cached contexts.
 *
 * <p>JAXB is optional for core: a module that calls this class requires {@code jakarta.xml.bind}
 * itself (and has a JAXB implementation at run time). {@link SecureXml} does not refer to JAXB, so
 * it works without it.
 *
 * <pre>{@code
 * Invoice inv = SecureJaxb.unmarshal(in, Invoice.class);   // no DTD, external access off, limits
 * }</pre>
 *
 * <p>Thread-safety: all static methods are thread-safe; {@link JAXBContext}s are cached.
 */
public final class SecureJaxb {

    private static final Map<List<Class<?>>, JAXBContext> CONTEXTS = new ConcurrentHashMap<>();

    private SecureJaxb() {
    }

    /**
     * A {@link JAXBContext} for the given classes, created once and cached for the life of the JVM.
     *
     * @param classes the bound classes
     * @return the shared, thread-safe context
     * @throws OzgClientException of kind CONFIGURATION if the classes cannot be bound (a programming error)
     */
    public static JAXBContext jaxbContext(Class<?>... classes) {
        List<Class<?>> key = List.copyOf(Arrays.asList(classes));
        return CONTEXTS.computeIfAbsent(key, k -> {
            try {
                return JAXBContext.newInstance(classes);
            } catch (JAXBException e) {
                throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot create a JAXB context for " + k, e, 0);
            }
        });
    }

    /**
     * Unmarshals a document through a hardened StAX reader with the default limits.
     *
     * @param in   the document; not closed
     * @param type the expected root type
     * @param <T>  the root type
     * @return the unmarshalled object
     * @throws XmlParseException if the document is not well-formed, declares a DTD, breaks a limit or
     *                           does not match the type
     */
    public static <T> T unmarshal(InputStream in, Class<T> type) {
        return unmarshal(in, type, XmlLimits.DEFAULT);
    }

    /**
     * Unmarshals a document through a hardened StAX reader.
     *
     * @param in     the document; not closed
     * @param type   the expected root type
     * @param limits size, depth and attribute limits
     * @param <T>    the root type
     * @return the unmarshalled object
     * @throws XmlParseException if the document is not well-formed, declares a DTD, breaks a limit or
     *                           does not match the type
     */
    public static <T> T unmarshal(InputStream in, Class<T> type, XmlLimits limits) {
        XMLStreamReader reader = SecureXml.streamReader(in, limits);
        try {
            Unmarshaller u = jaxbContext(type).createUnmarshaller();
            JAXBElement<T> element = u.unmarshal(reader, type);
            return element.getValue();
        } catch (JAXBException e) {
            throw SecureXml.translate(e, limits);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing left to release
            }
        }
    }
}
