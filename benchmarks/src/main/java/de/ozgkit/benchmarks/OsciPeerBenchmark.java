package de.ozgkit.benchmarks;

import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
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
 * The OSCI library 2.4.1 doing what {@link OsciBenchmark} measures for ozgkit, with the same
 * payloads and RSA-2048 keys: {@code peerSeal} builds a StoreDelivery with one container signed by
 * the author and encrypted for the addressee, and sends it with transport encryption into a
 * counting stream (its transport then fails on purpose, there is no intermediary);
 * {@code peerOpen} loads a stored StoreDelivery ({@code StoredMessage.loadMessage}), decrypts the
 * container, checks its signatures and reads the attachment.
 *
 * <p>The library is not a dependency of ozgkit: it is reached by reflection and must be on the class
 * path at run time (see docs/benchmarks.md for the command). Its keys come from PKCS#12 through the
 * library's own {@code PKCS12Signer} and {@code PKCS12Decrypter}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OsciPeerBenchmark {

    private static final String GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    private static final char[] PIN = "123456".toCharArray();

    /** The payload. */
    @Param({"1KiB", "10MiB"})
    public String size;

    byte[] senderP12;
    byte[] recipientP12;
    X509Certificate recipient;
    X509Certificate intermediary;
    byte[][] payload;
    byte[] stored;

    static Object create(String cls, Object... args) throws ReflectiveOperationException {
        Class<?> c = Class.forName(cls);
        for (var ctor : c.getConstructors()) {
            if (ctor.getParameterCount() == args.length && fits(ctor.getParameterTypes(), args)) {
                return ctor.newInstance(args);
            }
        }
        throw new NoSuchMethodException(cls + " constructor with " + args.length + " arguments");
    }

    static Object call(Object target, String name, Object... args) throws ReflectiveOperationException {
        Class<?> c = target instanceof Class<?> k ? k : target.getClass();
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && fits(m.getParameterTypes(), args)) {
                return m.invoke(target instanceof Class<?> ? null : target, args);
            }
        }
        throw new NoSuchMethodException(c.getName() + "." + name);
    }

    private static boolean fits(Class<?>[] types, Object[] args) {
        for (int i = 0; i < types.length; i++) {
            if (args[i] != null && !wrap(types[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> wrap(Class<?> t) {
        return t == boolean.class ? Boolean.class : t == int.class ? Integer.class : t == long.class ? Long.class : t;
    }

    static IssuedCertificate party(String cn) {
        return IssuedCertificate.selfSigned(CertificateSpec.builder().subject("CN=" + cn)
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.KEY_ENCIPHERMENT).build());
    }

    /** Makes the keys and one stored message to open. */
    @Setup
    public void setup() throws Exception {
        try {
            Class.forName("de.osci.osci12.messagetypes.StoreDelivery");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the OSCI library is not on the class path; run with"
                    + " -cp benchmarks.jar:<shared>/interop/osci-bibliothek-2.4.1/lib/osci-bibliothek.jar:commons-logging-1.2.jar", e);
        }
        IssuedCertificate s = party("Sender");
        IssuedCertificate r = party("Recipient");
        IssuedCertificate i = party("Intermediary");
        senderP12 = s.pkcs12(PIN);
        recipientP12 = r.pkcs12(PIN);
        recipient = r.certificate();
        intermediary = i.certificate();
        payload = OsciBenchmark.payload(size);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        call(Class.forName("de.osci.osci12.messagetypes.StoredMessage"), "storeMessage", storeDelivery(), out);
        stored = out.toByteArray();
        if (peerOpen() != (payload[1] == null ? 0 : payload[1].length)) {
            throw new IllegalStateException("the stored message does not open to the payload");
        }
    }

    private Object signer() throws ReflectiveOperationException {
        return create("de.osci.osci12.samples.impl.crypto.PKCS12Signer", new ByteArrayInputStream(senderP12), new String(PIN));
    }

    private Object storeDelivery() throws ReflectiveOperationException {
        Object originator = create("de.osci.osci12.roles.Originator", signer(),
                create("de.osci.osci12.samples.impl.crypto.PKCS12Decrypter", new ByteArrayInputStream(senderP12), new String(PIN)));
        Object intermed = create("de.osci.osci12.roles.Intermed", intermediary, intermediary, URI.create("http://127.0.0.1:1/osci"));
        Class<?> transportType = Class.forName("de.osci.osci12.extinterfaces.TransportI");
        Object transport = Proxy.newProxyInstance(transportType.getClassLoader(), new Class<?>[] {transportType}, (p, m, a) ->
                switch (m.getName()) {
                    case "getConnection" -> new OsciBenchmark.CountingStream();
                    case "getResponseStream" -> throw new IOException("no intermediary in this benchmark");
                    case "newInstance" -> p;
                    case "isOnline" -> Boolean.FALSE;
                    case "getContentLength" -> -1L;
                    default -> "benchmark";
                });
        Object dh = create("de.osci.osci12.common.DialogHandler", originator, intermed, transport);
        call(dh, "setEncryption", true);
        Object addressee = create("de.osci.osci12.roles.Addressee", null, recipient);
        Object sd = create("de.osci.osci12.messagetypes.StoreDelivery", dh, addressee, "bench");
        call(sd, "setSubject", "Benchmark");
        Object cc = create("de.osci.osci12.messageparts.ContentContainer");
        call(cc, "addContent", create("de.osci.osci12.messageparts.Content", new String(payload[0],
                java.nio.charset.StandardCharsets.US_ASCII)));
        if (payload[1] != null) {
            call(cc, "addContent", create("de.osci.osci12.messageparts.Content", create("de.osci.osci12.messageparts.Attachment",
                    new ByteArrayInputStream(payload[1]), "data.bin", GCM)));
        }
        call(cc, "sign", create("de.osci.osci12.roles.Author", signer(), null));
        Object ed = create("de.osci.osci12.messageparts.EncryptedDataOSCI", GCM, cc);
        call(ed, "encrypt", create("de.osci.osci12.roles.Reader", recipient));
        call(sd, "addEncryptedData", ed);
        return sd;
    }

    /** Builds, signs and sends a StoreDelivery with transport encryption into a counting stream. */
    @Benchmark
    public Object peerSeal() throws ReflectiveOperationException {
        Object sd = storeDelivery();
        try {
            call(sd, "send");
        } catch (InvocationTargetException expected) {
            // the transport has no answer: the message was written completely before
        }
        return sd;
    }

    /** @return attachment bytes read after loading, decrypting and checking the signatures */
    @Benchmark
    public long peerOpen() throws Exception {
        Object msg = call(Class.forName("de.osci.osci12.messagetypes.StoredMessage"), "loadMessage", new ByteArrayInputStream(stored));
        Object[] enc = (Object[]) call(msg, "getEncryptedData");
        Object reader = create("de.osci.osci12.roles.Reader",
                create("de.osci.osci12.samples.impl.crypto.PKCS12Decrypter", new ByteArrayInputStream(recipientP12), new String(PIN)));
        Object cc = call(enc[0], "decrypt", reader);
        if (!(Boolean) call(cc, "checkAllSignatures")) {
            throw new IllegalStateException("the library's signature check failed");
        }
        long read = 0;
        for (Object content : (Object[]) call(cc, "getContents")) {
            Object att = call(content, "getAttachment");
            if (att != null) {
                try (InputStream in = (InputStream) call(att, "getStream")) {
                    read += in.transferTo(OutputStream.nullOutputStream());
                }
            }
        }
        return read;
    }
}
