package de.ozgkit.core.security;

import de.ozgkit.core.security.KeyMaterialException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.CRLException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads keys and certificates: PKCS#12 files ({@code .p12}, {@code .pfx}) and PEM files (private
 * keys as PKCS#8, encrypted PKCS#8, PKCS#1 {@code RSA PRIVATE KEY}, SEC 1 {@code EC PRIVATE KEY}
 * and legacy OpenSSL-encrypted keys; certificates and chains; CRLs).
 *
 * <pre>{@code
 * Identity client = KeyMaterial.pkcs12(Path.of("client.p12"), password);
 * Identity server = KeyMaterial.pem(Path.of("key.pem"), Path.of("fullchain.pem"), null);
 * List<X509Certificate> trusted = KeyMaterial.certificates(Path.of("provider-ca.pem"));
 * }</pre>
 *
 * <p>PKCS#12, certificates and CRLs are read with the JDK alone. PEM private keys are read with
 * Bouncy Castle ({@code org.bouncycastle:bcpkix-jdk18on}), which ozgkit core declares as an optional
 * dependency: add it to the application (on the module path: {@code requires org.bouncycastle.pkix})
 * to read PEM keys; without it that call fails with {@link KeyMaterialException.Reason#LIBRARY_MISSING}.
 *
 * <p>Every failure is a {@link KeyMaterialException} whose {@link KeyMaterialException#reason()
 * reason} separates a wrong password from a wrong format, a missing key or certificate, and a
 * key that does not belong to its certificate. Messages name the file (its name only, not the
 * directory) and never the password. Inputs larger than {@value #MAX_BYTES} bytes are refused.
 *
 * <p>Stateless and thread-safe. Passwords are not kept after a call returns.
 */
public final class KeyMaterial {

    /** The largest input accepted; key and certificate files are far smaller. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private KeyMaterial() {
    }

    // ---------------------------------------------------------------- PKCS#12

    /**
     * Loads the only private key and its certificate chain from a PKCS#12 file.
     *
     * @param file     the {@code .p12}/{@code .pfx} file
     * @param password the file's password (an empty array for none); the key must have the same password
     * @return the identity
     * @throws KeyMaterialException WRONG_PASSWORD, WRONG_FORMAT, MISSING_KEY, AMBIGUOUS_KEY, MISSING_CERTIFICATE,
     *                              KEY_CERT_MISMATCH or IO
     */
    public static Identity pkcs12(Path file, char[] password) {
        return pkcs12(file, password, null);
    }

    /**
     * Loads one private key and its certificate chain from a PKCS#12 file.
     *
     * @param file     the {@code .p12}/{@code .pfx} file
     * @param password the file's password (an empty array for none)
     * @param alias    the key entry to use, or {@code null} when the file holds exactly one key
     * @return the identity
     * @throws KeyMaterialException as {@link #pkcs12(Path, char[])}
     */
    public static Identity pkcs12(Path file, char[] password, String alias) {
        String source = sourceName(file);
        return identityFrom(loadPkcs12(read(file, source), password, source), password, alias, source);
    }

    /**
     * Loads the only private key and its chain from PKCS#12 bytes.
     *
     * @param data     the content of a {@code .p12} file
     * @param password its password (an empty array for none)
     * @return the identity
     * @throws KeyMaterialException as {@link #pkcs12(Path, char[])}
     */
    public static Identity pkcs12(byte[] data, char[] password) {
        return pkcs12(data, password, null);
    }

    /**
     * Loads one private key and its chain from PKCS#12 bytes.
     *
     * @param data     the content of a {@code .p12} file
     * @param password its password (an empty array for none)
     * @param alias    the key entry to use, or {@code null} when there is exactly one
     * @return the identity
     * @throws KeyMaterialException as {@link #pkcs12(Path, char[])}
     */
    public static Identity pkcs12(byte[] data, char[] password, String alias) {
        Objects.requireNonNull(data, "data");
        return identityFrom(loadPkcs12(checkSize(data, "PKCS#12 data"), password, "PKCS#12 data"), password, alias,
                "PKCS#12 data");
    }

    /**
     * Loads the only private key and its chain from a PKCS#12 stream. The stream is read to its end
     * (at most {@value #MAX_BYTES} bytes) but not closed.
     *
     * @param in       the stream
     * @param password its password (an empty array for none)
     * @return the identity
     * @throws KeyMaterialException as {@link #pkcs12(Path, char[])}
     */
    public static Identity pkcs12(InputStream in, char[] password) {
        return pkcs12(readBounded(in, "PKCS#12 stream"), password, null);
    }

    /**
     * Loads a PKCS#12 file as a {@link KeyStore}, with the same checks and errors as
     * {@link #pkcs12(Path, char[])} except that any number of entries is allowed.
     *
     * @param file     the file
     * @param password its password (an empty array for none)
     * @return the loaded key store
     * @throws KeyMaterialException WRONG_PASSWORD, WRONG_FORMAT or IO
     */
    public static KeyStore pkcs12KeyStore(Path file, char[] password) {
        String source = sourceName(file);
        return loadPkcs12(read(file, source), password, source);
    }

    private static KeyStore loadPkcs12(byte[] data, char[] password, String source) {
        Objects.requireNonNull(password, "password (use an empty array for a file without password)");
        if (data.length == 0) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is empty; supply the PKCS#12 file itself", null);
        }
        if (looksLikePem(data)) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is PEM text, not PKCS#12; load it with"
                    + " KeyMaterial.pem(...) or convert it: openssl pkcs12 -export -inkey key.pem -in cert.pem -out id.p12", null);
        }
        if (data.length >= 4 && (data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xed && (data[2] & 0xff) == 0xfe
                && (data[3] & 0xff) == 0xed) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is a Java KeyStore (JKS), not PKCS#12;"
                    + " convert it: keytool -importkeystore -srckeystore in.jks -destkeystore out.p12 -deststoretype PKCS12", null);
        }
        if ((data[0] & 0xff) != 0x30) {
            throw notPkcs12(source, null);
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(data), password);
            return ks;
        } catch (IOException e) {
            if (isWrongPassword(e)) {
                throw new KeyMaterialException(Reason.WRONG_PASSWORD, "the password does not open " + source
                        + "; check the password (it is case-sensitive) and that this is the right file", null);
            }
            throw notPkcs12(source, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw notPkcs12(source, e);
        }
    }

    private static boolean isWrongPassword(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnrecoverableKeyException || t instanceof javax.crypto.BadPaddingException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && (m.contains("password was incorrect") || m.contains("Integrity check failed"))) {
                return true;
            }
        }
        return false;
    }

    private static KeyMaterialException notPkcs12(String source, Throwable cause) {
        return new KeyMaterialException(Reason.WRONG_FORMAT, source + " is not a readable PKCS#12 file (damaged,"
                + " truncated or another format); export it again, e.g. openssl pkcs12 -export -inkey key.pem -in cert.pem"
                + " -out id.p12", cause);
    }

    private static Identity identityFrom(KeyStore ks, char[] password, String alias, String source) {
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String a : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(a)) {
                    keyAliases.add(a);
                }
            }
            String chosen;
            if (alias != null) {
                if (!keyAliases.contains(alias)) {
                    throw new KeyMaterialException(Reason.MISSING_KEY, source + " has no private key entry named '"
                            + alias + "'; its key entries are " + keyAliases, null);
                }
                chosen = alias;
            } else if (keyAliases.isEmpty()) {
                throw new KeyMaterialException(Reason.MISSING_KEY, source + " holds no private key, only "
                        + ks.size() + " certificate(s); export the key together with the certificate:"
                        + " openssl pkcs12 -export -inkey key.pem -in cert.pem -out id.p12", null);
            } else if (keyAliases.size() > 1) {
                throw new KeyMaterialException(Reason.AMBIGUOUS_KEY, source + " holds " + keyAliases.size()
                        + " private keys " + keyAliases + "; name the one to use with the alias parameter", null);
            } else {
                chosen = keyAliases.get(0);
            }
            Key key;
            try {
                key = ks.getKey(chosen, password);
            } catch (UnrecoverableKeyException e) {
                throw new KeyMaterialException(Reason.WRONG_PASSWORD, "the key '" + chosen + "' in " + source
                        + " has a different password than the file; re-export it with one password for both", null);
            }
            if (!(key instanceof PrivateKey)) {
                throw new KeyMaterialException(Reason.MISSING_KEY, "the entry '" + chosen + "' in " + source
                        + " is a secret key, not a private key; supply a PKCS#12 file with a private key and certificate", null);
            }
            Certificate[] chain = ks.getCertificateChain(chosen);
            if (chain == null || chain.length == 0) {
                throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, "the key '" + chosen + "' in " + source
                        + " has no certificate; export it together with its certificate", null);
            }
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate c : chain) {
                if (!(c instanceof X509Certificate)) {
                    throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " holds a non-X.509 certificate", null);
                }
                x509.add((X509Certificate) c);
            }
            return Identity.of((PrivateKey) key, x509, chosen);
        } catch (KeyMaterialException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException(Reason.UNSUPPORTED_ALGORITHM, "the key in " + source
                    + " cannot be read by this Java runtime: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- PEM

    /**
     * Loads a private key from one PEM file and its certificate (optionally followed by the CA
     * chain) from another. The chain is put in order: end-entity first, then each issuer;
     * certificates that are not part of the chain are left out.
     *
     * @param keyFile         PEM private key (PKCS#8, encrypted PKCS#8, PKCS#1 or SEC 1)
     * @param certificateFile PEM certificate(s)
     * @param password        the key's password, or {@code null} for an unencrypted key
     * @return the identity
     * @throws KeyMaterialException WRONG_PASSWORD, PASSWORD_REQUIRED, WRONG_FORMAT, MISSING_KEY, AMBIGUOUS_KEY,
     *                              MISSING_CERTIFICATE, KEY_CERT_MISMATCH, UNSUPPORTED_ALGORITHM or IO
     */
    public static Identity pem(Path keyFile, Path certificateFile, char[] password) {
        String keySource = sourceName(keyFile);
        String certSource = sourceName(certificateFile);
        Parsed key = parsePem(read(keyFile, keySource), password, keySource);
        Parsed certs = parsePem(read(certificateFile, certSource), password, certSource, false);
        return identity(key, certs.certificates, keySource, certSource);
    }

    /**
     * Loads a private key and its certificate chain from one PEM file that holds both.
     *
     * @param file     PEM with a private key and certificate(s), in any order
     * @param password the key's password, or {@code null} for an unencrypted key
     * @return the identity
     * @throws KeyMaterialException as {@link #pem(Path, Path, char[])}
     */
    public static Identity pem(Path file, char[] password) {
        String source = sourceName(file);
        Parsed p = parsePem(read(file, source), password, source);
        return identity(p, p.certificates, source, source);
    }

    /**
     * Loads a private key and its certificate chain from PEM text.
     *
     * @param keyPem          the PEM private key
     * @param certificatesPem the PEM certificate(s)
     * @param password        the key's password, or {@code null} for an unencrypted key
     * @return the identity
     * @throws KeyMaterialException as {@link #pem(Path, Path, char[])}
     */
    public static Identity pem(String keyPem, String certificatesPem, char[] password) {
        Parsed key = parsePem(ascii(keyPem), password, "PEM key");
        Parsed certs = parsePem(ascii(certificatesPem), password, "PEM certificates", false);
        return identity(key, certs.certificates, "PEM key", "PEM certificates");
    }

    /**
     * Reads one private key from PEM text.
     *
     * @param pem      the PEM text
     * @param password the password of an encrypted key, or {@code null}
     * @return the key
     * @throws KeyMaterialException WRONG_PASSWORD, PASSWORD_REQUIRED, WRONG_FORMAT, MISSING_KEY, AMBIGUOUS_KEY
     *                              or UNSUPPORTED_ALGORITHM
     */
    public static PrivateKey privateKey(String pem, char[] password) {
        return singleKey(parsePem(ascii(pem), password, "PEM key"), "PEM key");
    }

    /**
     * Reads one private key from a PEM file.
     *
     * @param file     the PEM file
     * @param password the password of an encrypted key, or {@code null}
     * @return the key
     * @throws KeyMaterialException as {@link #privateKey(String, char[])}, or IO
     */
    public static PrivateKey privateKey(Path file, char[] password) {
        String source = sourceName(file);
        return singleKey(parsePem(read(file, source), password, source), source);
    }

    /**
     * Reads the certificates of a file: PEM (one or more {@code BEGIN CERTIFICATE} blocks) or DER
     * (one certificate or a PKCS#7 bundle).
     *
     * @param file the file
     * @return the certificates in file order, never empty
     * @throws KeyMaterialException WRONG_FORMAT, MISSING_CERTIFICATE or IO
     */
    public static List<X509Certificate> certificates(Path file) {
        String source = sourceName(file);
        return certificates(read(file, source), source);
    }

    /**
     * Reads certificates from PEM or DER bytes.
     *
     * @param data the bytes
     * @return the certificates in order, never empty
     * @throws KeyMaterialException WRONG_FORMAT or MISSING_CERTIFICATE
     */
    public static List<X509Certificate> certificates(byte[] data) {
        return certificates(checkSize(Objects.requireNonNull(data, "data"), "certificate data"), "certificate data");
    }

    /**
     * Reads a certificate revocation list from PEM ({@code BEGIN X509 CRL}) or DER bytes.
     *
     * @param data the bytes
     * @return the CRL
     * @throws KeyMaterialException WRONG_FORMAT
     */
    public static X509CRL crl(byte[] data) {
        checkSize(Objects.requireNonNull(data, "data"), "CRL data");
        if (looksLikePem(data)) {
            Parsed p = parsePem(data, null, "CRL data", false);
            if (p.crls.size() != 1) {
                throw new KeyMaterialException(Reason.WRONG_FORMAT, "expected one X509 CRL block in the PEM text, found "
                        + p.crls.size(), null);
            }
            return p.crls.get(0);
        }
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(data));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, "the data is not a readable X.509 CRL (PEM or DER);"
                    + " fetch it again from the CA's distribution point", e);
        }
    }

    private static List<X509Certificate> certificates(byte[] data, String source) {
        if (looksLikePem(data)) {
            List<X509Certificate> certs = parsePem(data, null, source, false).certificates;
            if (certs.isEmpty()) {
                throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, source
                        + " holds no '-----BEGIN CERTIFICATE-----' block; supply the certificate file", null);
            }
            return certs;
        }
        try {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(data))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, source + " holds no certificate", null);
            }
            return Collections.unmodifiableList(certs);
        } catch (CertificateException | RuntimeException e) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is neither PEM nor DER X.509 certificate data"
                    + " (damaged, truncated or another format); expected '-----BEGIN CERTIFICATE-----' blocks", e);
        }
    }

    private static Identity identity(Parsed keySide, List<X509Certificate> certs, String keySource, String certSource) {
        PrivateKey key = singleKey(keySide, keySource);
        if (certs.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_CERTIFICATE, certSource
                    + " holds no '-----BEGIN CERTIFICATE-----' block; supply the certificate issued for the key", null);
        }
        return Identity.of(key, orderChain(certs), "pem");
    }

    private static PrivateKey singleKey(Parsed p, String source) {
        if (p.keys.isEmpty()) {
            throw new KeyMaterialException(Reason.MISSING_KEY, source + " holds no private key block"
                    + " ('-----BEGIN PRIVATE KEY-----', 'RSA PRIVATE KEY', 'EC PRIVATE KEY' or 'ENCRYPTED PRIVATE KEY')", null);
        }
        if (p.keys.size() > 1) {
            throw new KeyMaterialException(Reason.AMBIGUOUS_KEY, source + " holds " + p.keys.size()
                    + " private keys; keep only the one that belongs to the certificate", null);
        }
        return p.keys.get(0);
    }

    /** End-entity first (the certificate that issues no other one in the set), then each issuer. */
    static List<X509Certificate> orderChain(List<X509Certificate> certs) {
        if (certs.size() < 2) {
            return certs;
        }
        X509Certificate leaf = certs.get(0);
        List<X509Certificate> leaves = new ArrayList<>();
        for (X509Certificate c : certs) {
            boolean issuesAnother = false;
            for (X509Certificate o : certs) {
                if (o != c && !isSelfIssued(o) && o.getIssuerX500Principal().equals(c.getSubjectX500Principal())) {
                    issuesAnother = true;
                    break;
                }
            }
            if (!issuesAnother) {
                leaves.add(c);
            }
        }
        if (leaves.size() == 1) {
            leaf = leaves.get(0);
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        X509Certificate current = leaf;
        while (!isSelfIssued(current) && chain.size() < certs.size()) {
            X509Certificate next = null;
            for (X509Certificate c : certs) {
                if (!chain.contains(c) && c.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            current = next;
        }
        return chain;
    }

    private static boolean isSelfIssued(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** What a PEM text held. */
    private static final class Parsed {
        final List<PrivateKey> keys = new ArrayList<>();
        final List<X509Certificate> certificates = new ArrayList<>();
        final List<X509CRL> crls = new ArrayList<>();
    }

    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]{1,64})-----");
    private static final Set<String> KEY_BLOCKS = Set.of("PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY",
            "EC PRIVATE KEY", "DSA PRIVATE KEY");
    private static final Set<String> CERTIFICATE_BLOCKS = Set.of("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
    /** Blocks that carry nothing needed here and are skipped (as OpenSSL and Bouncy Castle know them). */
    private static final Set<String> OTHER_BLOCKS = Set.of("EC PARAMETERS", "PUBLIC KEY", "RSA PUBLIC KEY",
            "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "PKCS7", "CMS", "ATTRIBUTE CERTIFICATE", "DH PARAMETERS");

    /**
     * Splits PEM text into its blocks: certificates and CRLs are read with the JDK, private keys with
     * Bouncy Castle ({@link PemKeys}), other known blocks are skipped; an unknown block or one
     * without its END line makes the input damaged.
     */
    private static Parsed parsePem(byte[] data, char[] password, String source) {
        return parsePem(data, password, source, true);
    }

    private static Parsed parsePem(byte[] data, char[] password, String source, boolean readKeys) {
        if (!looksLikePem(data)) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is not PEM text (no '-----BEGIN' line)"
                    + (data.length > 0 && (data[0] & 0xff) == 0x30 ? "; it looks binary (DER or PKCS#12): load a .p12 with"
                    + " KeyMaterial.pkcs12(...) or convert DER with openssl (pkey/x509 -inform DER -outform PEM)" : ""), null);
        }
        String text = new String(data, StandardCharsets.ISO_8859_1);
        Parsed p = new Parsed();
        Matcher begin = BEGIN.matcher(text);
        int from = 0;
        int number = 0;
        while (begin.find(from)) {
            number++;
            String type = begin.group(1);
            String endLine = "-----END " + type + "-----";
            int end = text.indexOf(endLine, begin.end());
            int nextBegin = text.indexOf("-----BEGIN ", begin.end());
            if (end < 0 || (nextBegin >= 0 && nextBegin < end)) {
                throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " is damaged PEM (block " + number + ", "
                        + type + ", has no END line); copy it again from its origin", null);
            }
            String block = text.substring(begin.start(), end + endLine.length());
            if (KEY_BLOCKS.contains(type)) {
                if (readKeys) {
                    p.keys.add(privateKeyBlock(block, password, source, number));
                }
            } else if (CERTIFICATE_BLOCKS.contains(type)) {
                p.certificates.add(certificateBlock(block, type, source, number));
            } else if (type.equals("X509 CRL")) {
                p.crls.add(crlBlock(block, source, number));
            } else if (!OTHER_BLOCKS.contains(type)) {
                throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " holds a PEM block of the unknown type '"
                        + type + "' (block " + number + "); expected certificates, CRLs or private keys", null);
            }
            from = end + endLine.length();
        }
        if (number == 0) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " holds no complete PEM block", null);
        }
        return p;
    }

    private static PrivateKey privateKeyBlock(String block, char[] password, String source, int number) {
        if (!bouncyCastleAvailable()) {
            throw new KeyMaterialException(Reason.LIBRARY_MISSING, "reading the PEM private key in " + source
                    + " needs Bouncy Castle: add org.bouncycastle:bcpkix-jdk18on (with bcprov and bcutil) to the"
                    + " application (on the module path also 'requires org.bouncycastle.pkix'), or load the key from"
                    + " a PKCS#12 file with KeyMaterial.pkcs12(...)", null);
        }
        return PemKeys.read(block, password, source, number);
    }

    /** Whether Bouncy Castle's PKIX library can be loaded; checked here, as {@link PemKeys} cannot load without it. */
    private static boolean bouncyCastleAvailable() {
        try {
            Class.forName("org.bouncycastle.openssl.PEMParser", false, KeyMaterial.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static X509Certificate certificateBlock(String block, String type, String source, int number) {
        String standard = type.equals("CERTIFICATE") ? block : block.replace("-----BEGIN " + type + "-----",
                "-----BEGIN CERTIFICATE-----").replace("-----END " + type + "-----", "-----END CERTIFICATE-----");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(standard.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (CertificateException | RuntimeException e) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " holds a certificate block (block " + number
                    + ") that cannot be read (damaged or truncated); copy it again from its origin", e);
        }
    }

    private static X509CRL crlBlock(String block, String source, int number) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(block.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (CRLException | CertificateException | RuntimeException e) {
            throw new KeyMaterialException(Reason.WRONG_FORMAT, source + " holds a CRL block (block " + number
                    + ") that cannot be read (damaged or truncated); fetch it again from the CA", e);
        }
    }

    // ---------------------------------------------------------------- input

    private static boolean looksLikePem(byte[] data) {
        int limit = Math.min(data.length, 64 * 1024);
        String head = new String(data, 0, limit, StandardCharsets.ISO_8859_1);
        return head.contains("-----BEGIN ");
    }

    private static byte[] ascii(String text) {
        return checkSize(Objects.requireNonNull(text, "pem").getBytes(StandardCharsets.ISO_8859_1), "PEM text");
    }

    private static String sourceName(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return name == null ? "the file" : name.toString();
    }

    private static byte[] read(Path file, String source) {
        try {
            if (Files.isDirectory(file)) {
                throw new KeyMaterialException(Reason.IO, source + " is a directory; name the key or certificate file", null);
            }
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge(source);
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new KeyMaterialException(Reason.IO, source + " does not exist; check the path", null);
        } catch (AccessDeniedException e) {
            throw new KeyMaterialException(Reason.IO, source + " cannot be read (no permission); check the file's"
                    + " permissions for the user running the application", null);
        } catch (IOException e) {
            throw new KeyMaterialException(Reason.IO, source + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] readBounded(InputStream in, String source) {
        Objects.requireNonNull(in, "in");
        try {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            return checkSize(data, source);
        } catch (IOException e) {
            throw new KeyMaterialException(Reason.IO, source + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] checkSize(byte[] data, String source) {
        if (data.length > MAX_BYTES) {
            throw tooLarge(source);
        }
        return data;
    }

    private static KeyMaterialException tooLarge(String source) {
        return new KeyMaterialException(Reason.WRONG_FORMAT, source + " is larger than " + MAX_BYTES
                + " bytes, far more than any key or certificate file; check that the right file is named", null);
    }
}
