package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.MessageMetaData;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.messaging.internal.MetaDataXml;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.SharedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The passive recipient's messages validate against the OSCI 1.2 schemas in the OSCI library's
 * folder: ForwardDelivery, MediateDelivery and their answers (client and sandbox intermediary),
 * AcceptDelivery and ProcessDelivery (sandbox intermediary) and their answers (ozgkit's recipient);
 * the MessageMetaData header validates against the MessageMetaData 2.0.2 schema of the library's
 * xsd-osci-messagemetadata.jar.
 */
class PassiveSchemaValidationTest {

    static final IssuedCertificate CLIENT = OsciParties.party("Schema client");
    static final IssuedCertificate VENDOR = OsciParties.party("Schema vendor");

    static final MessageMetaData META = MessageMetaData.builder()
            .origin(java.time.Instant.parse("2026-12-03T10:15:30.123Z"))
            .author(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", "K\u00f6ln", "Meldeamt"))
            .reader(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:09162000", null, null))
            .messageId("urn:uuid:6f0c9f4e-1b1a-4c53-9d1c-000000000003").inReplyTo("urn:uuid:x")
            .subject("Betreff").service("urn:xoev-de:xmeld:standard:xmeld")
            .businessScenario(new MessageMetaData.Code("XMELD_DATA", "Meldewesen", "urn:de:codeliste:business.scenario", "1"))
            .messageType(new MessageMetaData.Code("xmeld.0101", null, "urn:de:payloadSchema:elementName", "1.0"),
                    "http://www.osci.de/xmeld").msgSize(99L).testMsg(true).build();

    @Test
    void forwardAndMediate_onEveryLeg_validateAgainstTheOsciSchemas() throws Exception {
        Path schemas = SharedData.require("interop/osci-bibliothek-2.4.1").resolve("schema");
        OsciIdentity intermediary = OsciParties.identity(OsciParties.party("Schema intermediary"));
        OsciIntermediaryService service = new OsciIntermediaryService(null, intermediary);
        List<byte[]> soapParts = new CopyOnWriteArrayList<>();
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            PassiveRecipient recipient = PassiveRecipient.builder().identity(OsciParties.identity(VENDOR))
                    .intermediary(intermediary.decrypter().certificate(), intermediary.signer().certificate())
                    .handler(new OsciRecipient() {
                        @Override
                        public void accept(PassiveDelivery d) {
                        }

                        @Override
                        public MediatedReply process(PassiveDelivery d) {
                            return new MediatedReply("Antwort", List.of(ContentContainer.builder().text("reply")
                                    .signedBy(OsciParties.identity(VENDOR).signer())
                                    .encryptedFor(d.originatorCipher()).build()), META);
                        }
                    }).build();
            try (RecipientServer server = RecipientServer.start(new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    byte[] body;
                    try (InputStream in = Content.Source.asInputStream(request)) {
                        body = in.readAllBytes();
                    }
                    soapParts.addAll(OsciSchemaValidationTest.soap(body, OsciParties.identity(VENDOR)));
                    try (PassiveRecipient.Answer a = recipient.handle(new ByteArrayInputStream(body), "text/xml")) {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        a.writeTo(out);
                        soapParts.addAll(OsciSchemaValidationTest.soap(out.toByteArray(), intermediary));
                        response.setStatus(a.status());
                        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
                        response.write(true, ByteBuffer.wrap(out.toByteArray()), callback);
                    }
                    return true;
                }
            })) {
                service.intermediary().registerRecipient(server.uri(), VENDOR.certificate(), VENDOR.certificate());
                OzgClientConfig base = OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME)).build();
                List<byte[]> requests = new ArrayList<>();
                OzgClientConfig config = base.toBuilder().transport(new RecordingTransport(base, requests, answer -> {
                    soapParts.addAll(OsciSchemaValidationTest.soap(requests.get(requests.size() - 1), intermediary));
                    soapParts.addAll(OsciSchemaValidationTest.soap(answer, OsciParties.identity(CLIENT)));
                    return answer;
                })).build();
                try (OsciClient client = OsciClient.builder().config(config).originator(OsciParties.identity(CLIENT))
                        .intermediary(intermediary.decrypter().certificate(), intermediary.signer().certificate()).build()) {
                    Delivery d = Delivery.builder().addressee(VENDOR.certificate()).subject("Schema <&>")
                            .container(ContentContainer.builder().text("x").signedBy(OsciParties.identity(CLIENT).signer())
                                    .encryptedFor(VENDOR.certificate()).build()).build();
                    client.forward(d, server.uri(), META);
                    try (OsciDialog dialog = client.openDialog();
                         MediationResult r = dialog.mediate(d, server.uri(), META)) {
                        assertThat(r.metaData()).isEqualTo(META);
                    }
                }
            }
        }
        Map<String, Schema> cache = new HashMap<>();
        Schema meta = metaDataSchema(schemas.getParent().resolve("lib"), schemas.resolve("extern"));
        int metaHeaders = 0;
        Element sample = null;
        for (byte[] soap : soapParts) {
            Element env = SecureXml.parse(new ByteArrayInputStream(soap)).getDocumentElement();
            String location = env.getAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "schemaLocation");
            String file = location.isEmpty() ? "soapMessageFault.xsd" : location.split("\\s+")[1];
            cache.computeIfAbsent(file, f -> OsciSchemaValidationTest.load(schemas, f)).newValidator()
                    .validate(new StreamSource(new ByteArrayInputStream(soap)));
            var found = env.getElementsByTagNameNS(MetaDataXml.NS, "MessageMetaData");
            for (int i = 0; i < found.getLength(); i++) {
                Element m = (Element) found.item(i);
                // the Id the OSCI library adds so that the message signature covers the header is no part of its schema
                m.removeAttribute("Id");
                meta.newValidator().validate(new DOMSource(m));
                metaHeaders++;
                sample = m;
            }
        }
        assertThat(cache.keySet()).contains("soapForwardDelivery.xsd", "soapResponseToForwardDelivery.xsd",
                "soapAcceptDelivery.xsd", "soapResponseToAcceptDelivery.xsd", "soapMediateDelivery.xsd",
                "soapResponseToMediateDelivery.xsd", "soapProcessDelivery.xsd", "soapResponseToProcessDelivery.xsd");
        // ForwardDelivery, AcceptDelivery, MediateDelivery, ProcessDelivery, ResponseToProcessDelivery, ResponseToMediateDelivery
        assertThat(metaHeaders).isEqualTo(6);
        // the schema is in force: without the required Qualifier the header is invalid
        sample.removeChild(sample.getElementsByTagNameNS(MetaDataXml.NS, "Qualifier").item(0));
        Element broken = sample;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> meta.newValidator().validate(new DOMSource(broken)))
                .isInstanceOf(org.xml.sax.SAXParseException.class).hasMessageContaining("Qualifier");
    }

    /**
     * MessageMetaData 2.0.2 with the schemas it imports, read from the library's xsd jars; the WSS
     * utility schema that the WSS secext schema imports is not in them: its one attribute the secext
     * schema uses ({@code wsu:Id}, an {@code xsd:ID}) is declared here as the WSS 1.0 specification does.
     */
    static Schema metaDataSchema(Path lib, Path extern) throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        for (String jar : List.of("xsd-osci-messagemetadata.jar", "xsd-ws-addr.jar", "xsd-xoev-basisdatentypen.jar",
                "xsd-oasis-200401-wss-wssecurity-secext.jar")) {
            try (ZipFile z = new ZipFile(lib.resolve(jar).toFile())) {
                var entries = z.entries();
                while (entries.hasMoreElements()) {
                    var e = entries.nextElement();
                    if (e.getName().startsWith("xsd/") && e.getName().endsWith(".xsd")) {
                        try (InputStream in = z.getInputStream(e)) {
                            files.put(e.getName().substring(4), in.readAllBytes());
                        }
                    }
                }
            }
        }
        files.put("xml.xsd", Files.readAllBytes(extern.resolve("xml.xsd")));
        files.put("xmldsig-core-schema.xsd", Files.readAllBytes(extern.resolve("xmldsig-core-schema.xsd")));
        files.put("XMLSchema.dtd", Files.readAllBytes(extern.resolve("XMLSchema.dtd")));
        files.put("datatypes.dtd", Files.readAllBytes(extern.resolve("datatypes.dtd")));
        files.put("oasis-200401-wss-wssecurity-utility-1.0.xsd", ("<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\""
                + " targetNamespace=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd\">"
                + "<xsd:attribute name=\"Id\" type=\"xsd:ID\"/></xsd:schema>").getBytes(StandardCharsets.UTF_8));
        Path dir = Files.createTempDirectory("mmd-schema");
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            SchemaFactory f = SecureXml.schemaFactory("file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "file");
            f.setFeature("http://apache.org/xml/features/validation/schema-full-checking", false);
            f.setResourceResolver((type, ns, publicId, systemId, baseUri) -> {
                if (systemId == null) {
                    return null;
                }
                String name = systemId.substring(systemId.lastIndexOf('/') + 1);
                return files.containsKey(name) ? OsciSchemaValidationTest.input(dir.resolve(name), publicId) : null;
            });
            return f.newSchema(dir.resolve("OSCI_MessageMetaData_V2.02.xsd").toFile());
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
