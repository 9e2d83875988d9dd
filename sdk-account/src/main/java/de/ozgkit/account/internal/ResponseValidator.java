package de.ozgkit.account.internal;

import de.ozgkit.account.AssertedAttribute;
import de.ozgkit.account.ResponseExpectation;
import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.SamlStatusException;
import de.ozgkit.account.SamlValidationException;
import de.ozgkit.account.ServicekontoAttribute;
import de.ozgkit.account.ServicekontoIdentity;
import de.ozgkit.account.TrustLevel;
import de.ozgkit.core.xml.XmlParseException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every check of a SAML response of the Web SSO profile (SAML Profiles 4.1.4.2 and 4.1.4.3), in a
 * fixed order: XML, structure, signatures (over exactly the elements that are read), decryption,
 * issuer, destination, InResponseTo, status, subject confirmation, conditions, audience, authn
 * statement, level of assurance, attributes, and finally replay. Thread-safe.
 */
public final class ResponseValidator {

    private final SpSettings settings;
    private final SignatureVerifier verifier;
    private final AssertionDecrypter decrypter;

    /**
     * @param settings the service provider's settings
     */
    public ResponseValidator(SpSettings settings) {
        this.settings = settings;
        this.verifier = new SignatureVerifier(settings.idp().signingCertificates());
        List<PrivateKey> keys = new ArrayList<>();
        if (settings.encryptionIdentity() != null) {
            keys.add(settings.encryptionIdentity().privateKey());
        }
        if (settings.signingIdentity() != null) {
            keys.add(settings.signingIdentity().privateKey());
        }
        this.decrypter = new AssertionDecrypter(keys, settings.allowAesCbc(), settings.limits());
    }

