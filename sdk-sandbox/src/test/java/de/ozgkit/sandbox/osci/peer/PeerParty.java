package de.ozgkit.sandbox.osci.peer;

import de.osci.osci12.encryption.OSCICipherException;
import de.osci.osci12.extinterfaces.crypto.Decrypter;
import de.osci.osci12.extinterfaces.crypto.Signer;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.security.GeneralSecurityException;
import java.security.SignatureException;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/** A party for the OSCI library in tests: a generated key with certificate, as the library's Signer and Decrypter. */
final class PeerParty {

    private static final TestPki PKI = TestPki.create("OSCI peer test CA", KeyType.RSA_2048);

    final IssuedCertificate cert;

    private PeerParty(IssuedCertificate cert) {
        this.cert = cert;
    }

    static PeerParty create(String cn) {
        return new PeerParty(PKI.issue(CertificateSpec.builder().subject("CN=" + cn)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.NON_REPUDIATION,
                        CertificateSpec.KeyUsage.KEY_ENCIPHERMENT, CertificateSpec.KeyUsage.DATA_ENCIPHERMENT)
                .build()));
    }

    X509Certificate certificate() {
        return cert.certificate();
    }

    Signer signer() {
        return new Signer() {
            @Override
            public String getVersion() {
                return "1";
            }

            @Override
            public String getVendor() {
                return "ozgkit tests";
            }

            @Override
            public X509Certificate getCertificate() {
                return cert.certificate();
            }

            @Override
            public String getAlgorithm() {
                return "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
            }

            @Override
            public byte[] sign(byte[] data, String algorithm) throws SignatureException {
                try {
                    java.security.Signature s = java.security.Signature.getInstance(algorithm.endsWith("sha512")
                            ? "SHA512withRSA" : "SHA256withRSA");
                    s.initSign(cert.privateKey());
                    s.update(data);
                    return s.sign();
                } catch (GeneralSecurityException e) {
                    throw new SignatureException(e);
                }
            }
        };
    }

    Decrypter decrypter() {
        return new Decrypter() {
            @Override
            public String getVersion() {
                return "1";
            }

            @Override
            public String getVendor() {
                return "ozgkit tests";
            }

            @Override
            public X509Certificate getCertificate() {
                return cert.certificate();
            }

            @Override
            public byte[] decrypt(byte[] data) throws OSCICipherException {
                throw new OSCICipherException("decryption_error");
            }

            @Override
            public byte[] decrypt(byte[] data, String mgf, String digest) throws OSCICipherException {
                try {
                    Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    c.init(Cipher.DECRYPT_MODE, cert.privateKey(), new OAEPParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                    return c.doFinal(data);
                } catch (GeneralSecurityException e) {
                    throw new OSCICipherException("decryption_error");
                }
            }
        };
    }
}
