package de.ozgkit.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

class SecureXmlTest {

    private static final String SECRET = "TOP-SECRET-FILE-CONTENT-4711";

    @TempDir
    Path tmp;

    private static InputStream in(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    private String xxe() throws Exception {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n<r>&x;</r>";
    }

    private static String billionLaughs() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        sb.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                sb.append("&lol").append(i - 1).append(';');
            }
            sb.append("\">\n");
        }
        return sb.append("]>\n<lolz>&lol9;</lolz>").toString();
    }

    private static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    @Test
    void parse_wellFormedDocument() {
        Document doc = SecureXml.parse(in("<r xmlns=\"urn:x\"><c>1</c></r>"));
        assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("urn:x");
        assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("1");
    }

    @Test
    void parse_xxe_isRefusedWithoutLeakingTheFile() throws Exception {
        String xml = xxe();
        assertThatThrownBy(() -> SecureXml.parse(in(xml)))
                .isInstanceOf(XmlParseException.class)
                .satisfies(e -> assertThat(((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN))
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(SECRET));
    }

    @Test
    void parse_billionLaughs_isRefused() {
        assertThatThrownBy(() -> SecureXml.parse(in(billionLaughs())))
                .isInstanceOf(XmlParseException.class)
                .extracting(e -> ((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void parse_deepNesting_isRefused() {
        assertThatThrownBy(() -> SecureXml.parse(in(nested(100_000))))
                .isInstanceOf(XmlParseException.class)
                .extracting(e -> ((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.TOO_DEEP);
    }

    @Test
    void parse_oversized_isRefused() {
        String big = "<r>" + "x".repeat(10_000) + "</r>";
        assertThatThrownBy(() -> SecureXml.parse(in(big), XmlLimits.DEFAULT.withMaxBytes(1_000)))
                .isInstanceOf(XmlParseException.class)
                .extracting(e -> ((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.TOO_LARGE);
    }

    @Test
    void parse_truncatedAndGarbage_areMalformed() {
        for (String bad : List.of("<r><c>1</c>", "not xml at all", "", "<r>&undeclared;</r>", "<a></b>")) {
            assertThatThrownBy(() -> SecureXml.parse(in(bad)))
                    .as(bad)
                    .isInstanceOf(XmlParseException.class)
                    .extracting(e -> ((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.MALFORMED);
        }
    }

    @Test
    void parse_reportsLineOfTheProblem() {
        assertThatThrownBy(() -> SecureXml.parse(in("<r>\n<c>\n</r>")))
                .isInstanceOf(XmlParseException.class)
                .satisfies(e -> assertThat(((XmlParseException) e).line()).isEqualTo(3));
    }

    @Test
    void parse_tooManyAttributes_isRefused() {
        StringBuilder sb = new StringBuilder("<r");
        for (int i = 0; i < 50; i++) {
            sb.append(" a").append(i).append("=\"1\"");
        }
        String xml = sb.append("/>").toString();
        assertThatThrownBy(() -> SecureXml.parse(in(xml), new XmlLimits(1_000_000, 100, 10)))
                .isInstanceOf(XmlParseException.class)
                .extracting(e -> ((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.LIMIT_EXCEEDED);
    }

    @Test
    void streamReader_readsNormalDocument() throws Exception {
        XMLStreamReader r = SecureXml.streamReader(in("<r><c>text</c></r>"));
        List<String> names = new ArrayList<>();
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT) {
                names.add(r.getLocalName());
            }
        }
        assertThat(names).containsExactly("r", "c");
    }

    @Test
    void streamReader_xxe_isRefusedWithoutLeakingTheFile() throws Exception {
        String xml = xxe();
        assertThatThrownBy(() -> drain(SecureXml.streamReader(in(xml))))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN))
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(SECRET));
    }

    @Test
    void streamReader_billionLaughs_isRefused() {
        assertThatThrownBy(() -> drain(SecureXml.streamReader(in(billionLaughs()))))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN));
    }

    @Test
    void streamReader_fiftyMegabytesOfNesting_isRefusedEarly() {
        // 50 MB of "<a>" would be ~16 million levels; the reader must stop at the depth limit
        InputStream endless = new InputStream() {
            private long served;

            @Override
            public int read() {
                if (served >= 50L * 1024 * 1024) {
                    return -1;
                }
                return "<a>".charAt((int) (served++ % 3));
            }
        };
        assertThatThrownBy(() -> drain(SecureXml.streamReader(endless)))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.TOO_DEEP));
    }

    @Test
    void streamReader_oversized_isRefused() {
        String big = "<r>" + "x".repeat(10_000) + "</r>";
        assertThatThrownBy(() -> drain(SecureXml.streamReader(in(big), XmlLimits.DEFAULT.withMaxBytes(1_000))))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.TOO_LARGE));
    }

    @Test
    void saxParser_xxe_isRefused() throws Exception {
        String xml = xxe();
        assertThatThrownBy(() -> SecureXml.saxParser(XmlLimits.DEFAULT).parse(in(xml), new DefaultHandler()))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN));
    }

    @Test
    void saxParser_deepNesting_isRefused() {
        assertThatThrownBy(() -> SecureXml.saxParser(XmlLimits.DEFAULT).parse(in(nested(5_000)), new DefaultHandler()))
                .satisfies(e -> assertThat(SecureXml.translate((Exception) e, XmlLimits.DEFAULT).reason())
                        .isEqualTo(XmlParseException.Reason.TOO_DEEP));
    }

    @XmlRootElement(name = "greeting")
    public static class Greeting {
        @XmlElement
        public String text;
    }

    @Test
    void unmarshal_readsBoundType_withCachedContext() {
        Greeting g = SecureJaxb.unmarshal(in("<greeting><text>hallo</text></greeting>"), Greeting.class);
        assertThat(g.text).isEqualTo("hallo");
        assertThat(SecureJaxb.jaxbContext(Greeting.class)).isSameAs(SecureJaxb.jaxbContext(Greeting.class));
    }

    @Test
    void unmarshal_xxe_isRefusedWithoutLeakingTheFile() throws Exception {
        String xml = xxe().replace("<r>&x;</r>", "<greeting><text>&x;</text></greeting>").replace("DOCTYPE r", "DOCTYPE greeting");
        assertThatThrownBy(() -> SecureJaxb.unmarshal(in(xml), Greeting.class))
                .isInstanceOf(XmlParseException.class)
                .satisfies(e -> assertThat(((XmlParseException) e).reason()).isEqualTo(XmlParseException.Reason.DOCTYPE_FORBIDDEN))
                .satisfies(e -> assertThat(stackText(e)).doesNotContain(SECRET));
    }

    @Test
    void transformerFactory_refusesExternalStylesheetAccess() {
        assertThat(SecureXml.transformerFactory().getAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET)).isEqualTo("");
        assertThat(SecureXml.transformerFactory().getAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD)).isEqualTo("");
    }

    @Test
    void schemaFactory_refusesExternalImportsUnlessAllowed() throws Exception {
        Path imported = tmp.resolve("imported.xsd");
        Files.writeString(imported, "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" targetNamespace=\"urn:i\">"
                + "<xs:element name=\"item\" type=\"xs:int\"/></xs:schema>");
        String xsd = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:i=\"urn:i\"><xs:import namespace=\"urn:i\""
                + " schemaLocation=\"" + imported.toUri() + "\"/><xs:element name=\"r\"><xs:complexType><xs:sequence>"
                + "<xs:element ref=\"i:item\"/></xs:sequence></xs:complexType></xs:element></xs:schema>";
        javax.xml.transform.stream.StreamSource source = new javax.xml.transform.stream.StreamSource(in(xsd));
        assertThatThrownBy(() -> SecureXml.schemaFactory("").newSchema(source)).hasMessageContaining("imported.xsd");
        javax.xml.transform.stream.StreamSource again = new javax.xml.transform.stream.StreamSource(in(xsd));
        // allowed, the import is really read: its element's type is enforced in documents
        javax.xml.validation.Validator validator = SecureXml.schemaFactory("file").newSchema(again).newValidator();
        validator.validate(new javax.xml.transform.stream.StreamSource(in("<r><i:item xmlns:i=\"urn:i\">5</i:item></r>")));
        assertThatThrownBy(() -> validator.validate(new javax.xml.transform.stream.StreamSource(
                in("<r><i:item xmlns:i=\"urn:i\">five</i:item></r>")))).hasMessageContaining("five");
    }

    private static void drain(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    private static String stackText(Throwable e) {
        java.io.StringWriter w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }
}
