package de.ozgkit.fitconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.fitconnect.AuthenticationTags;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.ClientSettings;
import de.ozgkit.fitconnect.Destination;
import de.ozgkit.fitconnect.Event;
import de.ozgkit.fitconnect.EventLogEntry;
import de.ozgkit.fitconnect.FitConnectSender;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.InvalidSubmissionException;
import de.ozgkit.fitconnect.Metadata;
import de.ozgkit.fitconnect.MetadataVersion;
import de.ozgkit.fitconnect.OutgoingAttachment;
import de.ozgkit.fitconnect.OutgoingSubmission;
import de.ozgkit.fitconnect.Problem;
import de.ozgkit.fitconnect.SentSubmission;
import de.ozgkit.fitconnect.SubmissionSchema;
import de.ozgkit.fitconnect.SubmissionStatus;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link FitConnectSender}. */
public final class DefaultSender implements FitConnectSender {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultSender.class);
    private static final String ZERO_HASH = "0".repeat(128);

    private final ClientSettings settings;
    private final Duration pollInterval;
    private final SubmissionApi api;
    private final CertificateValidator validator;
    private final EventLogReader log;

    /**
     * @param settings     API, credentials, trust anchors
     * @param pollInterval pause between status reads
     */
    public DefaultSender(ClientSettings settings, Duration pollInterval) {
        this.settings = settings;
        this.pollInterval = pollInterval;
        this.api = new SubmissionApi(settings.config(), settings.tokenUri(), settings.clientId(), settings.clientSecret(),
                settings.scopes(), settings.clock());
        this.validator = CertificateValidator.builder().trustAnchors(settings.trustAnchors()).clock(settings.clock())
                .build();
        this.log = new EventLogReader(api, validator);
    }

    @Override
    public Destination destination(UUID destinationId) {
        return Destinations.read(api.destination(destinationId));
    }

    @Override
    public SentSubmission send(OutgoingSubmission submission) {
        Destination destination = destination(submission.destinationId());
        MetadataVersion version = Destinations.checkAccepts(destination, submission);
        // the whole metadata except the hashes is checked against the schema before anything is created
        write(version, submission, submission.data().isPresent() ? ZERO_HASH : null, placeholderHashes(submission));
        RSAKey jwk = KeyChecks.check(api.key(destination.destinationId(), destination.encryptionKid()),
                destination.encryptionKid(), KeyChecks.Use.ENCRYPTION, validator);
        RSAPublicKey key;
        try {
            key = jwk.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new FitConnectVerificationException(Check.KEY_ALGORITHM, "the destination key is not usable", null, e);
        }
        String kid = jwk.getKeyID();

        ObjectNode announce = FcJson.object().put("destinationId", submission.destinationId().toString());
        ArrayNode ids = announce.putArray("announcedAttachments");
        submission.attachments().forEach(a -> ids.add(a.attachmentId().toString()));
        announce.putObject("serviceType").put("name", submission.serviceType().name())
                .put("identifier", submission.serviceType().identifier());
        submission.callbackUrl().ifPresent(url -> announce.putObject("callback").put("url", url.toString())
                .put("secret", submission.callbackSecret().orElseThrow()));
        JsonNode created = api.createSubmission(announce);
        UUID submissionId = FcJson.uuid(created, "submissionId").orElseThrow(() -> protocol("submissionId"));
        UUID caseId = FcJson.uuid(created, "caseId").orElseThrow(() -> protocol("caseId"));
        LOG.debug("created submission {} in case {}", submissionId, caseId);

        Map<UUID, String> attachmentTags = new LinkedHashMap<>();
        Map<UUID, String> attachmentHashes = new LinkedHashMap<>();
        for (OutgoingAttachment a : submission.attachments()) {
            StreamingJwe.Encryptor encryptor = new StreamingJwe.Encryptor(key, kid, a.mimeType());
            long size = a.size();
            AtomicReference<StreamingJwe.Result> result = new AtomicReference<>();
            api.uploadAttachment(submissionId, a.attachmentId(), encryptor.length(size), out -> {
                try (InputStream in = a.open()) {
                    StreamingJwe.Result r = encryptor.encrypt(in, size, out);
                    StreamingJwe.Result earlier = result.getAndSet(r);
                    if (earlier != null && !earlier.sha512().equals(r.sha512())) {
                        throw new java.io.IOException("attachment " + a.attachmentId() + " changed between two upload"
                                + " attempts");
                    }
                }
            });
            attachmentTags.put(a.attachmentId(), result.get().tag());
            attachmentHashes.put(a.attachmentId(), result.get().sha512());
        }
        String encryptedData = null;
        String dataHash = null;
        if (submission.data().isPresent()) {
            byte[] data = submission.data().get();
            dataHash = sha512(data);
            encryptedData = Jwe.encrypt(data, key, kid, submission.dataSchema().orElseThrow().mimeType());
        }
        Metadata metadata = write(version, submission, dataHash, attachmentHashes);
        String encryptedMetadata = Jwe.encrypt(metadata.json().getBytes(java.nio.charset.StandardCharsets.UTF_8), key,
                kid, "application/json");
        api.submit(submissionId, encryptedMetadata, encryptedData);
        AuthenticationTags tags = new AuthenticationTags(Jwe.tag(encryptedMetadata),
                encryptedData == null ? null : Jwe.tag(encryptedData), attachmentTags);
        return new SentSubmission(submission.destinationId(), submissionId, caseId, tags, metadata);
    }

    private static Map<UUID, String> placeholderHashes(OutgoingSubmission submission) {
        Map<UUID, String> m = new LinkedHashMap<>();
        submission.attachments().forEach(a -> m.put(a.attachmentId(), ZERO_HASH));
        return m;
    }

    private static Metadata write(MetadataVersion version, OutgoingSubmission s, String dataHash,
                                  Map<UUID, String> attachmentHashes) {
        Metadata.DataDescription data = dataHash == null ? null
                : new Metadata.DataDescription(dataHash, s.dataSchema().orElseThrow());
        List<Metadata.AttachmentDescription> attachments = new ArrayList<>();
        for (OutgoingAttachment a : s.attachments()) {
            attachments.add(new Metadata.AttachmentDescription(a.attachmentId(), attachmentHashes.get(a.attachmentId()),
                    a.purpose(), a.mimeType(), a.filename(), a.description()));
        }
        return MetadataCodec.write(version, data, attachments, s.serviceType(), s.paymentInformation().orElse(null),
                s.replyChannel().orElse(null), s.author().orElse(null), s.additionalReferenceInfo().orElse(null));
    }

    static String sha512(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION,
                    "this Java runtime offers no SHA-512 MessageDigest; run on a JDK with the standard providers", e, 0);
        }
    }

    private static OzgClientException protocol(String member) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "the submission API's answer to POST"
                + " /v1/submissions lacks a valid " + member, null, 1);
    }

    @Override
    public SubmissionStatus status(SentSubmission sent) {
        List<EventLogEntry> entries = log.read(sent.caseId(), sent.submissionId(), sent.destinationId());
        for (EventLogEntry e : entries) {
            if (e.event().orElse(null) == Event.ACCEPT_SUBMISSION || e.event().orElse(null) == Event.SUBMIT_SUBMISSION) {
                checkTags(e, sent.authenticationTags());
            }
        }
        return EventLogReader.status(entries);
    }

    private static void checkTags(EventLogEntry e, AuthenticationTags sent) {
        AuthenticationTags got = e.authenticationTags();
        if (got == null) {
            throw new FitConnectVerificationException(Check.AUTHENTICATION_TAG_MISMATCH, "the " + e.eventUri()
                    + " event carries no authentication tags", Problem.invalidEventLog(), null);
        }
        if (!got.equals(sent)) {
            throw new FitConnectVerificationException(Check.AUTHENTICATION_TAG_MISMATCH, "the " + e.eventUri()
                    + " event names other ciphertexts than the ones sent", Problem.invalidEventLog(), null);
        }
    }

    @Override
    public SubmissionStatus awaitFinalStatus(SentSubmission sent, Duration timeout) {
        Instant deadline = settings.clock().instant().plus(timeout);
        while (true) {
            SubmissionStatus s = status(sent);
            if (s.isFinal() || !settings.clock().instant().plus(pollInterval).isBefore(deadline)) {
                return s;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OzgClientException(OzgClientException.Kind.IO, "interrupted while waiting for the status of"
                        + " submission " + sent.submissionId(), e, 0);
            }
        }
    }

    @Override
    public EventLogEntry verifyEvent(String token, SentSubmission sent) {
        EventLogEntry e = SecurityEventTokens.verify(token, log.keys(), log.serviceIssuer(), sent.caseId(),
                sent.submissionId(), sent.destinationId());
        if (e.event().orElse(null) == Event.ACCEPT_SUBMISSION) {
            checkTags(e, sent.authenticationTags());
        }
        return e;
    }

    @Override
    public void close() {
        api.close();
    }

    /** Reading destinations and checking what they accept. */
    static final class Destinations {
        private Destinations() {
        }

        static Destination read(JsonNode d) {
            List<Destination.Service> services = new ArrayList<>();
            for (JsonNode s : d.path("services")) {
                List<SubmissionSchema> schemas = new ArrayList<>();
                for (JsonNode sc : s.path("submissionSchemas")) {
                    try {
                        schemas.add(new SubmissionSchema(URI.create(sc.path("schemaUri").asText()),
                                sc.path("mimeType").asText()));
                    } catch (RuntimeException e) {
                        LOG.debug("ignoring a submission schema of the destination: {}", e.getMessage());
                    }
                }
                services.add(new Destination.Service(s.path("identifier").asText(), schemas, FcJson.texts(s, "regions")));
            }
            List<String> replyChannels = new ArrayList<>();
            d.path("replyChannels").fieldNames().forEachRemaining(replyChannels::add);
            return new Destination(FcJson.uuid(d, "destinationId").orElseThrow(() -> new OzgClientException(
                    OzgClientException.Kind.PROTOCOL, "the destination has no valid destinationId", null, 1)),
                    FcJson.text(d, "status").orElse("unknown"), services, FcJson.text(d, "encryptionKid").orElse(null),
                    FcJson.texts(d, "metadataVersions"), replyChannels);
        }

        static MetadataVersion checkAccepts(Destination d, OutgoingSubmission s) {
            if (!d.isActive()) {
                throw new InvalidSubmissionException("destination " + d.destinationId() + " is " + d.status()
                        + " and takes no submissions");
            }
            if (d.encryptionKid() == null) {
                throw new InvalidSubmissionException("destination " + d.destinationId() + " has no encryption key");
            }
            Destination.Service service = d.services().stream()
                    .filter(x -> x.identifier().equals(s.serviceType().identifier())).findFirst()
                    .orElseThrow(() -> new InvalidSubmissionException("destination " + d.destinationId()
                            + " does not offer service " + s.serviceType().identifier()));
            if (s.dataSchema().isPresent() && !service.submissionSchemas().isEmpty()
                    && !service.submissionSchemas().contains(s.dataSchema().get())) {
                throw new InvalidSubmissionException("destination " + d.destinationId() + " does not accept data schema "
                        + s.dataSchema().get().schemaUri() + " (" + s.dataSchema().get().mimeType() + ") for "
                        + s.serviceType().identifier());
            }
            boolean reads1 = d.metadataVersions().stream().anyMatch(v -> v.startsWith("1."));
            boolean reads2 = d.metadataVersions().isEmpty() || d.metadataVersions().stream().anyMatch(v -> v.startsWith("2."));
            MetadataVersion v = s.metadataVersion().orElse(reads2 ? MetadataVersion.V2 : MetadataVersion.V1);
            if ((v == MetadataVersion.V1 && !reads1 && !d.metadataVersions().isEmpty()) || (v == MetadataVersion.V2 && !reads2)) {
                throw new InvalidSubmissionException("destination " + d.destinationId() + " reads metadata "
                        + d.metadataVersions() + ", not " + v.writtenVersion());
            }
            return v;
        }
    }
}
