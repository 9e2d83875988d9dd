package de.ozgkit.fitconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.security.CertificateValidator;
import de.ozgkit.fitconnect.AuthenticationTags;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.ClientSettings;
import de.ozgkit.fitconnect.DestinationKeys;
import de.ozgkit.fitconnect.Event;
import de.ozgkit.fitconnect.EventLogEntry;
import de.ozgkit.fitconnect.FitConnectSubscriber;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.InvalidSubmissionException;
import de.ozgkit.fitconnect.Metadata;
import de.ozgkit.fitconnect.Problem;
import de.ozgkit.fitconnect.ReceivedAttachment;
import de.ozgkit.fitconnect.ReceivedSubmission;
import de.ozgkit.fitconnect.ServiceType;
import de.ozgkit.fitconnect.SubmissionPage;
import de.ozgkit.fitconnect.SubmissionRef;
import de.ozgkit.fitconnect.SubmissionStatus;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** The {@link FitConnectSubscriber}. */
public final class DefaultSubscriber implements FitConnectSubscriber {

    private final ClientSettings settings;
    private final DestinationKeys keys;
    private final Path workDirectory;
    private final int maxDataBytes;
    private final long maxAttachmentBytes;
    private final SubmissionApi api;
    private final EventLogReader log;

    /**
     * @param settings           API, credentials, trust anchors
     * @param keys               the destination's keys
     * @param workDirectory      where attachments are written
     * @param maxDataBytes       data limit
     * @param maxAttachmentBytes attachment limit
     */
    public DefaultSubscriber(ClientSettings settings, DestinationKeys keys, Path workDirectory, int maxDataBytes,
                             long maxAttachmentBytes) {
        this.settings = settings;
        this.keys = keys;
        this.workDirectory = workDirectory;
        this.maxDataBytes = maxDataBytes;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.api = new SubmissionApi(settings.config(), settings.tokenUri(), settings.clientId(), settings.clientSecret(),
                settings.scopes(), settings.clock());
        this.log = new EventLogReader(api, CertificateValidator.builder().trustAnchors(settings.trustAnchors())
                .clock(settings.clock()).build());
    }