    /**
     * @param xml          the document: a Response, or a bare Assertion when {@code allowBare}
     * @param expectation  the request it answers
     * @param allowBare    whether a bare assertion is acceptable
     * @return the identity
     */
    public ServicekontoIdentity validate(byte[] xml, ResponseExpectation expectation, boolean allowBare) {
        Objects.requireNonNull(expectation, "expectation");
        Document doc;
        try {
            doc = XmlParsers.parse(xml, settings.limits());
        } catch (XmlParseException e) {
            throw new SamlValidationException(SamlCheck.XML, e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        SamlDom.requireUniqueIds(root);
        requireOneAssertion(doc);
        Instant now = settings.clock().instant();
        if (SamlDom.is(root, SamlDom.SAMLP, "Response")) {
            return validateResponse(root, expectation, now);
        }
        if (allowBare && SamlDom.is(root, SamlDom.SAML, "Assertion")) {
            return validateAssertion(root, false, expectation, now);
        }
        throw new SamlValidationException(SamlCheck.STRUCTURE, "the document is " + root.getLocalName()
                + (root.getNamespaceURI() == null ? " without namespace" : " in " + root.getNamespaceURI())
                + ", not a samlp:Response" + (allowBare ? " or saml:Assertion" : ""));
    }

    /**
     * One assertion (plain or encrypted) at most in the whole document, and one response at most:
     * extra assertions in extensions, signatures, advice or a wrapper are the raw material of
     * signature wrapping, whichever of them a reader would pick.
     */
    private static void requireOneAssertion(Document doc) {
        int assertions = doc.getElementsByTagNameNS(SamlDom.SAML, "Assertion").getLength()
                + doc.getElementsByTagNameNS(SamlDom.SAML, "EncryptedAssertion").getLength();
        if (assertions > 1) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the document holds " + assertions
                    + " assertions (counting nested ones); one at most is accepted");
        }
        int responses = doc.getElementsByTagNameNS(SamlDom.SAMLP, "Response").getLength();
        if (responses > 1) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the document holds " + responses
                    + " responses; exactly one is accepted");
        }
    }

    private static final java.util.Set<String> RESPONSE_CHILDREN = java.util.Set.of(
            "{" + SamlDom.SAML + "}Issuer", "{" + SamlDom.DS + "}Signature", "{" + SamlDom.SAMLP + "}Extensions",
            "{" + SamlDom.SAMLP + "}Status", "{" + SamlDom.SAML + "}Assertion", "{" + SamlDom.SAML + "}EncryptedAssertion");

    private ServicekontoIdentity validateResponse(Element response, ResponseExpectation expectation, Instant now) {
        requireVersion(response);
        for (Element child : SamlDom.children(response)) {
            if (!RESPONSE_CHILDREN.contains("{" + child.getNamespaceURI() + "}" + child.getLocalName())) {
                throw new SamlValidationException(SamlCheck.STRUCTURE, "the response has an unexpected child element "
                        + child.getLocalName() + (child.getNamespaceURI() == null ? " without namespace"
                        : " in " + child.getNamespaceURI()));
            }
        }
        List<Element> plain = SamlDom.children(response, SamlDom.SAML, "Assertion");
        List<Element> encrypted = SamlDom.children(response, SamlDom.SAML, "EncryptedAssertion");
        Element issuer = SamlDom.optionalChild(response, SamlDom.SAML, "Issuer");
        boolean responseSigned = verifier.verifyIfSigned(response);
        if (issuer != null) {
            checkIssuer(issuer, "Response");
        }
        String destination = SamlDom.attr(response, "Destination");
        if (destination == null && responseSigned) {
            throw new SamlValidationException(SamlCheck.DESTINATION, "the signed response has no Destination"
                    + " (required for signed messages, SAML Bindings 3.5.5.2)");
        }
        if (destination != null && !destination.equals(settings.acs().toString())) {
            throw new SamlValidationException(SamlCheck.DESTINATION, "the response is addressed to " + destination
                    + ", not to this assertion consumer service " + settings.acs());
        }
        checkInResponseTo(SamlDom.attr(response, "InResponseTo"), expectation, "Response");
        checkStatus(SamlDom.requiredChild(response, SamlDom.SAMLP, "Status"));
        if (plain.size() + encrypted.size() != 1) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the response holds " + (plain.size() + encrypted.size())
                    + " assertions; exactly one is accepted");
        }
        Element assertion;
        if (encrypted.isEmpty()) {
            if (settings.requireEncryptedAssertions()) {
                throw new SamlValidationException(SamlCheck.DECRYPTION, "the assertion is not encrypted, but this"
                        + " service provider requires encrypted assertions");
            }
            assertion = plain.get(0);
        } else {
            assertion = decrypter.decrypt(encrypted.get(0));
            SamlDom.requireUniqueIds(assertion);
            requireOneAssertion(assertion.getOwnerDocument());
        }
        return validateAssertion(assertion, responseSigned, expectation, now);
    }

    private ServicekontoIdentity validateAssertion(Element assertion, boolean insideSignedResponse,
                                                   ResponseExpectation expectation, Instant now) {
        requireVersion(assertion);
        String assertionId = SamlDom.attr(assertion, "ID");
        if (assertionId == null || assertionId.isEmpty()) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the assertion has no ID");
        }
        boolean assertionSigned = verifier.verifyIfSigned(assertion);
        if (!assertionSigned && (settings.requireSignedAssertions() || !insideSignedResponse)) {
            throw new SamlValidationException(SamlCheck.SIGNATURE, insideSignedResponse
                    ? "the assertion is not signed; this service provider requires signed assertions"
                    + " (the identity provider signs the assertion itself)"
                    : "neither the response nor the assertion is signed");
        }
        Element issuer = SamlDom.requiredChild(assertion, SamlDom.SAML, "Issuer");
        checkIssuer(issuer, "Assertion");

        Element subject = SamlDom.requiredChild(assertion, SamlDom.SAML, "Subject");
        Element nameIdElement = SamlDom.optionalChild(subject, SamlDom.SAML, "NameID");
        if (nameIdElement == null) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the subject has no NameID (EncryptedID is not supported)");
        }
        String nameId = SamlDom.text(nameIdElement);
        Instant confirmationEnd = checkSubjectConfirmation(subject, expectation, now);
        Instant conditionsEnd = checkConditions(assertion, now);
        Element authn = checkAuthnStatement(assertion, now);
        Element contextRef = authnContextRef(authn);
        String context = contextRef == null ? null : SamlDom.text(contextRef);
        TrustLevel level = TrustLevel.lookup(context).orElse(null);
        if (expectation.minimumLevel() != null && (level == null || !level.isAtLeast(expectation.minimumLevel()))) {
            throw new SamlValidationException(SamlCheck.LEVEL_OF_ASSURANCE, "the login reached "
                    + (context == null ? "no stated level" : context) + ", below the requested minimum "
                    + expectation.minimumLevel().storkQaa());
        }
        List<AssertedAttribute> attributes = readAttributes(assertion);
        Instant expiry = conditionsEnd == null || confirmationEnd.isBefore(conditionsEnd) ? confirmationEnd : conditionsEnd;
        if (!settings.replayCache().markUsed(settings.idp().entityId(), assertionId,
                expiry.plus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.REPLAY, "assertion " + assertionId
                    + " was already used; every assertion is accepted once only");
        }
        return new ServicekontoIdentity(settings.idp().entityId(), assertionId, nameId,
                SamlDom.attr(nameIdElement, "Format"), SamlDom.attr(authn, "SessionIndex"),
                SamlDom.instant(authn, "AuthnInstant", SamlCheck.AUTHN_STATEMENT), context, level, attributes);
    }

    private static void requireVersion(Element e) {
        if (!"2.0".equals(SamlDom.attr(e, "Version"))) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, e.getLocalName() + " has Version \""
                    + SamlDom.attr(e, "Version") + "\"; SAML 2.0 is required");
        }
    }

    private void checkIssuer(Element issuer, String where) {
        String format = SamlDom.attr(issuer, "Format");
        if (format != null && !format.equals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity")) {
            throw new SamlValidationException(SamlCheck.ISSUER, "the Issuer of the " + where + " has Format " + format
                    + "; an entity id is required");
        }
        String value = SamlDom.text(issuer);
        if (!value.equals(settings.idp().entityId())) {
            throw new SamlValidationException(SamlCheck.ISSUER, "the " + where + " was issued by \"" + value
                    + "\", not by the trusted identity provider " + settings.idp().entityId());
        }
    }

    private void checkInResponseTo(String inResponseTo, ResponseExpectation expectation, String where) {
        String expected = expectation.inResponseTo();
        if (expected == null) {
            if (!settings.allowUnsolicited()) {
                throw new SamlValidationException(SamlCheck.IN_RESPONSE_TO, "no request is pending and unsolicited"
                        + " responses are not allowed; pass the expectation of the request this response answers");
            }
            if (inResponseTo != null) {
                throw new SamlValidationException(SamlCheck.IN_RESPONSE_TO, "the " + where + " answers request "
                        + inResponseTo + ", but no request is pending");
            }
        } else if (inResponseTo == null) {
            throw new SamlValidationException(SamlCheck.IN_RESPONSE_TO, "the " + where + " has no InResponseTo"
                    + " (unsolicited), but it must answer request " + expected);
        } else if (!expected.equals(inResponseTo)) {
            throw new SamlValidationException(SamlCheck.IN_RESPONSE_TO, "the " + where + " answers request "
                    + inResponseTo + ", not the pending request " + expected);
        }
    }

    private static void checkStatus(Element status) {
        Element code = SamlDom.requiredChild(status, SamlDom.SAMLP, "StatusCode");
        String value = SamlDom.attr(code, "Value");
        if (value == null) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "StatusCode has no Value");
        }
        if (value.equals(SamlDom.STATUS_SUCCESS)) {
            return;
        }
        List<String> sub = new ArrayList<>();
        for (Element c = SamlDom.optionalChild(code, SamlDom.SAMLP, "StatusCode"); c != null && sub.size() < 10;
             c = SamlDom.optionalChild(c, SamlDom.SAMLP, "StatusCode")) {
            sub.add(String.valueOf(SamlDom.attr(c, "Value")));
        }
        Element messageElement = SamlDom.optionalChild(status, SamlDom.SAMLP, "StatusMessage");
        Element detail = SamlDom.optionalChild(status, SamlDom.SAMLP, "StatusDetail");
        List<String> details = new ArrayList<>();
        if (detail != null) {
            for (Element d : SamlDom.children(detail)) {
                details.add(SamlDom.text(d));
            }
        }
        throw new SamlStatusException(value, sub, messageElement == null ? null : SamlDom.text(messageElement), details);
    }

    private Instant checkSubjectConfirmation(Element subject, ResponseExpectation expectation, Instant now) {
        SamlValidationException first = null;
        for (Element sc : SamlDom.children(subject, SamlDom.SAML, "SubjectConfirmation")) {
            if (!SamlDom.CM_BEARER.equals(SamlDom.attr(sc, "Method"))) {
                continue;
            }
            try {
                return checkBearer(sc, expectation, now);
            } catch (SamlValidationException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
        throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the subject has no bearer"
                + " SubjectConfirmation (" + SamlDom.CM_BEARER + ")");
    }

    private Instant checkBearer(Element sc, ResponseExpectation expectation, Instant now) {
        Element data = SamlDom.optionalChild(sc, SamlDom.SAML, "SubjectConfirmationData");
        if (data == null) {
            throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the bearer confirmation has no"
                    + " SubjectConfirmationData with Recipient and NotOnOrAfter");
        }
        String recipient = SamlDom.attr(data, "Recipient");
        if (recipient == null || !recipient.equals(settings.acs().toString())) {
            throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the bearer confirmation is for recipient "
                    + recipient + ", not for this assertion consumer service " + settings.acs());
        }
        Instant notOnOrAfter = SamlDom.instant(data, "NotOnOrAfter", SamlCheck.SUBJECT_CONFIRMATION);
        if (notOnOrAfter == null) {
            throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the bearer confirmation has no NotOnOrAfter");
        }
        if (!now.isBefore(notOnOrAfter.plus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the bearer confirmation expired at "
                    + notOnOrAfter + " (now " + now + ", allowed skew " + settings.clockSkew() + ")");
        }
        Instant notBefore = SamlDom.instant(data, "NotBefore", SamlCheck.SUBJECT_CONFIRMATION);
        if (notBefore != null && now.isBefore(notBefore.minus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.SUBJECT_CONFIRMATION, "the bearer confirmation is valid only from "
                    + notBefore + " (now " + now + ")");
        }
        try {
            checkInResponseTo(SamlDom.attr(data, "InResponseTo"), expectation, "SubjectConfirmationData");
        } catch (SamlValidationException e) {
            throw new SamlValidationException(SamlCheck.IN_RESPONSE_TO, e.getMessage().substring(
                    SamlCheck.IN_RESPONSE_TO.name().length() + 2));
        }
        return notOnOrAfter;
    }

    private Instant checkConditions(Element assertion, Instant now) {
        Element conditions = SamlDom.optionalChild(assertion, SamlDom.SAML, "Conditions");
        if (conditions == null) {
            throw new SamlValidationException(SamlCheck.AUDIENCE, "the assertion has no Conditions with an"
                    + " AudienceRestriction for " + settings.entityId());
        }
        Instant notBefore = SamlDom.instant(conditions, "NotBefore", SamlCheck.CONDITIONS);
        Instant notOnOrAfter = SamlDom.instant(conditions, "NotOnOrAfter", SamlCheck.CONDITIONS);
        if (notBefore != null && now.isBefore(notBefore.minus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.CONDITIONS, "the assertion is valid only from " + notBefore
                    + " (now " + now + ", allowed skew " + settings.clockSkew() + ")");
        }
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.CONDITIONS, "the assertion expired at " + notOnOrAfter
                    + " (now " + now + ", allowed skew " + settings.clockSkew() + ")");
        }
        List<Element> restrictions = SamlDom.children(conditions, SamlDom.SAML, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlValidationException(SamlCheck.AUDIENCE, "the assertion has no AudienceRestriction;"
                    + " the Web SSO profile requires one naming " + settings.entityId());
        }
        for (Element r : restrictions) {
            boolean found = false;
            List<String> audiences = new ArrayList<>();
            for (Element a : SamlDom.children(r, SamlDom.SAML, "Audience")) {
                String audience = SamlDom.text(a);
                audiences.add(audience);
                found |= audience.equals(settings.entityId());
            }
            if (!found) {
                throw new SamlValidationException(SamlCheck.AUDIENCE, "the assertion is for " + audiences
                        + ", not for this service provider " + settings.entityId());
            }
        }
        for (Element c : SamlDom.children(conditions)) {
            if (!SamlDom.is(c, SamlDom.SAML, "AudienceRestriction") && !SamlDom.is(c, SamlDom.SAML, "OneTimeUse")) {
                throw new SamlValidationException(SamlCheck.CONDITIONS, "the assertion has a condition "
                        + c.getLocalName() + " this service provider does not understand");
            }
        }
        return notOnOrAfter;
    }

    private Element checkAuthnStatement(Element assertion, Instant now) {
        List<Element> statements = SamlDom.children(assertion, SamlDom.SAML, "AuthnStatement");
        if (statements.isEmpty()) {
            throw new SamlValidationException(SamlCheck.AUTHN_STATEMENT, "the assertion has no AuthnStatement");
        }
        Element authn = statements.get(0);
        if (SamlDom.instant(authn, "AuthnInstant", SamlCheck.AUTHN_STATEMENT) == null) {
            throw new SamlValidationException(SamlCheck.AUTHN_STATEMENT, "the AuthnStatement has no AuthnInstant");
        }
        Instant sessionEnd = SamlDom.instant(authn, "SessionNotOnOrAfter", SamlCheck.AUTHN_STATEMENT);
        if (sessionEnd != null && !now.isBefore(sessionEnd.plus(settings.clockSkew()))) {
            throw new SamlValidationException(SamlCheck.AUTHN_STATEMENT, "the authentication session ended at "
                    + sessionEnd);
        }
        return authn;
    }

    private static Element authnContextRef(Element authn) {
        Element context = SamlDom.requiredChild(authn, SamlDom.SAML, "AuthnContext");
        return SamlDom.optionalChild(context, SamlDom.SAML, "AuthnContextClassRef");
    }

    private static List<AssertedAttribute> readAttributes(Element assertion) {
        List<AssertedAttribute> out = new ArrayList<>();
        for (Element statement : SamlDom.children(assertion, SamlDom.SAML, "AttributeStatement")) {
            for (Element a : SamlDom.children(statement)) {
                if (SamlDom.is(a, SamlDom.SAML, "EncryptedAttribute")) {
                    throw new SamlValidationException(SamlCheck.ATTRIBUTES, "EncryptedAttribute is not supported;"
                            + " encrypt the whole assertion instead");
                }
                if (!SamlDom.is(a, SamlDom.SAML, "Attribute")) {
                    continue;
                }
                String name = SamlDom.attr(a, "Name");
                if (name == null || name.isBlank()) {
                    throw new SamlValidationException(SamlCheck.ATTRIBUTES, "an Attribute has no Name");
                }
                Attr levelAttr = a.getAttributeNodeNS(SamlDom.AKDB, "TrustLevel");
                TrustLevel level = null;
                if (levelAttr != null) {
                    level = TrustLevel.lookup(levelAttr.getValue()).orElseThrow(() -> new SamlValidationException(
                            SamlCheck.ATTRIBUTES, "attribute " + name + " has the unknown akdb TrustLevel \""
                            + levelAttr.getValue() + "\""));
                }
                List<String> values = new ArrayList<>();
                for (Element v : SamlDom.children(a, SamlDom.SAML, "AttributeValue")) {
                    if ("true".equals(v.getAttributeNS(SamlDom.XSI, "nil"))) {
                        continue;
                    }
                    values.add(SamlDom.text(v));
                }
                out.add(new AssertedAttribute(name, ServicekontoAttribute.oidOf(name), SamlDom.attr(a, "FriendlyName"),
                        values, level));
            }
        }
        return out;
    }
}
