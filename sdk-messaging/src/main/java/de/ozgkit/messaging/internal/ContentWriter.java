package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.Signer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the {@code osci:ContentPackage} of a delivery: each container signed by its authors and,
 * when it has readers, encrypted for them; attachments encrypted with their own AES-256-GCM key
 * whose key travels inside the encrypted container. Every attachment is read once: its plaintext
 * digest (for the authors' signatures), its encryption and the digest of what is sent (for the
 * message signature) happen in the same pass.
 */
public final class ContentWriter {

    /**
     * What was written.
     *
     * @param contentPackage the {@code osci:ContentPackage} element
     * @param attachments    the attachment parts
     * @param certificates   authors' and readers' certificates for NonIntermediaryCertificates
     * @param spools         buffers to close after sending
     */
    public record Result(String contentPackage, List<OutgoingMessage.Attachment> attachments,
                         List<Headers.CertEntry> certificates, List<Spool> spools) {
    }

    private final Map<X509Certificate, String> authorIds = new LinkedHashMap<>();
    private final Map<X509Certificate, String> readerIds = new LinkedHashMap<>();
    private final List<OutgoingMessage.Attachment> parts = new ArrayList<>();
    private final List<Spool> spools = new ArrayList<>();
    private int contentCounter;
    private int containerCounter;

    private ContentWriter() {
    }

    /**
     * @param containers the containers
     * @return the content package and its parts
     */
    public static Result write(List<ContentContainer> containers) {
        ContentWriter w = new ContentWriter();
        try {
            StringBuilder encrypted = new StringBuilder();
            StringBuilder plain = new StringBuilder();
            for (ContentContainer c : containers) {
                String xml = w.container(c);
                if (c.encrypted()) {
                    encrypted.append(w.encrypt(xml, c.readers()));
                } else {
                    plain.append(xml);
                }
            }
            List<Headers.CertEntry> certs = new ArrayList<>();
            w.authorIds.forEach((cert, id) -> certs.add(new Headers.CertEntry("SignatureCertificateOtherAuthor", id, cert)));
            w.readerIds.forEach((cert, id) -> certs.add(new Headers.CertEntry("CipherCertificateOtherReader", id, cert)));
            return new Result("<osci:ContentPackage>" + encrypted + plain + "</osci:ContentPackage>", w.parts, certs, w.spools);
        } catch (RuntimeException e) {
            w.spools.forEach(Spool::close);
            throw e;
        }
    }

