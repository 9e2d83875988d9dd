package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.MimeIn;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.messaging.internal.TransportEnvelope;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.SharedData;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;

/**
 * Every SOAP part ozgkit emits, by the client and by the sandbox intermediary, validates against the
 * OSCI 1.2 schemas in the OSCI library's folder (read in place): the transport envelopes, the
 * messages inside them and the SOAP faults.
 */
class OsciSchemaValidationTest {

    static final IssuedCertificate SENDER = OsciParties.party("Schema Sender");
    static final IssuedCertificate RECIPIENT = OsciParties.party("Schema Recipient");

    @Test
    void everyRequestAndAnswer_validatesAgainstTheOsciSchemas() throws Exception {
        Path schemas = SharedData.require("interop/osci-bibliothek-2.4.1").resolve("schema");
        IssuedCertificate intermediaryCert = OsciParties.party("Schema Intermediary");
        OsciIdentity intermediary = OsciParties.identity(intermediaryCert);
        OsciIntermediaryService service = new OsciIntermediaryService(null, intermediary);
        List<byte[]> soapParts = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().service(service).maxRequestBytes(16 << 20).start()) {
            for (IssuedCertificate who : List.of(SENDER, RECIPIENT)) {
                OzgClientConfig base = OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build();
                List<byte[]> requests = new ArrayList<>();
                OzgClientConfig config = base.toBuilder().transport(new RecordingTransport(base, requests, answer -> {
                    soapParts.addAll(soap(requests.get(requests.size() - 1), intermediary));
                    soapParts.addAll(soap(answer, OsciParties.identity(who)));
                    return answer;
                })).build();
                try (OsciClient client = OsciClient.builder().config(config).originator(OsciParties.identity(who))
                        .intermediary(intermediary.decrypter().certificate(), intermediary.signer().certificate()).build()) {
                    if (who == SENDER) {
                        StoreReceipt r = client.store(Delivery.builder().addressee(RECIPIENT.certificate()).subject("Schema <&>")
                                .container(ContentContainer.builder().text("x").attachment(Attachment.ofBytes("a.bin", new byte[10]))
                                        .signedBy(OsciParties.identity(SENDER).signer()).encryptedFor(RECIPIENT.certificate()).build())
                                .container(ContentContainer.builder().text("y").signedBy(OsciParties.identity(SENDER).signer()).build())
                                .build());
                        client.processCard(r.messageId());
                    } else {
                        try (OsciDialog d = client.openDialog()) {
                            try (ReceivedDelivery got = d.fetch(FetchSelection.next()).orElseThrow()) {
                                assertThat(got.containers()).hasSize(2);
                            }
                            assertThat(d.fetch(FetchSelection.next())).isEmpty();
                        }
                    }
                }
            }
        }
        Map<String, Schema> cache = new HashMap<>();
        int validated = 0;
        for (byte[] soap : soapParts) {
            String location = org.w3c.dom.Element.class.cast(SecureXml.parse(new ByteArrayInputStream(soap)).getDocumentElement())
                    .getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation");
            String file = location.isEmpty() ? "soapMessageFault.xsd" : location.split("\\s+")[1];
            Schema schema = cache.computeIfAbsent(file, f -> load(schemas, f));
            schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(soap)));
            validated++;
        }
        assertThat(cache.keySet()).contains("soapMessageEncrypted.xsd", "soapGetMessageId.xsd", "soapResponseToGetMessageId.xsd",
                "soapStoreDelivery.xsd", "soapResponseToStoreDelivery.xsd", "soapInitDialog.xsd", "soapResponseToInitDialog.xsd",
                "soapFetchDelivery.xsd", "soapResponseToFetchDelivery.xsd", "soapFetchProcessCard.xsd",
                "soapResponseToFetchProcessCard.xsd", "soapExitDialog.xsd", "soapResponseToExitDialog.xsd");
        assertThat(validated).isGreaterThanOrEqualTo(26);
    }

    /** The SOAP parts of a message: the outer one and, for a transport envelope, the inner one. */
    static List<byte[]> soap(byte[] message, OsciIdentity key) {
        List<byte[]> out = new ArrayList<>();
        List<MimeIn.Part> parts = MimeIn.parse(new SharedByteArrayInputStream(message), null, 100);
        byte[] outer = read(parts.get(0).open());
        out.add(outer);
        org.w3c.dom.Element env = SecureXml.parse(new ByteArrayInputStream(outer)).getDocumentElement();
        if (TransportEnvelope.isEncrypted(env)) {
            try (Spool inner = TransportEnvelope.open(env, parts, key.decrypter(), IncomingMessage.Limits.DEFAULT.maxMessageBytes())) {
                out.addAll(soap(inner.toBytes(), key));
            }
        }
        return out;
    }

    static byte[] read(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Schema load(Path dir, String file) {
        try {
            SchemaFactory f = SecureXml.schemaFactory("file");
            // the W3C schemas in extern/ declare DTDs; they are read from the local copies below
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            // the OSCI schemas restrict ds:/xenc: types in ways a full particle-derivation check rejects
            // (rcase-RecurseLax.2); the OSCI library and the spec use them unchecked, and so do we
            f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            Map<String, String> catalog = Map.of(
                    "http://schemas.xmlsoap.org/soap/envelope/", "extern/soap-envelope.xsd",
                    "http://www.w3.org/2001/xml.xsd", "extern/xml.xsd",
                    "xmldsig-core-schema.xsd", "extern/xmldsig-core-schema.xsd",
                    "xenc-schema.xsd", "extern/xenc-schema.xsd",
                    "xenc-schema-11.xsd", "extern/xenc-schema-11.xsd",
                    "XMLSchema.dtd", "extern/XMLSchema.dtd",
                    "datatypes.dtd", "extern/datatypes.dtd");
            f.setResourceResolver((type, ns, publicId, systemId, baseUri) -> {
                if (systemId == null) {
                    return null;
                }
                for (Map.Entry<String, String> e : catalog.entrySet()) {
                    if (systemId.equals(e.getKey()) || systemId.endsWith("/" + e.getKey())) {
                        return input(dir.resolve(e.getValue()), publicId);
                    }
                }
                return null;
            });
            return f.newSchema(dir.resolve(file).toFile());
        } catch (Exception e) {
            throw new IllegalStateException("schema " + file + " cannot be loaded: " + e, e);
        }
    }

    static LSInput input(Path file, String publicId) {
        return new LSInput() {
            public java.io.Reader getCharacterStream() { return null; }
            public void setCharacterStream(java.io.Reader r) { }
            public InputStream getByteStream() {
                try {
                    return Files.newInputStream(file);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            public void setByteStream(InputStream s) { }
            public String getStringData() { return null; }
            public void setStringData(String s) { }
            public String getSystemId() { return file.toUri().toString(); }
            public void setSystemId(String s) { }
            public String getPublicId() { return publicId; }
            public void setPublicId(String s) { }
            public String getBaseURI() { return file.toUri().toString(); }
            public void setBaseURI(String s) { }
            public String getEncoding() { return null; }
            public void setEncoding(String s) { }
            public boolean getCertifiedText() { return false; }
            public void setCertifiedText(boolean b) { }
        };
    }
}
