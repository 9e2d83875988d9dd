package de.ozgkit.benchmarks;

import de.ozgkit.account.AuthnRequestMessage;
import de.ozgkit.account.IdentityProviderMetadata;
import de.ozgkit.account.LoginRequest;
import de.ozgkit.account.ResponseExpectation;
import de.ozgkit.account.SamlBinding;
import de.ozgkit.account.ServiceProvider;
import de.ozgkit.account.ServicekontoAttribute;
import de.ozgkit.account.ServicekontoIdentity;
import de.ozgkit.account.TrustLevel;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.sandbox.account.Answer;
import de.ozgkit.sandbox.account.IdpEngine;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One SAML response of the BundID shape (assertion signed with RSA-SHA256, encrypted with
 * AES-256-GCM and RSA-OAEP for a 2048-bit key, 13 attributes with trust levels), as the sandbox
 * identity provider issues it, taken in by a relying party: base64, parse, decrypt, verify, check,
 * map to the identity.
 *
 * <ul>
 *   <li>{@code ozgkit}: {@code ServiceProvider.acceptResponse}: every check of the Web SSO profile
 *       (structure, signature over exactly the element read, decryption, issuer, audience,
 *       confirmation, conditions, replay via the SPI) and the typed identity.</li>
 *   <li>{@code santuarioOnly}: what an integration written on Apache Santuario alone does at the
 *       least: parse with the hardened parser, decrypt with {@code XMLCipher}, register the ID,
 *       verify with Santuario's {@code XMLSignature}, read NameID and attribute values by tag name,
 *       none of the profile checks. OpenSAML, the usual choice, is not available to this project.</li>
 *   <li>{@code rsaOaepUnwrapOnly}: the floor every relying party pays: one RSA-OAEP decryption of the
 *       wrapped content key with the 2048-bit private key (JCE, no XML).</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SamlResponseBenchmark -t 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
public class SamlResponseBenchmark {

    private static final Pattern FIELD = Pattern.compile("name=\"([A-Za-z]+)\" value=\"([^\"]*)\"");

    private ServiceProvider sp;
    private String samlResponse;
    private ResponseExpectation expectation;
    private Identity spKey;
    private IdpEngine idp;
    private byte[] wrappedKey;

    /** Issues the response once: an in-process sandbox IdP, a registered SP with an encryption key. */
    @Setup
    public void setup() {
        Instant now = Instant.now();
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        idp = new IdpEngine("https://idp.example.org", clock, false, true);
        IssuedCertificate c = IssuedCertificate.selfSigned(CertificateSpec.builder().keyType(KeyType.RSA_2048).build());
        spKey = Identity.of(c.privateKey(), List.of(c.certificate()));
        IdentityProviderMetadata metadata = IdentityProviderMetadata.parse(idp.metadata().getBytes(StandardCharsets.UTF_8));
        sp = ServiceProvider.builder().entityId("https://sp.example.org").assertionConsumerService(
                        URI.create("https://sp.example.org/acs")).encryptionIdentity(spKey).identityProvider(metadata)
                .clock(clock).replayCache((issuer, id, expiresAt) -> true).build();
        idp.registerServiceProvider(sp.metadata().getBytes(StandardCharsets.UTF_8));
        LoginRequest.Builder login = LoginRequest.builder().organizationDisplayName("Stadt").onlineServiceId("svc")
                .minimumLevel(TrustLevel.SUBSTANTIELL);
        for (ServicekontoAttribute a : ServicekontoAttribute.values()) {
            login.requestAttribute(a, false);
        }
        AuthnRequestMessage request = sp.createRequest(login.build(), SamlBinding.HTTP_REDIRECT);
        Answer page = idp.ssoRedirect(request.redirect().orElseThrow().getRawQuery());
        Answer posted = idp.login(Map.of("session", field(page, "session"), "identity", "erika", "level", "4",
                "encrypt", "true"));
        samlResponse = field(posted, "SAMLResponse");
        expectation = request.expectation();
        ServicekontoIdentity id = ozgkit();
        if (id.attributes().size() < 13 || !id.value(ServicekontoAttribute.POSTAL_ADDRESS).orElseThrow().contains("ẞ")) {
            throw new IllegalStateException("the response does not carry the expected attributes: " + id);
        }
        Document doc = SecureXml.parse(new ByteArrayInputStream(Base64.getMimeDecoder().decode(samlResponse)));
        Element ek = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedKey").item(0);
        wrappedKey = Base64.getMimeDecoder().decode(ek.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#",
                "CipherValue").item(0).getTextContent());
        if (rsaOaepUnwrapOnly().length != 32) {
            throw new IllegalStateException("the wrapped key is not an AES-256 key");
        }
        if (!"erika-7f3c9a1e".equals(santuarioOnly())) {
            throw new IllegalStateException("the Santuario baseline does not read the response");
        }
    }

    private static String field(Answer a, String name) {
        Matcher m = FIELD.matcher(a.bodyAsString());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in the IdP's answer: " + a.bodyAsString());
    }

    /** @return the identity after every check */
    @Benchmark
    public ServicekontoIdentity ozgkit() {
        return sp.acceptResponse(samlResponse, expectation);
    }

    /** @return the NameID after decrypting and verifying with Santuario alone */
    @Benchmark
    public String santuarioOnly() {
        try {
            Document doc = SecureXml.parse(new ByteArrayInputStream(Base64.getMimeDecoder().decode(samlResponse)));
            Element encryptedData = (Element) doc.getElementsByTagNameNS(
                    "http://www.w3.org/2001/04/xmlenc#", "EncryptedData").item(0);
            Element ekElement = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedKey").item(0);
            XMLCipher keyCipher = XMLCipher.getInstance();
            keyCipher.init(XMLCipher.UNWRAP_MODE, spKey.privateKey());
            EncryptedKey ek = keyCipher.loadEncryptedKey(doc, ekElement);
            Key cek = keyCipher.decryptKey(ek, XMLCipher.AES_256_GCM);
            XMLCipher data = XMLCipher.getInstance();
            data.init(XMLCipher.DECRYPT_MODE, cek);
            byte[] plain = data.decryptToByteArray(encryptedData);
            Document assertionDoc = SecureXml.parse(new ByteArrayInputStream(plain));
            Element assertion = assertionDoc.getDocumentElement();
            assertion.setIdAttributeNS(null, "ID", true);
            Element sigElement = (Element) assertion.getElementsByTagNameNS(
                    "http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
            XMLSignature signature = new XMLSignature(sigElement, "", true);
            if (!signature.checkSignatureValue(idpCertificate())) {
                throw new IllegalStateException("signature does not verify");
            }
            NodeList values = assertion.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "AttributeValue");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < values.getLength(); i++) {
                sb.append(values.item(i).getTextContent());
            }
            if (sb.length() == 0) {
                throw new IllegalStateException("no attribute values");
            }
            return assertion.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID").item(0).getTextContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the content key, unwrapped with RSA-OAEP (SHA-1, MGF1-SHA-1) as the IdP wrapped it */
    @Benchmark
    public byte[] rsaOaepUnwrapOnly() {
        try {
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, spKey.privateKey());
            return c.doFinal(wrappedKey);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private java.security.cert.X509Certificate idpCertificate() {
        return idp.signingCertificate();
    }
}