    private String container(ContentContainer c) {
        String containerId = "contentcontainer" + containerCounter++;
        StringBuilder contents = new StringBuilder();
        StringBuilder refs = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        for (byte[] content : c.contents()) {
            String id = "content" + contentCounter++;
            contents.append("<osci:Content><osci:Base64Content Id=\"").append(id).append("\">")
                    .append(Base64.getEncoder().encodeToString(content)).append("</osci:Base64Content></osci:Content>");
            reference(refs, "#" + id, OsciXml.BASE64_TRANSFORM, Crypto.sha256().digest(content));
        }
        List<String> attachmentRefs = new ArrayList<>();
        for (Attachment a : c.attachments()) {
            String id = "content" + contentCounter++;
            String element = "<osci:Content Id=\"" + id + "\" href=\"cid:" + a.refId() + "\"></osci:Content>";
            contents.append(element);
            String canonical = "<osci:Content" + OsciXml.NS_DECLS + " Id=\"" + id + "\" href=\"cid:" + a.refId() + "\"></osci:Content>";
            reference(refs, "#" + id, OsciXml.C14N, Crypto.sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
            if (parts.stream().anyMatch(p -> p.contentId().equals(a.refId()))) {
                throw new OsciException(OsciCheck.STRUCTURE, "two attachments have the refId " + a.refId());
            }
            byte[] plainDigest = attachment(a, c.encrypted(), keys);
            attachmentRefs.add(a.refId());
            StringBuilder r = new StringBuilder();
            reference(r, "cid:" + a.refId(), null, plainDigest);
            refs.append(r);
        }
        StringBuilder sigs = new StringBuilder();
        for (Signer author : c.authors()) {
            Crypto.requireStrongKey(author.certificate(), "signature certificate");
            String keyId = authorIds.computeIfAbsent(author.certificate(),
                    cert -> Certs.refId("author" + authorIds.size() + "_signature", cert));
            String tail = ">\n<ds:CanonicalizationMethod Algorithm=\"" + OsciXml.C14N + "\"></ds:CanonicalizationMethod>\n"
                    + "<ds:SignatureMethod Algorithm=\"" + author.algorithm().uri() + "\"></ds:SignatureMethod>\n" + refs
                    + "</ds:SignedInfo>";
            byte[] value = author.sign(("<ds:SignedInfo" + OsciXml.NS_DECLS + tail).getBytes(StandardCharsets.UTF_8),
                    author.algorithm());
            sigs.append("<ds:Signature><ds:SignedInfo").append(tail).append("<ds:SignatureValue>")
                    .append(Base64.getEncoder().encodeToString(value)).append("</ds:SignatureValue><ds:KeyInfo><ds:RetrievalMethod URI=\"#")
                    .append(keyId).append("\"></ds:RetrievalMethod></ds:KeyInfo></ds:Signature>");
        }
        return "<osci:ContentContainer" + OsciXml.NS_DECLS + " Id=\"" + containerId + "\">" + sigs + contents + keys
                + "</osci:ContentContainer>";
    }

    /** Spools an attachment (encrypted when asked) and returns the digest of its plaintext. */
    private byte[] attachment(Attachment a, boolean encrypt, StringBuilder keys) {
        MessageDigest plainDigest = Crypto.sha256();
        MessageDigest sentDigest = Crypto.sha256();
        Spool spool = new Spool();
        spools.add(spool);
        byte[] key = encrypt ? Crypto.newKey() : null;
        try (InputStream in = a.source().open();
             OutputStream sent = new DigestOutputStream(spool.output(), sentDigest);
             OutputStream target = encrypt ? Crypto.encrypting(sent, key) : sent;
             OutputStream out = new DigestOutputStream(target, plainDigest)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new OsciException(OsciCheck.STRUCTURE, "attachment " + a.refId() + " cannot be read: " + e.getMessage(), e);
        }
        parts.add(new OutgoingMessage.Attachment(a.refId(), a.contentType(), spool, sentDigest.digest()));
        if (encrypt) {
            keys.append("<xenc:EncryptedData Id=\"Attachment").append(a.refId()).append("\" MimeType=\"");
            OsciXml.attr(keys, a.contentType()).append("\"><xenc:EncryptionMethod Algorithm=\"").append(OsciXml.AES256_GCM)
                    .append("\"><osci128:IvLength xmlns:osci128=\"").append(OsciXml.OSCI128).append("\" Value=\"")
                    .append(Crypto.IV_LENGTH).append("\"></osci128:IvLength></xenc:EncryptionMethod><ds:KeyInfo><ds:MgmtData>")
                    .append(Base64.getEncoder().encodeToString(key)).append("</ds:MgmtData></ds:KeyInfo><xenc:CipherData>")
                    .append("<xenc:CipherReference URI=\"cid:").append(a.refId()).append("\"><xenc:Transforms><ds:Transform Algorithm=\"")
                    .append(OsciXml.BASE64_TRANSFORM).append("\"></ds:Transform></xenc:Transforms></xenc:CipherReference>")
                    .append("</xenc:CipherData></xenc:EncryptedData>");
        }
        return plainDigest.digest();
    }

    private String encrypt(String containerXml, List<X509Certificate> readers) {
        byte[] key = Crypto.newKey();
        StringBuilder sb = new StringBuilder(containerXml.length() * 4 / 3 + 4096);
        sb.append("<xenc:EncryptedData").append(OsciXml.NS_DECLS).append(" Id=\"encdata_").append(containerCounter)
                .append("\" MimeType=\"text/xml\"><xenc:EncryptionMethod Algorithm=\"").append(OsciXml.AES256_GCM)
                .append("\"><osci128:IvLength xmlns:osci128=\"").append(OsciXml.OSCI128).append("\" Value=\"").append(Crypto.IV_LENGTH)
                .append("\"></osci128:IvLength></xenc:EncryptionMethod><ds:KeyInfo>");
        for (X509Certificate reader : readers) {
            String id = readerIds.computeIfAbsent(reader, cert -> Certs.refId("reader" + readerIds.size() + "_cipher", cert));
            sb.append("<xenc:EncryptedKey><xenc:EncryptionMethod Algorithm=\"").append(OsciXml.RSA_OAEP)
                    .append("\"><xenc11:MGF xmlns:xenc11=\"").append(OsciXml.XENC11).append("\" Algorithm=\"").append(OsciXml.MGF1_SHA256)
                    .append("\"></xenc11:MGF><ds:DigestMethod Algorithm=\"").append(OsciXml.SHA256)
                    .append("\"></ds:DigestMethod></xenc:EncryptionMethod><ds:KeyInfo><ds:RetrievalMethod Type=\"")
                    .append(OsciXml.X509_DATA_TYPE).append("\" URI=\"#").append(id).append("\"></ds:RetrievalMethod></ds:KeyInfo>")
                    .append("<xenc:CipherData><xenc:CipherValue>").append(Base64.getEncoder().encodeToString(Crypto.wrapKey(key, reader)))
                    .append("</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>");
        }
        sb.append("</ds:KeyInfo><xenc:CipherData><xenc:CipherValue>")
                .append(Base64.getEncoder().encodeToString(Crypto.encrypt(containerXml.getBytes(StandardCharsets.UTF_8), key)))
                .append("</xenc:CipherValue></xenc:CipherData></xenc:EncryptedData>");
        return sb.toString();
    }

    private static void reference(StringBuilder refs, String uri, String transform, byte[] digest) {
        refs.append("<ds:Reference URI=\"");
        OsciXml.attr(refs, uri).append("\">\n");
        if (transform != null) {
            refs.append("<ds:Transforms>\n<ds:Transform Algorithm=\"").append(transform).append("\"></ds:Transform>\n</ds:Transforms>\n");
        }
        refs.append("<ds:DigestMethod Algorithm=\"").append(OsciXml.SHA256).append("\"></ds:DigestMethod>\n<ds:DigestValue>")
                .append(Base64.getEncoder().encodeToString(digest)).append("</ds:DigestValue>\n</ds:Reference>\n");
    }
}
