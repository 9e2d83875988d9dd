package de.ozgkit.einvoice.pdf;

import java.util.Arrays;
import java.util.Objects;

/**
 * The invoice XML found in a ZUGFeRD / Factur-X PDF, exactly as embedded.
 *
 * @param fileName     the name of the embedded file, e.g. {@code factur-x.xml} or {@code xrechnung.xml}
 * @param relationship the file's {@code /AFRelationship} (e.g. {@code Alternative}), empty when absent
 * @param xml          the embedded bytes, unchanged
 */
public record EmbeddedInvoice(String fileName, String relationship, byte[] xml) {

    /**
     * Validates and copies the fields.
     *
     * @throws NullPointerException if a field is {@code null}
     */
    public EmbeddedInvoice {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(relationship, "relationship");
        xml = Objects.requireNonNull(xml, "xml").clone();
    }

    /** @return a copy of the embedded bytes */
    @Override
    public byte[] xml() {
        return xml.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddedInvoice e && fileName.equals(e.fileName)
                && relationship.equals(e.relationship) && Arrays.equals(xml, e.xml);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, relationship, Arrays.hashCode(xml));
    }

    @Override
    public String toString() {
        return "EmbeddedInvoice[fileName=" + fileName + ", relationship=" + relationship
                + ", xml=" + xml.length + " bytes]";
    }
}
