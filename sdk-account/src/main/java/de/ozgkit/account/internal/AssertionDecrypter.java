package de.ozgkit.account.internal;

import de.ozgkit.account.SamlCheck;
import de.ozgkit.account.SamlValidationException;
import de.ozgkit.core.xml.SecureXml;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.core.xml.XmlParseException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.encryption.XMLEncryptionException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decrypts a {@code saml:EncryptedAssertion} with Apache Santuario: the content key is unwrapped
 * with RSA-OAEP (RSA 1.5 key transport is refused, it invites padding oracles), the content is
 * AES-GCM, or AES-CBC only when explicitly allowed for old identity providers. The plaintext is
 * parsed again through {@link SecureXml} with the response limits; Santuario never parses.
 * References to external cipher data ({@code CipherReference}) are refused. Thread-safe.
 */
public final class AssertionDecrypter {

    private static final Set<String> GCM = Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_192_GCM, XMLCipher.AES_256_GCM);
    private static final Set<String> CBC = Set.of(XMLCipher.AES_128, XMLCipher.AES_192, XMLCipher.AES_256);
    private static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);

    static {
        org.apache.xml.security.Init.init();
    }

    private final List<PrivateKey> keys;
    private final boolean allowCbc;
    private final XmlLimits limits;

    /**
     * @param keys     private keys that may decrypt (the SP's encryption key, maybe its signing key)
     * @param allowCbc whether AES-CBC content encryption is accepted
     * @param limits   limits for the decrypted assertion
     */
    public AssertionDecrypter(List<PrivateKey> keys, boolean allowCbc, XmlLimits limits) {
        this.keys = List.copyOf(keys);
        this.allowCbc = allowCbc;
        this.limits = limits;
    }

    /**
     * @param encryptedAssertion the {@code saml:EncryptedAssertion} element
     * @return the decrypted assertion element, in a document of its own
     * @throws SamlValidationException (DECRYPTION) when it cannot be decrypted with an allowed algorithm
     */
    public Element decrypt(Element encryptedAssertion) {
        if (keys.isEmpty()) {
            throw fail("the response holds an encrypted assertion, but no decryption key is configured;"
                    + " set ServiceProvider.builder().encryptionIdentity(...)");
        }
        Element encryptedData = SamlDom.requiredChild(encryptedAssertion, SamlDom.XENC, "EncryptedData");
        String dataAlgorithm = algorithm(encryptedData);
        if (!GCM.contains(dataAlgorithm) && !(allowCbc && CBC.contains(dataAlgorithm))) {
            throw fail("content encryption " + dataAlgorithm + " is not allowed; "
                    + (CBC.contains(dataAlgorithm) ? "AES-CBC is accepted only with allowAesCbc(true) for old identity providers"
                    : "AES-GCM is required"));
        }
        requireCipherValue(encryptedData);
        List<Element> encryptedKeys = new ArrayList<>();
        Element keyInfo = SamlDom.optionalChild(encryptedData, SamlDom.DS, "KeyInfo");
        if (keyInfo != null) {
            encryptedKeys.addAll(SamlDom.children(keyInfo, SamlDom.XENC, "EncryptedKey"));
        }
        encryptedKeys.addAll(SamlDom.children(encryptedAssertion, SamlDom.XENC, "EncryptedKey"));
        if (encryptedKeys.isEmpty()) {
            throw fail("the encrypted assertion carries no EncryptedKey for this service provider");
        }
        Document doc = encryptedAssertion.getOwnerDocument();
        for (Element ek : encryptedKeys) {
            String transport = algorithm(ek);
            if (!KEY_TRANSPORT.contains(transport)) {
                throw fail("key transport " + transport + " is not allowed; RSA-OAEP is required");
            }
            requireCipherValue(ek);
            for (PrivateKey key : keys) {
                byte[] plain = tryDecrypt(doc, ek, encryptedData, dataAlgorithm, key);
                if (plain != null) {
                    return parse(plain);
                }
            }
        }
        throw fail("the encrypted assertion cannot be decrypted with this service provider's key"
                + " (encrypted for another key, or altered)");
    }

    private static byte[] tryDecrypt(Document doc, Element ekElement, Element encryptedData, String dataAlgorithm,
                                     PrivateKey key) {
        try {
            XMLCipher keyCipher = XMLCipher.getInstance();
            keyCipher.init(XMLCipher.UNWRAP_MODE, key);
            EncryptedKey ek = keyCipher.loadEncryptedKey(doc, ekElement);
            Key contentKey = keyCipher.decryptKey(ek, dataAlgorithm);
            XMLCipher dataCipher = XMLCipher.getInstance();
            dataCipher.init(XMLCipher.DECRYPT_MODE, contentKey);
            return dataCipher.decryptToByteArray(encryptedData);
        } catch (XMLEncryptionException | RuntimeException e) {
            // a wrong key or altered ciphertext: the same answer for every cause, no oracle
            return null;
        }
    }

    private Element parse(byte[] plain) {
        Document assertionDoc;
        try {
            assertionDoc = XmlParsers.parse(plain, limits);
        } catch (XmlParseException e) {
            throw new SamlValidationException(SamlCheck.XML, "the decrypted assertion is not acceptable XML: "
                    + e.getMessage(), e);
        }
        Element root = assertionDoc.getDocumentElement();
        if (!SamlDom.is(root, SamlDom.SAML, "Assertion")) {
            throw new SamlValidationException(SamlCheck.STRUCTURE, "the encrypted assertion decrypts to "
                    + root.getLocalName() + " in " + root.getNamespaceURI() + ", not to a saml:Assertion");
        }
        return root;
    }

    private static String algorithm(Element encrypted) {
        Element method = SamlDom.optionalChild(encrypted, SamlDom.XENC, "EncryptionMethod");
        String alg = method == null ? null : SamlDom.attr(method, "Algorithm");
        if (alg == null) {
            throw fail(encrypted.getLocalName() + " names no EncryptionMethod algorithm");
        }
        return alg;
    }

    private static void requireCipherValue(Element encrypted) {
        Element cipherData = SamlDom.requiredChild(encrypted, SamlDom.XENC, "CipherData");
        if (SamlDom.optionalChild(cipherData, SamlDom.XENC, "CipherValue") == null
                || !SamlDom.children(cipherData, SamlDom.XENC, "CipherReference").isEmpty()) {
            throw fail(encrypted.getLocalName() + " must carry its CipherValue inline; CipherReference is refused");
        }
    }

    private static SamlValidationException fail(String message) {
        return new SamlValidationException(SamlCheck.DECRYPTION, message);
    }
}
