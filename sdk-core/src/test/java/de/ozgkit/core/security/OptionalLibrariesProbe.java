package de.ozgkit.core.security;

import java.nio.file.Path;

/**
 * Run by {@link OptionalLibrariesTest} in a JVM whose class path lacks Bouncy Castle and JAXB:
 * reads certificates, a CRL and a PKCS#12 file (JDK only), tries a PEM private key, and parses XML
 * with {@code SecureXml} (JDK only), printing what happened.
 */
public final class OptionalLibrariesProbe {

    private OptionalLibrariesProbe() {
    }

    /**
     * @param args directory with chain.pem, crl.pem, client.p12 (password "pw") and key.pem
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        System.out.println("bouncy castle present: " + isPresent("org.bouncycastle.openssl.PEMParser"));
        System.out.println("jaxb present: " + isPresent("jakarta.xml.bind.JAXBContext"));
        System.out.println("certificates: " + KeyMaterial.certificates(dir.resolve("chain.pem")).size());
        System.out.println("crl: " + KeyMaterial.crl(java.nio.file.Files.readAllBytes(dir.resolve("crl.pem")))
                .getRevokedCertificates().size());
        System.out.println("pkcs12: " + KeyMaterial.pkcs12(dir.resolve("client.p12"), "pw".toCharArray()).chain().size());
        try {
            KeyMaterial.privateKey(dir.resolve("key.pem"), null);
            System.out.println("pem key: read");
        } catch (KeyMaterialException e) {
            System.out.println("pem key: " + e.reason() + " " + e.getMessage());
        }
        byte[] xml = "<a><b>text</b></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("xml: " + de.ozgkit.core.xml.SecureXml.parse(new java.io.ByteArrayInputStream(xml))
                .getDocumentElement().getTextContent());
        byte[] doctype = "<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            de.ozgkit.core.xml.SecureXml.parse(new java.io.ByteArrayInputStream(doctype));
            System.out.println("doctype: parsed");
        } catch (de.ozgkit.core.xml.XmlParseException e) {
            System.out.println("doctype: " + e.reason());
        }
    }

    private static boolean isPresent(String name) {
        try {
            Class.forName(name, false, OptionalLibrariesProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
