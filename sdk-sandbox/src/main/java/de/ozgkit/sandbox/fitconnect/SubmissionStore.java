package de.ozgkit.sandbox.fitconnect;

import de.ozgkit.sandbox.SandboxException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The submission service's logic, without HTTP: destinations, submissions with their life cycle
 * (incomplete, submitted, forwarded, accepted, rejected, deleted), encrypted parts it stores but
 * cannot read, the event log of signed SETs per case, deadlines and callbacks. Thread-safe (one lock;
 * attachment bodies are copied outside it).
 */
final class SubmissionStore implements AutoCloseable {

    static final String EVENTS = "https://schema.fitko.de/fit-connect/events/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who calls: a sender or the subscriber of one destination. */
    record Client(String id, UUID destinationId) {
        boolean isSubscriber() {
            return destinationId != null;
        }
    }

    enum State { INCOMPLETE, SUBMITTED, FORWARDED, ACCEPTED, REJECTED, DELETED }

    private static final class Submission {
        UUID id;
        UUID caseId;
        UUID destinationId;
        String sender;
        List<UUID> announced;
        final Map<UUID, Path> attachments = new LinkedHashMap<>();
        final Map<UUID, String> attachmentTags = new LinkedHashMap<>();
        String serviceName;
        String serviceIdentifier;
        URI callbackUrl;
        String callbackSecret;
        String encryptedMetadata;
        String encryptedData;
        State state = State.INCOMPLETE;
        Instant created;
        Instant submitted;
        Map<String, Object> tags;
    }

    private final ServiceKeys keys;
    private final Map<UUID, TestDestination> destinations;
    private final Clock clock;
    private final Duration incompleteTimeout;
    private final Duration pickupTimeout;
    private final Path dir;
    private final long maxAttachmentBytes;
    private final CallbackSender callbacks;
    private final Map<UUID, Submission> submissions = new LinkedHashMap<>();
    private final Map<UUID, List<String>> caseLogs = new HashMap<>();

    SubmissionStore(ServiceKeys keys, Map<UUID, TestDestination> destinations, Clock clock, Duration incompleteTimeout,
                    Duration pickupTimeout, long maxAttachmentBytes, CallbackSender callbacks) {
        this.keys = keys;
        this.destinations = Map.copyOf(destinations);
        this.clock = clock;
        this.incompleteTimeout = incompleteTimeout;
        this.pickupTimeout = pickupTimeout;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.callbacks = callbacks;
        try {
            this.dir = Files.createTempDirectory("ozgkit-fitconnect-");
        } catch (IOException e) {
            throw new SandboxException("cannot create the FIT-Connect simulator's temporary directory: " + e.getMessage(), e);
        }
    }

    // ---- destinations

    private TestDestination destinationOrThrow(UUID id) {
        TestDestination d = destinations.get(id);
        if (d == null) {
            throw ApiProblem.notFound("destination-not-found", "destination");
        }
        return d;
    }

    ObjectNode destination(UUID id) {
        TestDestination d = destinationOrThrow(id);
        ObjectNode o = JSON.createObjectNode().put("destinationId", d.destinationId().toString()).put("status", d.status());
        ArrayNode services = o.putArray("services");
        for (TestDestination.Service s : d.services()) {
            ObjectNode so = services.addObject().put("identifier", s.identifier());
            ArrayNode schemas = so.putArray("submissionSchemas");
            s.schemas().forEach(x -> schemas.addObject().put("schemaUri", x.schemaUri()).put("mimeType", x.mimeType()));
            so.putArray("regions").add("DE");
        }
        o.put("encryptionKid", d.encryptionKid());
        ArrayNode versions = o.putArray("metadataVersions");
        d.metadataVersions().forEach(versions::add);
        ObjectNode reply = o.putObject("replyChannels");
        reply.putObject("eMail").put("usePgp", false);
        reply.putObject("idBundDeMailbox");
        return o;
    }

    String key(UUID destinationId, String kid) {
        TestDestination d = destinationOrThrow(destinationId);
        if (kid.equals(d.encryptionKid())) {
            return d.encryptionJwk();
        }
        if (kid.equals(d.signingKid())) {
            return d.signingJwk();
        }
        throw ApiProblem.notFound("key-not-found", "key");
    }

    // ---- sending

