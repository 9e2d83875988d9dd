package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Certificates as OSCI headers carry them: base64 DER in {@code ds:X509Data}, with reference Ids. */
public final class Certs {

    private Certs() {
    }

    /**
     * @param certificate a certificate
     * @return its DER encoding
     */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new OsciException(OsciCheck.CERTIFICATE, "certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * @param role        role prefix, e.g. {@code originator_signature}
     * @param certificate the certificate
     * @return the Id used to reference it, e.g. {@code originator_signature_<sha256 hex>}
     */
    public static String refId(String role, X509Certificate certificate) {
        return role + "_" + HexFormat.of().formatHex(Crypto.sha256().digest(der(certificate)));
    }

    /**
     * Appends {@code <osci:NAME Id="ID"><ds:X509Data><ds:X509Certificate>...} in canonical form.
     *
     * @param out         where to append
     * @param element     the element name without prefix, e.g. {@code CipherCertificateOriginator}
     * @param id          its Id
     * @param certificate the certificate
     */
    public static void append(StringBuilder out, String element, String id, X509Certificate certificate) {
        out.append("<osci:").append(element).append(" Id=\"").append(id).append("\"><ds:X509Data><ds:X509Certificate>")
                .append(Base64.getEncoder().encodeToString(der(certificate)))
                .append("</ds:X509Certificate></ds:X509Data></osci:").append(element).append('>');
    }

    /**
     * Parses a base64 DER certificate as found in {@code ds:X509Certificate}.
     *
     * @param base64 the element text (line breaks allowed)
     * @param where  where it was found, for messages
     * @return the certificate
     * @throws OsciException of check CERTIFICATE when it is not a certificate
     */
    public static X509Certificate parse(String base64, String where) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.trim());
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new OsciException(OsciCheck.CERTIFICATE, "the certificate in " + where + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * @param certificate a certificate
     * @return its subject for messages
     */
    public static String name(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }
}
