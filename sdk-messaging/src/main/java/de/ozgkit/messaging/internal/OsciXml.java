package de.ozgkit.messaging.internal;

/**
 * Namespaces, algorithm identifiers and canonical escaping used on the OSCI wire.
 *
 * <p>ozgkit writes every signed element of an OSCI message in canonical form (Canonical XML 1.0):
 * attributes in canonical order, explicit end tags, the escapes of {@link #text(StringBuilder, String)}
 * and {@link #attr(StringBuilder, String)}, and on each signed element all namespace declarations of
 * the envelope ({@link #NS_DECLS}), as the OSCI library does.
 */
public final class OsciXml {

    /** SOAP 1.1 envelope. */
    public static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    /** OSCI 1.2. */
    public static final String OSCI = "http://www.osci.de/2002/04/osci";
    /** OSCI 1.2 extension of 2017 (feature description, chunks). */
    public static final String OSCI2017 = "http://xoev.de/transport/osci12/7";
    /** OSCI 1.2 extension of 2019 (IV length). */
    public static final String OSCI128 = "http://xoev.de/transport/osci12/8";
    /** XML Signature. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** XML Encryption. */
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** XML Encryption 1.1. */
    public static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    /** XML Schema instance. */
    public static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** The namespace declarations of every OSCI envelope, in canonical order. */
    public static final String NS_DECLS = " xmlns:ds=\"" + DS + "\" xmlns:osci=\"" + OSCI + "\" xmlns:soap=\"" + SOAP
            + "\" xmlns:xenc=\"" + XENC + "\" xmlns:xsi=\"" + XSI + "\"";
    /** {@link #NS_DECLS} with the 2017 extension namespace, in canonical order. */
    public static final String NS_DECLS_2017 = " xmlns:ds=\"" + DS + "\" xmlns:osci=\"" + OSCI + "\" xmlns:osci2017=\""
            + OSCI2017 + "\" xmlns:soap=\"" + SOAP + "\" xmlns:xenc=\"" + XENC + "\" xmlns:xsi=\"" + XSI + "\"";

    /** soap:actor of header blocks processed by the next node. */
    public static final String ACTOR_NEXT = "http://schemas.xmlsoap.org/soap/actor/next";
    /** soap:actor of the certificate header blocks. */
    public static final String ACTOR_NONE = "http://www.w3.org/2001/12/soap-envelope/actor/none";

    /** Inclusive Canonical XML 1.0 without comments. */
    public static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    /** The base64 transform of XML Signature. */
    public static final String BASE64_TRANSFORM = "http://www.w3.org/2000/09/xmldsig#base64";
    /** SHA-256 digest. */
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    /** SHA-512 digest. */
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    /** SHA-1 digest (refused). */
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    /** AES-256-GCM. */
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    /** RSA-OAEP key transport (XML Encryption 1.1). */
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    /** RSA-OAEP key transport with MGF1-SHA1 (XML Encryption 1.0). */
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    /** MGF1 with SHA-256. */
    public static final String MGF1_SHA256 = "http://www.w3.org/2009/xmlenc11#mgf1sha256";
    /** The type of a RetrievalMethod that points at X509Data. */
    public static final String X509_DATA_TYPE = "http://www.w3.org/2000/09/xmldsig#X509Data";

    private OsciXml() {
    }

    /**
     * Appends text content escaped as Canonical XML writes it.
     *
     * @param out  where to append
     * @param text the text; characters that XML 1.0 cannot carry must have been refused before
     * @return {@code out}
     */
    public static StringBuilder text(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * Appends an attribute value escaped as Canonical XML writes it.
     *
     * @param out   where to append
     * @param value the value
     * @return {@code out}
     */
    public static StringBuilder attr(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
        return out;
    }

    /**
     * The first character of a string that XML 1.0 cannot carry (control characters other than tab,
     * line feed and carriage return, lone surrogates, U+FFFE, U+FFFF), or -1.
     *
     * @param s the string
     * @return the index of the first such character, or -1 when all can be carried
     */
    public static int firstUnrepresentable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            if (c == 0xFFFE || c == 0xFFFF) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