    synchronized ObjectNode create(Client c, JsonNode body) {
        sweep();
        if (c.isSubscriber()) {
            throw ApiProblem.forbidden("only senders create submissions");
        }
        UUID destinationId = uuid(body, "destinationId", true);
        TestDestination d = destinationOrThrow(destinationId);
        if (!"active".equals(d.status())) {
            throw new ApiProblem(422, "destination-state-invalid", "Destination not active",
                    "the destination is " + d.status() + " and takes no submissions");
        }
        JsonNode announced = body.get("announcedAttachments");
        List<UUID> ids = new ArrayList<>();
        if (announced != null) {
            if (!announced.isArray() || announced.size() > 100) {
                throw ApiProblem.invalid("announcedAttachments must be an array of at most 100 UUIDs");
            }
            for (JsonNode a : announced) {
                ids.add(parseUuid(a.isTextual() ? a.textValue() : null, "announcedAttachments"));
            }
            if (new LinkedHashSet<>(ids).size() != ids.size()) {
                throw ApiProblem.invalid("announcedAttachments must not repeat an id");
            }
        }
        JsonNode service = body.get("serviceType");
        if (service == null || !service.path("identifier").isTextual() || !service.path("name").isTextual()) {
            throw ApiProblem.invalid("serviceType with name and identifier is required");
        }
        String identifier = service.get("identifier").textValue();
        if (d.services().stream().noneMatch(s -> s.identifier().equals(identifier))) {
            throw new ApiProblem(422, "service-type-not-offered", "Service not offered",
                    "the destination does not offer the service " + identifier);
        }
        Submission s = new Submission();
        JsonNode callback = body.get("callback");
        if (callback != null) {
            s.callbackUrl = absoluteHttp(callback.path("url").asText(null));
            s.callbackSecret = callback.path("secret").asText("");
            if (s.callbackSecret.isEmpty()) {
                throw ApiProblem.invalid("callback.secret is required with a callback");
            }
        }
        s.id = UUID.randomUUID();
        s.caseId = UUID.randomUUID();
        s.destinationId = destinationId;
        s.sender = c.id();
        s.announced = List.copyOf(ids);
        s.serviceName = service.get("name").textValue();
        s.serviceIdentifier = identifier;
        s.created = clock.instant();
        submissions.put(s.id, s);
        log(s, "create-submission", Map.of());
        return JSON.createObjectNode().put("destinationId", destinationId.toString())
                .put("submissionId", s.id.toString()).put("caseId", s.caseId.toString());
    }

    void storeAttachment(Client c, UUID submissionId, UUID attachmentId, InputStream body) {
        synchronized (this) {
            sweep();
            Submission s = ownSubmission(c, submissionId);
            checkIncomplete(s);
            if (!s.announced.contains(attachmentId)) {
                throw new ApiProblem(404, "attachment-not-found", "Attachment not announced",
                        "the submission did not announce this attachment");
            }
        }
        Path part;
        String tag;
        try {
            part = Files.createTempFile(dir, "upload-", ".jwe");
            try {
                tag = Jose.copyCompact(body, part, maxAttachmentBytes);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
        } catch (IOException e) {
            throw ApiProblem.invalid("the attachment could not be read completely: " + e.getClass().getSimpleName());
        }
        synchronized (this) {
            Submission s = ownSubmission(c, submissionId);
            checkIncomplete(s);
            Path target = dir.resolve(submissionId + "-" + attachmentId + ".jwe");
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new SandboxException("cannot store attachment " + attachmentId + " of submission " + submissionId + ": " + e.getMessage(), e);
            }
            s.attachments.put(attachmentId, target);
            s.attachmentTags.put(attachmentId, tag);
        }
    }

