package de.ozgkit.fitconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.ozgkit.sandbox.fitconnect.TestDestination;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What senders in the field send, what broken senders and a compromised service send, and how each is refused. */
class HostileSubmissionTest {

    static Fixture fixture;
    static RawSender raw;
    static RSAPublicKey encryptionKey;
    static String kid;
    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws Exception {
        fixture = new Fixture();
        raw = new RawSender(fixture.simulator);
        encryptionKey = (RSAPublicKey) TestKeys.ENCRYPTION.publicKey();
        kid = fixture.destination.encryptionKid();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static void refused(ThrowingCallable call, Check check) {
        assertThatThrownBy(call).isInstanceOfSatisfying(FitConnectVerificationException.class,
                e -> assertThat(e.check()).as(e.getMessage()).isEqualTo(check));
    }

    UUID[] rawSend(String metadata, byte[] data, boolean zip, Map<UUID, String> attachments) throws Exception {
        return raw.send(fixture.destination.destinationId(), TestDestination.DEFAULT_SERVICE,
                RawSender.encrypt(metadata.getBytes(StandardCharsets.UTF_8), encryptionKey, kid, zip),
                data == null ? null : RawSender.encrypt(data, encryptionKey, kid, zip), attachments);
    }

    @Test
    void olderSender_metadata100WithoutSchemaAndZipDef_isRead() throws Exception {
        byte[] data = ("{\"x\":\"" + "ä".repeat(30_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] pdf = "%PDF-1.4 \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        UUID att = UUID.randomUUID();
        UUID[] ids = rawSend(RawSender.metadata1(RawSender.sha512(data), List.of(RawSender.attachment(att,
                RawSender.sha512(pdf)))), data, true, Map.of(att, RawSender.encrypt(pdf, encryptionKey, kid, true)));
        try (FitConnectSubscriber s = fixture.subscriber(work); ReceivedSubmission r = s.receive(ids[0])) {
            assertThat(r.metadata().version()).isEqualTo(MetadataVersion.V1);
            assertThat(r.metadata().schemaUri()).isNull();
            assertThat(r.dataBytes()).hasValue(data);
            assertThat(r.attachment(att).orElseThrow().readAllBytes()).isEqualTo(pdf);
            s.accept(r);
        }
        assertThat(fixture.simulator.state(ids[0])).isEqualTo("accepted");
    }

    @Test
    void dataHashMismatch_isRefused_andCanBeRejected() throws Exception {
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
        UUID[] ids = rawSend(RawSender.metadata1(RawSender.sha512("{ }".getBytes(StandardCharsets.UTF_8)), List.of()),
                data, false, Map.of());
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            FitConnectVerificationException e = (FitConnectVerificationException) org.assertj.core.api.Assertions
                    .catchThrowable(() -> s.receive(ids[0]));
            assertThat(e.check()).isEqualTo(Check.HASH_MISMATCH);
            assertThat(e.problem().orElseThrow().type()).isEqualTo(Problem.TYPE_PREFIX + "hash-mismatch");
            s.reject(ids[0], List.of(e.problem().orElseThrow()));
        }
        assertThat(fixture.simulator.state(ids[0])).isEqualTo("rejected");
    }

    @Test
    void attachmentHashMismatch_isRefused_andNothingIsLeftBehind() throws Exception {
        UUID att = UUID.randomUUID();
        byte[] pdf = "real".getBytes(StandardCharsets.UTF_8);
        UUID[] ids = rawSend(RawSender.metadata1(null, List.of(RawSender.attachment(att, RawSender.sha512("other"
                .getBytes(StandardCharsets.UTF_8))))), null, false, Map.of(att, RawSender.encrypt(pdf, encryptionKey, kid, false)));
        Path dir = Files.createDirectories(work.resolve("hash"));
        try (FitConnectSubscriber s = fixture.subscriber(dir)) {
            refused(() -> s.receive(ids[0]), Check.HASH_MISMATCH);
        }
        assertThat(Files.list(dir).count()).isZero();
    }

    @Test
    void schemaInvalidMetadata_isRefusedWithFindings() throws Exception {
        String metadata = "{\"$schema\":\"https://schema.fitko.de/fit-connect/metadata/2.0.0/metadata.schema.json\","
                + "\"contentStructure\":{\"attachments\":[],\"data\":{\"hash\":{\"type\":\"md5\",\"content\":\"x\"}}},"
                + "\"additionalReferenceInfo\":{\"unknown\":1}}";
        UUID[] ids = rawSend(metadata, "{}".getBytes(StandardCharsets.UTF_8), false, Map.of());
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            FitConnectVerificationException e = (FitConnectVerificationException) org.assertj.core.api.Assertions
                    .catchThrowable(() -> s.receive(ids[0]));
            assertThat(e.check()).isEqualTo(Check.METADATA_SCHEMA);
            assertThat(e.findings()).isNotEmpty();
        }
        UUID[] unsupported = rawSend("{\"$schema\":\"https://schema.fitko.de/fit-connect/metadata/9.0.0/metadata.schema.json\"}",
                null, false, Map.of());
        UUID[] notJson = rawSend("{\"contentStructure\":", null, false, Map.of());
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            refused(() -> s.receive(unsupported[0]), Check.METADATA_VERSION);
            refused(() -> s.receive(notJson[0]), Check.METADATA_SYNTAX);
        }
    }

    @Test
    void jweForAnotherKey_isRefused() throws Exception {
        RSAPublicKey otherKey = (RSAPublicKey) TestKeys.SIGNING.publicKey();
        UUID[] ids = raw.send(fixture.destination.destinationId(), TestDestination.DEFAULT_SERVICE,
                RawSender.encrypt(RawSender.metadata1(null, List.of()).getBytes(StandardCharsets.UTF_8), otherKey, kid, false),
                null, Map.of());
        UUID[] otherKid = raw.send(fixture.destination.destinationId(), TestDestination.DEFAULT_SERVICE,
                RawSender.encrypt(RawSender.metadata1(null, List.of()).getBytes(StandardCharsets.UTF_8), encryptionKey,
                        "another-kid", false), null, Map.of());
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            refused(() -> s.receive(ids[0]), Check.JWE_KEY_UNWRAP);
            refused(() -> s.receive(otherKid[0]), Check.JWE_KEY_ID);
        }
    }

    SentSubmission sendWithAttachment() {
        try (FitConnectSender sender = fixture.sender()) {
            return sender.send(OutgoingSubmission.builder().destinationId(fixture.destination.destinationId())
                    .serviceType(new ServiceType("Test", TestDestination.DEFAULT_SERVICE))
                    .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(
                            URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"))
                    .attachment(OutgoingAttachment.ofBytes("anlage".getBytes(StandardCharsets.UTF_8), "text/plain"))
                    .build());
        }
    }

    @Test
    void compromisedService_tamperedSegment_otherTag_swappedAttachment_areRefused() throws Exception {
        SentSubmission a = sendWithAttachment();
        SentSubmission b = sendWithAttachment();
        UUID attA = a.metadata().attachments().get(0).attachmentId();
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            String data = RawSender.encrypt("{}".getBytes(StandardCharsets.UTF_8), encryptionKey, kid, false);
            // another ciphertext under the recorded tag: the tag check passes, AES-GCM does not
            String[] parts = data.split("\\.");
            String recordedTag = a.authenticationTags().data();
            fixture.simulator.replaceEncrypted(a.submissionId(), null,
                    parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3] + "." + recordedTag);
            refused(() -> s.receive(a.submissionId()), Check.JWE_AUTHENTICATION);
            // a whole other JWE: its tag differs from the tag recorded by the submit event
            fixture.simulator.replaceEncrypted(b.submissionId(), null, data);
            refused(() -> s.receive(b.submissionId()), Check.AUTHENTICATION_TAG_MISMATCH);
        }
        SentSubmission c = sendWithAttachment();
        UUID attC = c.metadata().attachments().get(0).attachmentId();
        try (FitConnectSubscriber s = fixture.subscriber(work)) {
            // an attachment of another submission served instead of this one's
            fixture.simulator.replaceAttachment(c.submissionId(), attC, RawSender.encrypt("anlage".getBytes(
                    StandardCharsets.UTF_8), encryptionKey, kid, false).getBytes(StandardCharsets.US_ASCII));
            refused(() -> s.receive(c.submissionId()), Check.AUTHENTICATION_TAG_MISMATCH);
        }
        assertThat(attA).isNotNull();
    }

    @Test
    void forgedEvents_areRefused_signature_subject_transaction() throws Exception {
        SentSubmission sent = sendWithAttachment();
        RSAKey otherKey = new RSAKey.Builder((RSAPublicKey) TestKeys.ENCRYPTION.publicKey())
                .privateKey(TestKeys.ENCRYPTION.privateKey()).build();
        // an acceptance in the destination's name, signed by another key
        String forged = set(Event.ACCEPT_SUBMISSION.code(), fixture.destination.destinationId().toString(),
                fixture.destination.signingKid(), "submission:" + sent.submissionId(), "case:" + sent.caseId(), otherKey);
        fixture.simulator.appendEvent(sent.caseId(), forged);
        try (FitConnectSender sender = fixture.sender()) {
            refused(() -> sender.status(sent), Check.SET_SIGNATURE);
        }
        SentSubmission other = sendWithAttachment();
        // a genuine service SET of another case placed in this case's log
        String wrongTxn = fixture.simulator.signAsService(Event.NOTIFY_SUBMISSION.code(), other.submissionId(),
                UUID.randomUUID(), Map.of());
        fixture.simulator.appendEvent(other.caseId(), fixture.simulator.signAsService(Event.NOTIFY_SUBMISSION.code(),
                other.submissionId(), UUID.randomUUID(), Map.of()));
        try (FitConnectSender sender = fixture.sender()) {
            refused(() -> sender.status(other), Check.SET_TRANSACTION);
            // the proof of another submission presented as this one's
            String proof = fixture.simulator.eventLog(sent.caseId()).get(1);
            refused(() -> sender.verifyEvent(proof, new SentSubmission(sent.destinationId(), UUID.randomUUID(),
                    sent.caseId(), sent.authenticationTags(), sent.metadata())), Check.SET_SUBJECT);
            refused(() -> sender.verifyEvent(wrongTxn, other), Check.SET_TRANSACTION);
            // a SET with another typ
            refused(() -> sender.verifyEvent(set(Event.SUBMIT_SUBMISSION.code(), fixture.simulator.submissionApi().toString(),
                    fixture.simulator.servicePublicKey().getKeyID(), "submission:" + sent.submissionId(),
                    "case:" + sent.caseId(), otherKey, new JOSEObjectType("JWT")), sent), Check.SET_HEADER);
        }
    }

    static String set(String event, String issuer, String kid, String sub, String txn, RSAKey key) throws Exception {
        return set(event, issuer, kid, sub, txn, key, new JOSEObjectType("secevent+jwt"));
    }

    static String set(String event, String issuer, String kid, String sub, String txn, RSAKey key, JOSEObjectType typ)
            throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS512).type(typ).keyID(kid).build(),
                new JWTClaimsSet.Builder().jwtID(UUID.randomUUID().toString()).issuer(issuer).issueTime(new Date())
                        .subject(sub).claim("txn", txn).claim("events", Map.of(event, Map.of())).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void destinationKeyWithoutChain_isRefusedBeforeAnythingIsCreated() throws Exception {
        RSAKey full = RSAKey.parse(fixture.destination.encryptionJwk());
        RSAKey noChain = new RSAKey.Builder(full.toRSAPublicKey()).keyID("enc-without-chain")
                .keyOperations(full.getKeyOperations()).algorithm(full.getAlgorithm()).build();
        try (Fixture bad = new Fixture(d -> d.keyIds("enc-without-chain", "sig-1").publishedEncryptionKey(
                noChain.toJSONString()), s -> { });
             FitConnectSender sender = bad.sender()) {
            refused(() -> sender.send(OutgoingSubmission.builder().destinationId(bad.destination.destinationId())
                    .serviceType(new ServiceType("Test", TestDestination.DEFAULT_SERVICE))
                    .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(
                            URI.create(TestDestination.DEFAULT_SCHEMA), "application/json")).build()),
                    Check.KEY_CHAIN_MISSING);
            assertThat(bad.simulator.tokensIssued()).isEqualTo(1);
        }
    }

    @Test
    void invalidOutgoingMetadata_isRefusedBeforeSending() {
        try (FitConnectSender sender = fixture.sender()) {
            assertThatThrownBy(() -> sender.send(OutgoingSubmission.builder()
                    .destinationId(fixture.destination.destinationId())
                    .serviceType(new ServiceType("Test", TestDestination.DEFAULT_SERVICE))
                    .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(
                            URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"))
                    .replyChannel(new ReplyChannel.EMail("not an address", null))
                    .build())).isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("replyChannel");
            assertThatThrownBy(() -> sender.send(OutgoingSubmission.builder()
                    .destinationId(fixture.destination.destinationId())
                    .serviceType(new ServiceType("Test", "urn:de:fim:leika:leistung:1"))
                    .data("{}".getBytes(StandardCharsets.UTF_8), new SubmissionSchema(
                            URI.create(TestDestination.DEFAULT_SCHEMA), "application/json"))
                    .build())).isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("does not offer");
        }
    }
}
