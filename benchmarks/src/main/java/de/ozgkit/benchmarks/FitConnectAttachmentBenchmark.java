package de.ozgkit.benchmarks;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.fitconnect.ClientSettings;
import de.ozgkit.fitconnect.DestinationKeys;
import de.ozgkit.fitconnect.FitConnectSender;
import de.ozgkit.fitconnect.FitConnectSubscriber;
import de.ozgkit.fitconnect.OutgoingAttachment;
import de.ozgkit.fitconnect.OutgoingSubmission;
import de.ozgkit.fitconnect.ReceivedSubmission;
import de.ozgkit.fitconnect.SentSubmission;
import de.ozgkit.fitconnect.ServiceType;
import de.ozgkit.fitconnect.SubmissionSchema;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.fitconnect.FitConnectSimulator;
import de.ozgkit.sandbox.fitconnect.TestDestination;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A 100 MiB attachment through FIT-Connect with ozgkit (encrypt as a streamed JWE, upload to the
 * sandbox's submission service over loopback, fetch, decrypt, verify tag and SHA-512 hash, plus the
 * metadata and data JWEs and the signed event log of the round trip) against the raw JOSE operations
 * on the same bytes with nimbus-jose-jwt (compact JWE RSA-OAEP-256 + A256GCM encrypt, serialise,
 * parse, decrypt, in memory, nothing sent). Seconds per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class FitConnectAttachmentBenchmark {

    static final int SIZE = 100 * 1024 * 1024;

    private byte[] content;
    private Path dir;
    private Path file;
    private Sandbox sandbox;
    private TestDestination destination;
    private FitConnectSender sender;
    private FitConnectSubscriber subscriber;

    /** Starts the sandbox's submission service, makes the keys and the 100 MiB attachment. */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        content = new byte[SIZE];
        new Random(1).nextBytes(content);
        dir = Files.createTempDirectory("fitconnect-bench-");
        file = Files.write(dir.resolve("attachment.bin"), content);
        TestPki pki = TestPki.create("bench", KeyType.RSA_2048);
        destination = TestDestination.builder(pki).build();
        FitConnectSimulator sim = FitConnectSimulator.builder().destination(destination).build();
        sandbox = Sandbox.builder().service(sim).start();
        OzgClientConfig config = OzgClientConfig.builder().baseUri(sim.submissionApi()).build();
        sender = FitConnectSender.create(ClientSettings.builder().config(config)
                .credentials(sim.tokenUri(), FitConnectSimulator.SENDER_CLIENT_ID, FitConnectSimulator.SENDER_CLIENT_SECRET)
                .trustAnchors(pki.rootCertificate()).build());
        subscriber = FitConnectSubscriber.create(ClientSettings.builder().config(config)
                .credentials(sim.tokenUri(), destination.clientId(), destination.clientSecret())
                .trustAnchors(pki.rootCertificate()).build(), new DestinationKeys(destination.destinationId(),
                destination.encryption().privateKey(), destination.encryptionKid(), destination.signing().privateKey(),
                destination.signingKid()), dir.resolve("work"));
    }

    /** Stops everything and deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        sender.close();
        subscriber.close();
        sandbox.close();
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("work"));
        Files.deleteIfExists(dir);
    }

    /**
     * ozgkit: send (streamed JWE upload) and receive (streamed download, decrypt, verify) and accept.
     *
     * @return the received length, so that nothing is optimised away
     */
    @Benchmark
    public long ozgkitSendReceiveAccept() {
        SentSubmission sent = sender.send(OutgoingSubmission.builder()
                .destinationId(destination.destinationId())
                .serviceType(new ServiceType("Benchmark", TestDestination.DEFAULT_SERVICE))
                .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(URI.create(TestDestination.DEFAULT_SCHEMA),
                        "application/json"))
                .attachment(OutgoingAttachment.ofFile(file, "application/octet-stream"))
                .build());
        try (ReceivedSubmission r = subscriber.receive(sent.submissionId())) {
            subscriber.accept(r);
            return r.attachments().get(0).size();
        }
    }

    /**
     * Raw JOSE with nimbus on the same bytes: encrypt, serialise, parse, decrypt, in memory.
     *
     * @return the decrypted length
     * @throws Exception never expected
     */
    @Benchmark
    public long nimbusEncryptDecrypt() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID(destination.encryptionKid()).build(), new Payload(content));
        jwe.encrypt(new RSAEncrypter((RSAPublicKey) destination.encryption().publicKey()));
        JWEObject parsed = JWEObject.parse(jwe.serialize());
        parsed.decrypt(new RSADecrypter(destination.encryption().privateKey()));
        return parsed.getPayload().toBytes().length;
    }
}