    synchronized ObjectNode submit(Client c, UUID submissionId, JsonNode body) {
        sweep();
        Submission s = ownSubmission(c, submissionId);
        checkIncomplete(s);
        if (!s.attachments.keySet().containsAll(s.announced)) {
            throw new ApiProblem(409, "missing-attachments", "Attachments missing",
                    "not all announced attachments have been uploaded");
        }
        if (!body.path("encryptedMetadata").isTextual()) {
            throw ApiProblem.invalid("encryptedMetadata is required");
        }
        String metadataTag = Jose.checkCompact(body.get("encryptedMetadata").textValue(), "encryptedMetadata");
        String dataTag = null;
        if (body.hasNonNull("encryptedData")) {
            if (!body.get("encryptedData").isTextual()) {
                throw ApiProblem.invalid("encryptedData must be a string");
            }
            dataTag = Jose.checkCompact(body.get("encryptedData").textValue(), "encryptedData");
            s.encryptedData = body.get("encryptedData").textValue();
        }
        s.encryptedMetadata = body.get("encryptedMetadata").textValue();
        s.state = State.SUBMITTED;
        s.submitted = clock.instant();
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("metadata", metadataTag);
        if (dataTag != null) {
            tags.put("data", dataTag);
        }
        Map<String, Object> attachments = new LinkedHashMap<>();
        s.attachmentTags.forEach((id, t) -> attachments.put(id.toString(), t));
        tags.put("attachments", attachments);
        s.tags = tags;
        log(s, "submit-submission", Map.of("authenticationTags", tags));
        TestDestination d = destinations.get(s.destinationId);
        if (d.callbackUrl() != null) {
            ObjectNode cb = JSON.createObjectNode()
                    .put("type", "https://schema.fitko.de/fit-connect/submission-api/callbacks/new-submissions");
            cb.putArray("submissionIds").add(s.id.toString());
            cb.putArray("submissions").addObject().put("destinationId", s.destinationId.toString())
                    .put("submissionId", s.id.toString()).put("caseId", s.caseId.toString());
            callbacks.send(d.callbackUrl(), d.callbackSecret(), bytes(cb));
        }
        return JSON.createObjectNode().put("destinationId", s.destinationId.toString())
                .put("submissionId", s.id.toString()).put("caseId", s.caseId.toString());
    }

    // ---- receiving

    synchronized ObjectNode list(Client c, UUID destinationId, int offset, int limit) {
        sweep();
        if (!c.isSubscriber() || !c.destinationId().equals(destinationId)) {
            throw ApiProblem.forbidden("the client is not the subscriber of this destination");
        }
        List<Submission> waiting = submissions.values().stream()
                .filter(s -> s.destinationId.equals(destinationId) && s.state == State.SUBMITTED).toList();
        ObjectNode o = JSON.createObjectNode().put("offset", offset);
        ArrayNode list = JSON.createArrayNode();
        waiting.stream().skip(offset).limit(limit).forEach(s -> list.addObject()
                .put("destinationId", s.destinationId.toString()).put("submissionId", s.id.toString())
                .put("caseId", s.caseId.toString()));
        o.put("count", list.size()).put("totalCount", waiting.size());
        o.set("submissions", list);
        return o;
    }

    synchronized ObjectNode submission(Client c, UUID submissionId) {
        sweep();
        Submission s = subscribersSubmission(c, submissionId);
        ObjectNode o = JSON.createObjectNode().put("destinationId", s.destinationId.toString())
                .put("submissionId", s.id.toString()).put("caseId", s.caseId.toString());
        o.putObject("serviceType").put("name", s.serviceName).put("identifier", s.serviceIdentifier);
        ArrayNode a = o.putArray("attachments");
        s.announced.forEach(id -> a.add(id.toString()));
        if (s.encryptedMetadata != null) {
            o.put("encryptedMetadata", s.encryptedMetadata);
        }
        if (s.encryptedData != null) {
            o.put("encryptedData", s.encryptedData);
        }
        return o;
    }

    synchronized Path attachment(Client c, UUID submissionId, UUID attachmentId) {
        sweep();
        Path p = subscribersSubmission(c, submissionId).attachments.get(attachmentId);
        if (p == null) {
            throw ApiProblem.notFound("attachment-not-found", "attachment");
        }
        return p;
    }

    private Submission subscribersSubmission(Client c, UUID submissionId) {
        Submission s = submissions.get(submissionId);
        if (s == null || s.state == State.INCOMPLETE || s.state == State.DELETED) {
            throw ApiProblem.notFound("submission-not-found", "submission");
        }
        if (!c.isSubscriber() || !c.destinationId().equals(s.destinationId)) {
            throw ApiProblem.forbidden("the client is not the subscriber of the submission's destination");
        }
        return s;
    }

    synchronized ObjectNode events(Client c, UUID caseId, int offset, int limit) {
        sweep();
        List<String> log = caseLog(c, caseId);
        ObjectNode o = JSON.createObjectNode().put("offset", offset);
        ArrayNode list = JSON.createArrayNode();
        log.stream().skip(offset).limit(limit).forEach(list::add);
        o.put("count", list.size()).put("totalCount", log.size());
        o.set("eventLog", list);
        return o;
    }

    private List<String> caseLog(Client c, UUID caseId) {
        List<String> log = caseLogs.get(caseId);
        if (log == null) {
            throw ApiProblem.notFound("case-not-found", "case");
        }
        boolean allowed = submissions.values().stream().anyMatch(s -> s.caseId.equals(caseId)
                && (c.isSubscriber() ? c.destinationId().equals(s.destinationId) : c.id().equals(s.sender)));
        if (!allowed) {
            throw ApiProblem.forbidden("the client takes no part in this case");
        }
        return log;
    }