    @Override
    public SubmissionPage pendingSubmissions(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new InvalidSubmissionException("offset must be at least 0 and limit 1 to 500, were " + offset + " and "
                    + limit);
        }
        JsonNode page = api.listSubmissions(keys.destinationId(), offset, limit);
        List<SubmissionRef> refs = new ArrayList<>();
        for (JsonNode s : page.path("submissions")) {
            refs.add(new SubmissionRef(FcJson.uuid(s, "destinationId").orElseThrow(() -> protocol("destinationId")),
                    FcJson.uuid(s, "submissionId").orElseThrow(() -> protocol("submissionId")),
                    FcJson.uuid(s, "caseId").orElseThrow(() -> protocol("caseId"))));
        }
        return new SubmissionPage(page.path("offset").asInt(offset), page.path("totalCount").asInt(refs.size()), refs);
    }

    private static OzgClientException protocol(String member) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "a submission of the submission API lacks a"
                + " valid " + member, null, 1);
    }

    @Override
    public ReceivedSubmission receive(UUID submissionId) {
        JsonNode s = api.submission(submissionId);
        UUID destinationId = FcJson.uuid(s, "destinationId").orElseThrow(() -> protocol("destinationId"));
        UUID caseId = FcJson.uuid(s, "caseId").orElseThrow(() -> protocol("caseId"));
        if (!destinationId.equals(keys.destinationId()) || !submissionId.equals(FcJson.uuid(s, "submissionId").orElse(null))) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the submission API answered with another"
                    + " submission or destination than asked for", null, 1);
        }
        String encryptedMetadata = FcJson.text(s, "encryptedMetadata").orElseThrow(() -> protocol("encryptedMetadata"));
        String encryptedData = FcJson.text(s, "encryptedData").orElse(null);
        List<UUID> attachmentIds = new ArrayList<>();
        for (String id : FcJson.texts(s, "attachments")) {
            attachmentIds.add(FcJson.parseUuid(id).orElseThrow(() -> protocol("attachment id")));
        }
        JsonNode st = s.path("serviceType");
        ServiceType serviceType = st.isObject() ? new ServiceType(st.path("name").asText(""),
                st.path("identifier").asText()) : null;

        List<EventLogEntry> events = log.read(caseId, submissionId, destinationId);
        AuthenticationTags recorded = events.stream()
                .filter(e -> e.event().orElse(null) == Event.SUBMIT_SUBMISSION && e.authenticationTags() != null)
                .map(EventLogEntry::authenticationTags).reduce((a, b) -> b)
                .orElseThrow(() -> new FitConnectVerificationException(Check.EVENT_MISSING, "the event log has no"
                        + " submit-submission event with authentication tags for submission " + submissionId,
                        Problem.invalidEventLog(), null));

        checkTag("metadata", Jwe.tag(encryptedMetadata), recorded.metadata());
        Jwe.Decrypted meta = Jwe.decrypt(encryptedMetadata, keys.decryptionKey(), keys.encryptionKid(), "metadata",
                MAX_METADATA_BYTES);
        Metadata metadata = MetadataCodec.read(meta.plaintext());

        byte[] data = null;
        if (encryptedData != null) {
            checkTag("data", Jwe.tag(encryptedData), recorded.data());
            if (metadata.data() == null) {
                throw new FitConnectVerificationException(Check.DATA_MISMATCH, "the submission has data that the metadata"
                        + " does not describe", Problem.missingData(), null);
            }
            data = Jwe.decrypt(encryptedData, keys.decryptionKey(), keys.encryptionKid(), "data", maxDataBytes).plaintext();
            if (!DefaultSender.sha512(data).equals(metadata.data().sha512())) {
                throw new FitConnectVerificationException(Check.HASH_MISMATCH, "the SHA-512 hash of the data differs from"
                        + " the hash in the metadata", Problem.hashMismatch("data"), null);
            }
        } else if (metadata.data() != null || recorded.data() != null) {
            throw new FitConnectVerificationException(Check.DATA_MISMATCH, "the metadata describes data the submission"
                    + " does not carry", Problem.missingData(), null);
        }

        Set<UUID> described = new HashSet<>();
        metadata.attachments().forEach(a -> described.add(a.attachmentId()));
        if (!described.equals(new HashSet<>(attachmentIds)) || !recorded.attachments().keySet().equals(described)) {
            throw new FitConnectVerificationException(Check.ATTACHMENTS_MISMATCH, "the submission has "
                    + attachmentIds.size() + " attachments, the metadata describes " + described.size()
                    + " and the submit event names " + recorded.attachments().size() + "; their ids differ",
                    Problem.attachmentsMismatch(), null);
        }
        List<ReceivedAttachment> received = new ArrayList<>();
        Map<UUID, String> tags = new LinkedHashMap<>();
        try {
            for (UUID id : attachmentIds) {
                ReceivedAttachment a = download(submissionId, metadata.attachment(id).orElseThrow(),
                        recorded.attachments().get(id));
                received.add(a);
                tags.put(id, a.authenticationTag());
            }
        } catch (RuntimeException e) {
            new ReceivedSubmission(destinationId, submissionId, caseId, serviceType, metadata, data, received,
                    recorded, events).close();
            throw e;
        }
        AuthenticationTags actual = new AuthenticationTags(meta.tag(), encryptedData == null ? null
                : Jwe.tag(encryptedData), tags);
        return new ReceivedSubmission(destinationId, submissionId, caseId, serviceType, metadata, data, received, actual,
                events);
    }

    private static void checkTag(String part, String actual, String recorded) {
        if (recorded == null || !java.security.MessageDigest.isEqual(actual.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                recorded.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new FitConnectVerificationException(Check.AUTHENTICATION_TAG_MISMATCH, "the authentication tag of the "
                    + part + " differs from the tag the submission service recorded when it was submitted",
                    Problem.incorrectAuthenticationTag(part.startsWith("attachment") ? part : part), null);
        }
    }

    private ReceivedAttachment download(UUID submissionId, Metadata.AttachmentDescription description, String recordedTag) {
        String part = "attachment:" + description.attachmentId();
        Path file = newPrivateFile();
        AtomicReference<StreamingJwe.Result> result = new AtomicReference<>();
        boolean ok = false;
        try {
            api.downloadAttachment(submissionId, description.attachmentId(), (status, headers, body) -> {
                // a retried download starts the file over
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 64 * 1024)) {
                    result.set(StreamingJwe.decrypt(body, keys.decryptionKey(), keys.encryptionKid(), part,
                            maxAttachmentBytes, out));
                }
            });
            StreamingJwe.Result r = result.get();
            checkTag(part, r.tag(), recordedTag);
            if (!r.sha512().equals(description.sha512())) {
                throw new FitConnectVerificationException(Check.HASH_MISMATCH, "the SHA-512 hash of " + part
                        + " differs from the hash in the metadata", Problem.hashMismatch(part), null);
            }
            ok = true;
            return new ReceivedAttachment(description.attachmentId(), description, file, r.length(), r.tag());
        } finally {
            if (!ok) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // the file lies in the work directory; nothing more to do
                }
            }
        }
    }

    private Path newPrivateFile() {
        try {
            Files.createDirectories(workDirectory);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempFile(workDirectory, "fitconnect-", ".attachment",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createTempFile(workDirectory, "fitconnect-", ".attachment");
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.CONFIGURATION, "cannot create a file in the work"
                    + " directory " + workDirectory + ": " + e.getClass().getSimpleName(), e, 0);
        }
    }

    @Override
    public void accept(ReceivedSubmission submission) {
        api.postEvent(submission.caseId(), SecurityEventTokens.create(Event.ACCEPT_SUBMISSION, keys.destinationId(),
                submission.submissionId(), submission.caseId(), submission.authenticationTags(), List.of(),
                keys.signingKey(), keys.signingKid(), settings.clock().instant()));
    }

    @Override
    public void reject(UUID submissionId, List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new InvalidSubmissionException("a rejection needs at least one problem");
        }
        JsonNode s = api.submission(submissionId);
        UUID caseId = FcJson.uuid(s, "caseId").orElseThrow(() -> protocol("caseId"));
        api.postEvent(caseId, SecurityEventTokens.create(Event.REJECT_SUBMISSION, keys.destinationId(), submissionId,
                caseId, null, problems, keys.signingKey(), keys.signingKid(), settings.clock().instant()));
    }

    @Override
    public SubmissionStatus status(UUID submissionId) {
        JsonNode s = api.submission(submissionId);
        UUID caseId = FcJson.uuid(s, "caseId").orElseThrow(() -> protocol("caseId"));
        return EventLogReader.status(log.read(caseId, submissionId, keys.destinationId()));
    }

    @Override
    public void close() {
        api.close();
    }
}
