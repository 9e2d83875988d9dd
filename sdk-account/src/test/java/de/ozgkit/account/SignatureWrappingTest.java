package de.ozgkit.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The XML signature wrapping attacks XSW1-XSW8 (Somorovsky et al., "On Breaking SAML: Be Whoever
 * You Want to Be", 2012, as catalogued by SAML Raider) applied to real responses of the sandbox
 * identity provider, plus single-assertion variants that only the exact-element reference check
 * can stop. The attacker's goal is always the NameID "admin".
 */
@ExtendWith(SharedIdp.class)
class SignatureWrappingTest {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    static IdpFixture fixture;
    static ServiceProvider sp;
    static ServiceProvider spSignedResponses;
    /** A response whose assertion is signed (as BundID sends it). */
    static byte[] assertionSigned;
    /** A response that is signed as a whole, with an unsigned assertion inside. */
    static byte[] responseSigned;
    static ResponseExpectation expectationA;
    static ResponseExpectation expectationR;

    @BeforeAll
    static void start(IdpFixture shared) throws Exception {
        fixture = shared;
        sp = fixture.register(fixture.sp().build());
        spSignedResponses = fixture.sp().requireSignedAssertions(false).build();
        AuthnRequestMessage a = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        assertionSigned = Base64.getDecoder().decode(fixture.loginAs(a, "erika", 4, Map.of("encrypt", "false")).samlResponse());
        expectationA = a.expectation();
        AuthnRequestMessage r = sp.createRequest(IdpFixture.login(), SamlBinding.HTTP_REDIRECT);
        responseSigned = Base64.getDecoder().decode(fixture.loginAs(r, "erika", 4,
                Map.of("encrypt", "false", "defect", "UNSIGNED_ASSERTION")).samlResponse());
        expectationR = r.expectation();
    }

    @Test
    void unmodifiedResponses_areAccepted_soThatEveryRefusalBelowIsCausedByTheAttack() {
        ServiceProvider fresh = fixture.sp().build();
        assertThat(fresh.acceptDocument(assertionSigned, expectationA).nameId()).isEqualTo("erika-7f3c9a1e");
        ServiceProvider freshLenient = fixture.sp().requireSignedAssertions(false).build();
        assertThat(freshLenient.acceptDocument(responseSigned, expectationR).nameId()).isEqualTo("erika-7f3c9a1e");
    }

    @Test
    void xsw1_signedResponseWrappedIntoTheSignatureOfAnEvilResponse() {
        refuse(responseSigned, spSignedResponses, expectationR, SamlCheck.SIGNATURE, doc -> {
            Element response = doc.getDocumentElement();
            Element original = (Element) response.cloneNode(true);
            original.removeChild(child(original, DS, "Signature"));
            evil(response);
            response.setAttributeNS(null, "ID", "_evil_response");
            child(response, DS, "Signature").appendChild(original);
        });
    }

    @Test
    void xsw2_signedResponseAsSiblingBeforeTheDetachedSignature() {
        refuse(responseSigned, spSignedResponses, expectationR, SamlCheck.SIGNATURE, doc -> {
            Element response = doc.getDocumentElement();
            Element original = (Element) response.cloneNode(true);
            original.removeChild(child(original, DS, "Signature"));
            evil(response);
            response.setAttributeNS(null, "ID", "_evil_response");
            Element signature = child(response, DS, "Signature");
            response.insertBefore(original, signature);
        });
    }

    @Test
    void xsw3_evilAssertionBeforeTheSignedOne() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element evil = (Element) assertion.cloneNode(true);
            evil.removeChild(child(evil, DS, "Signature"));
            evil.setAttributeNS(null, "ID", "_evil_assertion");
            evil(evil);
            doc.getDocumentElement().insertBefore(evil, assertion);
        });
    }

    @Test
    void xsw4_signedAssertionWrappedInsideAnEvilAssertion() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element evil = (Element) assertion.cloneNode(true);
            evil.removeChild(child(evil, DS, "Signature"));
            evil.setAttributeNS(null, "ID", "_evil_assertion");
            evil(evil);
            doc.getDocumentElement().appendChild(evil);
            evil.appendChild(assertion);
        });
    }

    @Test
    void xsw5_evilAssertionKeepsTheSignatureAndTheOriginalMovesToTheEnd() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element original = (Element) assertion.cloneNode(true);
            original.removeChild(child(original, DS, "Signature"));
            evil(assertion);
            assertion.setAttributeNS(null, "ID", "_evil_assertion");
            doc.getDocumentElement().appendChild(original);
        });
    }

    @Test
    void xsw6_originalAssertionInsideTheSignatureOfTheEvilOne() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element original = (Element) assertion.cloneNode(true);
            original.removeChild(child(original, DS, "Signature"));
            evil(assertion);
            assertion.setAttributeNS(null, "ID", "_evil_assertion");
            child(assertion, DS, "Signature").appendChild(original);
        });
    }

    @Test
    void xsw7_evilAssertionInAnExtensionsElement() {
        // the evil copy keeps the original's ID: refused for the duplicate ID before the count of assertions
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> {
            Element assertion = assertion(doc);
            Element extensions = doc.createElement("Extensions");
            doc.getDocumentElement().insertBefore(extensions, assertion);
            Element evil = (Element) assertion.cloneNode(true);
            evil.removeChild(child(evil, DS, "Signature"));
            evil(evil);
            extensions.appendChild(evil);
        });
    }

    @Test
    void xsw8_originalAssertionInADsObjectOfTheEvilAssertionsSignature() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> {
            Element assertion = assertion(doc);
            Element original = (Element) assertion.cloneNode(true);
            original.removeChild(child(original, DS, "Signature"));
            evil(assertion);
            Element object = doc.createElementNS(DS, "ds:Object");
            child(assertion, DS, "Signature").appendChild(object);
            object.appendChild(original);
        });
    }

    @Test
    void xsw7_withAFreshIdInAnUnknownExtensionsElement_isRefusedForTheUnexpectedChild() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element extensions = doc.createElement("Extensions");
            doc.getDocumentElement().insertBefore(extensions, assertion);
            extensions.setAttributeNS(null, "Note", "no assertion inside, only an unknown element");
        }, "unexpected child");
    }

    @Test
    void evilAssertionInProperSamlpExtensions_isRefused() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.STRUCTURE, doc -> {
            Element assertion = assertion(doc);
            Element extensions = doc.createElementNS(SAMLP, "samlp:Extensions");
            doc.getDocumentElement().insertBefore(extensions, child(doc.getDocumentElement(), SAMLP, "Status"));
            Element evil = (Element) assertion.cloneNode(true);
            evil.setAttributeNS(null, "ID", "_evil_assertion");
            evil(evil);
            extensions.appendChild(evil);
        });
    }

    @Test
    void signatureMovedToAnEvilAssertionWithAnotherId_failsTheReferenceCheck() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> {
            Element assertion = assertion(doc);
            evil(assertion);
            assertion.setAttributeNS(null, "ID", "_evil_assertion");
        }, "refers to");
    }

    @Test
    void assertionChangedInPlace_failsTheDigest() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> evil(assertion(doc)), "digest");
    }

    @Test
    void signatureRemoved_isRefusedAsUnsigned() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> {
            Element assertion = assertion(doc);
            assertion.removeChild(child(assertion, DS, "Signature"));
        }, "signed");
    }

    @Test
    void unsignedAssertionInsideSignedResponse_isRefusedWhereAssertionsMustBeSigned() {
        refuse(responseSigned, sp, expectationR, SamlCheck.SIGNATURE, doc -> { }, "not signed");
    }

    @Test
    void duplicateIdOnAnotherElement_isRefused() {
        refuse(assertionSigned, sp, expectationA, SamlCheck.SIGNATURE, doc -> {
            Element decoy = doc.createElementNS(SAMLP, "samlp:Extensions");
            decoy.setAttributeNS(null, "ID", assertion(doc).getAttribute("ID"));
            doc.getDocumentElement().insertBefore(decoy, child(doc.getDocumentElement(), SAMLP, "Status"));
        }, "more than one element");
    }

    private static void refuse(byte[] xml, ServiceProvider serviceProvider, ResponseExpectation expectation,
                               SamlCheck check, Consumer<Document> attack) {
        refuse(xml, serviceProvider, expectation, check, attack, "");
    }

    private static void refuse(byte[] xml, ServiceProvider serviceProvider, ResponseExpectation expectation,
                               SamlCheck check, Consumer<Document> attack, String messagePart) {
        Document doc = SecureXml.parse(new ByteArrayInputStream(xml));
        attack.accept(doc);
        byte[] attacked = serialize(doc);
        assertThatThrownBy(() -> serviceProvider.acceptDocument(attacked, expectation))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> {
                    assertThat(e.check()).isEqualTo(check);
                    assertThat(e.getMessage()).contains(messagePart);
                });
        String base64 = Base64.getEncoder().encodeToString(attacked);
        assertThatThrownBy(() -> serviceProvider.acceptResponse(base64, expectation))
                .isInstanceOfSatisfying(SamlValidationException.class, e -> assertThat(e.check()).isEqualTo(check));
    }

    private static void evil(Element container) {
        Element nameId = (Element) container.getElementsByTagNameNS(SAML, "NameID").item(0);
        nameId.setTextContent("admin");
    }

    private static Element assertion(Document doc) {
        return child(doc.getDocumentElement(), SAML, "Assertion");
    }

    private static Element child(Element parent, String ns, String local) {
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no " + local + " in " + parent.getLocalName());
    }

    private static byte[] serialize(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            SecureXml.transformerFactory().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (javax.xml.transform.TransformerException e) {
            throw new IllegalStateException(e);
        }
    }
}
