package de.ozgkit.benchmarks;

import de.ozgkit.core.security.Identity;
import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ReceivedAttachment;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.internal.ContentReader;
import de.ozgkit.messaging.internal.DefaultOsciClient;
import de.ozgkit.messaging.internal.IncomingMessage;
import de.ozgkit.messaging.internal.Spool;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * OSCI StoreDelivery with one container signed by its author and encrypted for the addressee:
 * {@code seal} builds it, signs it as originator and encrypts it for the intermediary (what a client
 * sends); {@code open} parses it, opens the transport envelope, checks the message signature,
 * decrypts the container and its attachment and checks the author signature (what the intermediary
 * and then the addressee do). {@code raw*} is the physical limit: AES-256-GCM over the same payload
 * bytes plus one RSA-OAEP key transport, encrypting and decrypting once. The OSCI library's side
 * runs in {@code peer.OsciPeerBenchmark} in the same run when the library is on the class path.
 *
 * <p>Payloads: {@code 1KiB} is one 1 KiB text content; {@code 10MiB} is that text plus a 10 MiB
 * attachment. Keys: RSA 2048.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OsciBenchmark {

    /** The payload. */
    @Param({"1KiB", "10MiB"})
    public String size;

    OsciIdentity sender;
    OsciIdentity recipient;
    OsciIdentity intermediary;
    Delivery delivery;
    byte[] sealed;
    byte[] stored;
    byte[] payload;
    byte[] rawSealed;
    byte[] rawWrappedKey;

    static OsciIdentity party(String cn) {
        IssuedCertificate c = IssuedCertificate.selfSigned(CertificateSpec.builder().subject("CN=" + cn)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
        return OsciIdentity.of(Identity.of(c.privateKey(), c.chain()));
    }

    /**
     * The text content and, for {@code 10MiB}, the attachment.
     *
     * @param size the parameter
     * @return {text, attachment or null}
     */
    public static byte[][] payload(String size) {
        byte[] text = new byte[1024];
        new Random(1).nextBytes(text);
        for (int i = 0; i < text.length; i++) {
            text[i] = (byte) ('a' + (text[i] & 15));
        }
        byte[] attachment = null;
        if ("10MiB".equals(size)) {
            attachment = new byte[10 << 20];
            new Random(2).nextBytes(attachment);
        }
        return new byte[][] {text, attachment};
    }

    /** Makes the keys, the delivery and one sealed message to open. */
    @Setup
    public void setup() throws Exception {
        sender = party("Sender");
        recipient = party("Recipient");
        intermediary = party("Intermediary");
        byte[][] p = payload(size);
        ContentContainer.Builder c = ContentContainer.builder().text(new String(p[0], java.nio.charset.StandardCharsets.US_ASCII))
                .signedBy(sender.signer()).encryptedFor(recipient.decrypter().certificate());
        if (p[1] != null) {
            c.attachment(Attachment.ofBytes("data.bin", p[1]));
        }
        delivery = Delivery.builder().addressee(recipient.decrypter().certificate()).subject("Benchmark").container(c.build()).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DefaultOsciClient.writeStoreDelivery(sender, intermediary.decrypter().certificate(), delivery, new MessageId("bench"), out);
        sealed = out.toByteArray();
        out.reset();
        DefaultOsciClient.writeStoreDelivery(sender, null, delivery, new MessageId("bench"), out);
        stored = out.toByteArray();
        if (open() != (p[1] == null ? 0 : p[1].length) || openStored() != (p[1] == null ? 0 : p[1].length)) {
            throw new IllegalStateException("the sealed message does not open to the payload");
        }
        payload = p[1] == null ? p[0] : concat(p[0], p[1]);
        rawSeal();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        rawSealed = rawSealInto(raw);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** @return bytes written: builds, signs and seals the StoreDelivery */
    @Benchmark
    public long seal() {
        CountingStream out = new CountingStream();
        DefaultOsciClient.writeStoreDelivery(sender, intermediary.decrypter().certificate(), delivery, new MessageId("bench"), out);
        return out.count;
    }

    /** @return attachment bytes read: parses, opens the envelope, verifies, decrypts and verifies the content */
    @Benchmark
    public long open() throws IOException {
        return open(sealed, true);
    }

    /**
     * The same work as the library's {@code peerOpen}: the message as the intermediary stores it
     * (no transport envelope), its message signature not checked; decrypts and verifies the content.
     *
     * @return attachment bytes read
     */
    @Benchmark
    public long openStored() throws IOException {
        return open(stored, false);
    }

    private long open(byte[] message, boolean asIntermediary) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        try (IncomingMessage msg = IncomingMessage.parse(Spool.of(message), null, asIntermediary ? intermediary.decrypter() : null,
                IncomingMessage.Limits.DEFAULT)) {
            if (asIntermediary) {
                msg.verifySignature("ClientSignature", null);
            }
            long read = 0;
            for (ReceivedContainer c : ContentReader.read(msg, List.of(recipient.decrypter()), false, resources)) {
                for (ReceivedAttachment a : c.attachments()) {
                    try (InputStream in = a.openStream()) {
                        read += in.transferTo(OutputStream.nullOutputStream());
                    }
                }
            }
            return read;
        } finally {
            for (AutoCloseable r : resources) {
                try {
                    r.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** @return bytes written: AES-256-GCM over the payload plus RSA-OAEP of the key */
    @Benchmark
    public long rawSeal() throws GeneralSecurityException {
        CountingStream out = new CountingStream();
        rawSealInto(out);
        return out.count;
    }

    private byte[] rawSealInto(OutputStream out) throws GeneralSecurityException {
        byte[] key = new byte[32];
        byte[] iv = new byte[12];
        SecureRandom r = new SecureRandom();
        r.nextBytes(key);
        r.nextBytes(iv);
        Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
        rsa.init(Cipher.ENCRYPT_MODE, recipient.decrypter().certificate().getPublicKey(), oaep());
        rawWrappedKey = rsa.doFinal(key);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        byte[] ct = aes.doFinal(payload == null ? new byte[0] : payload);
        try {
            out.write(rawWrappedKey);
            out.write(iv);
            out.write(ct);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return concat(iv, ct);
    }

    /** @return plaintext bytes: RSA-OAEP unwrap plus AES-256-GCM decryption of the payload */
    @Benchmark
    public long rawOpen() throws GeneralSecurityException {
        byte[] key = recipient.decrypter().unwrapKey(rawWrappedKey);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, rawSealed, 0, 12));
        return aes.doFinal(rawSealed, 12, rawSealed.length - 12).length;
    }

    static OAEPParameterSpec oaep() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }

    /** Counts and discards. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