    /** Accepts a SET of the destination: accept-, reject- or forward-submission. */
    synchronized void postEvent(Client c, UUID caseId, String token) {
        sweep();
        caseLog(c, caseId);
        if (!c.isSubscriber()) {
            throw ApiProblem.forbidden("only the destination's subscriber posts events");
        }
        TestDestination d = destinations.get(c.destinationId());
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token.trim());
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalidEvent("the body is not a signed JWT");
        }
        if (jwt.getHeader().getType() == null || !"secevent+jwt".equals(jwt.getHeader().getType().getType())
                || !JWSAlgorithm.PS512.equals(jwt.getHeader().getAlgorithm())
                || !d.signingKid().equals(jwt.getHeader().getKeyID())) {
            throw invalidEvent("the SET must have typ secevent+jwt, alg PS512 and the destination's signature kid");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier(RSAKey.parse(d.signingJwk())))) {
                throw invalidEvent("the SET's signature does not verify with the destination's signature key");
            }
        } catch (ParseException | JOSEException e) {
            throw invalidEvent("the SET's signature cannot be verified");
        }
        Map<String, Object> events;
        try {
            events = claims.getJSONObjectClaim("events");
        } catch (ParseException e) {
            events = null;
        }
        if (!d.destinationId().toString().equals(claims.getIssuer()) || claims.getJWTID() == null
                || claims.getIssueTime() == null || !("case:" + caseId).equals(claims.getClaim("txn"))
                || events == null || events.size() != 1 || claims.getSubject() == null
                || !claims.getSubject().startsWith("submission:")) {
            throw invalidEvent("the SET needs iss (the destination), jti, iat, sub submission:<id>, txn case:<id> of"
                    + " this case and exactly one event");
        }
        UUID submissionId = parseUuid(claims.getSubject().substring("submission:".length()), "sub");
        Submission s = submissions.get(submissionId);
        if (s == null || !s.caseId.equals(caseId)) {
            throw invalidEvent("the SET's sub names no submission of this case");
        }
        String event = events.keySet().iterator().next();
        JsonNode payload = JSON.valueToTree(events.get(event));
        State next;
        switch (event.startsWith(EVENTS) ? event.substring(EVENTS.length()) : event) {
            case "accept-submission" -> {
                JsonNode tags = payload == null ? null : payload.get("authenticationTags");
                if (tags == null || !JSON.valueToTree(s.tags).equals(tags)) {
                    throw invalidEvent("an acceptance must name the authentication tags of all parts as submitted");
                }
                next = State.ACCEPTED;
            }
            case "reject-submission" -> {
                if (payload == null || !payload.path("problems").isArray() || payload.path("problems").isEmpty()) {
                    throw invalidEvent("a rejection must name at least one problem");
                }
                next = State.REJECTED;
            }
            case "forward-submission" -> next = State.FORWARDED;
            default -> throw invalidEvent("a destination may post accept-, reject- or forward-submission only");
        }
        if (s.state != State.SUBMITTED && s.state != State.FORWARDED) {
            throw new ApiProblem(409, "submission-state-invalid", "Submission state invalid",
                    "the submission is " + s.state.name().toLowerCase(java.util.Locale.ROOT));
        }
        s.state = next;
        if (next != State.FORWARDED) {
            // the service keeps no content once the destination has decided
            dropContent(s);
        }
        caseLogs.get(caseId).add(token.trim());
        notifySender(s);
    }

    private static ApiProblem invalidEvent(String detail) {
        return new ApiProblem(422, "invalid-event", "Invalid event", detail);
    }

    private void notifySender(Submission s) {
        if (s.callbackUrl != null) {
            ObjectNode cb = JSON.createObjectNode()
                    .put("type", "https://schema.fitko.de/fit-connect/submission-api/callbacks/new-events");
            cb.putArray("submissions").addObject().put("destinationId", s.destinationId.toString())
                    .put("submissionId", s.id.toString()).put("caseId", s.caseId.toString());
            callbacks.send(s.callbackUrl, s.callbackSecret, bytes(cb));
        }
    }

    // ---- deadlines

    /** Deletes incomplete submissions and rejects unfetched ones whose deadline has passed. */
    synchronized void sweep() {
        Instant now = clock.instant();
        for (Submission s : submissions.values()) {
            if (s.state == State.INCOMPLETE && !now.isBefore(s.created.plus(incompleteTimeout))) {
                s.state = State.DELETED;
                dropContent(s);
                log(s, "delete-submission", Map.of());
                notifySender(s);
            } else if (s.state == State.SUBMITTED && !now.isBefore(s.submitted.plus(pickupTimeout))) {
                s.state = State.REJECTED;
                log(s, "reject-submission", Map.of("problems", List.of(Map.of(
                        "type", "https://schema.fitko.de/fit-connect/events/problems/timeout",
                        "title", "Frist überschritten",
                        "detail", "Die Einreichung wurde nicht innerhalb von " + pickupTimeout.toDays()
                                + " Tagen abgeholt.",
                        "instance", "submission"))));
                notifySender(s);
            }
        }
    }

    private void dropContent(Submission s) {
        for (Path p : s.attachments.values()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // removed with the directory on close
            }
        }
        s.attachments.clear();
        s.encryptedMetadata = null;
        s.encryptedData = null;
    }

    // ---- helpers

    private void log(Submission s, String event, Map<String, Object> payload) {
        caseLogs.computeIfAbsent(s.caseId, k -> new ArrayList<>())
                .add(keys.sign(EVENTS + event, s.id, s.caseId, payload, clock.instant()));
    }

    private Submission ownSubmission(Client c, UUID id) {
        Submission s = submissions.get(id);
        if (s == null || s.state == State.DELETED) {
            throw ApiProblem.notFound("submission-not-found", "submission");
        }
        if (c.isSubscriber() || !c.id().equals(s.sender)) {
            throw ApiProblem.forbidden("the submission belongs to another sender");
        }
        return s;
    }

    private static void checkIncomplete(Submission s) {
        if (s.state != State.INCOMPLETE) {
            throw new ApiProblem(409, "submission-state-invalid", "Submission state invalid",
                    "the submission was already submitted");
        }
    }

    private static UUID uuid(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null && !required) {
            return null;
        }
        return parseUuid(v != null && v.isTextual() ? v.textValue() : null, field);
    }

    static UUID parseUuid(String text, String field) {
        try {
            UUID u = UUID.fromString(text);
            if (u.toString().equalsIgnoreCase(text)) {
                return u;
            }
        } catch (RuntimeException e) {
            // below
        }
        throw ApiProblem.invalid(field + " must be a UUID");
    }

    private static URI absoluteHttp(String url) {
        try {
            URI u = new URI(url);
            if (u.isAbsolute() && u.getHost() != null && ("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
                return u;
            }
        } catch (Exception e) {
            // below
        }
        throw ApiProblem.invalid("callback.url must be an absolute http(s) URL");
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- test hooks (a compromised or faulty service)

    synchronized List<String> caseLog(UUID caseId) {
        return List.copyOf(caseLogs.getOrDefault(caseId, List.of()));
    }

    synchronized void appendEvent(UUID caseId, String token) {
        caseLogs.computeIfAbsent(caseId, k -> new ArrayList<>()).add(token);
    }

    synchronized void replaceEvent(UUID caseId, int index, String token) {
        List<String> log = caseLogs.get(caseId);
        if (log == null || index < 0 || index >= log.size()) {
            throw new SandboxException("case " + caseId + " has no event at index " + index + "; its log has "
                    + (log == null ? 0 : log.size()) + " entries", null);
        }
        log.set(index, token);
    }

    synchronized void replaceEncrypted(UUID submissionId, String metadata, String data) {
        Submission s = knownSubmission(submissionId);
        if (metadata != null) {
            s.encryptedMetadata = metadata;
        }
        if (data != null) {
            s.encryptedData = data;
        }
    }

    synchronized void replaceAttachment(UUID submissionId, UUID attachmentId, byte[] jwe) {
        Path file = knownSubmission(submissionId).attachments.get(attachmentId);
        if (file == null) {
            throw new SandboxException("submission " + submissionId + " has no uploaded attachment " + attachmentId, null);
        }
        try {
            Files.write(file, jwe);
        } catch (IOException e) {
            throw new SandboxException("cannot replace attachment " + attachmentId + " of submission " + submissionId
                    + ": " + e.getMessage(), e);
        }
    }

    private Submission knownSubmission(UUID submissionId) {
        Submission s = submissions.get(submissionId);
        if (s == null) {
            throw new SandboxException("the FIT-Connect simulator has no submission " + submissionId, null);
        }
        return s;
    }

    synchronized Set<UUID> submissionIds() {
        return Set.copyOf(submissions.keySet());
    }

    synchronized String state(UUID submissionId) {
        Submission s = submissions.get(submissionId);
        return s == null ? null : s.state.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public synchronized void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
        submissions.clear();
        caseLogs.clear();
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
