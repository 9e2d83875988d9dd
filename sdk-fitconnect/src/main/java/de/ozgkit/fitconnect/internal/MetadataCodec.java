package de.ozgkit.fitconnect.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.fitconnect.AdditionalReferenceInfo;
import de.ozgkit.fitconnect.AttachmentPurpose;
import de.ozgkit.fitconnect.Author;
import de.ozgkit.fitconnect.Check;
import de.ozgkit.fitconnect.FitConnectVerificationException;
import de.ozgkit.fitconnect.InvalidSubmissionException;
import de.ozgkit.fitconnect.Metadata;
import de.ozgkit.fitconnect.MetadataVersion;
import de.ozgkit.fitconnect.PaymentInformation;
import de.ozgkit.fitconnect.PaymentMethod;
import de.ozgkit.fitconnect.PaymentStatus;
import de.ozgkit.fitconnect.Problem;
import de.ozgkit.fitconnect.ReplyChannel;
import de.ozgkit.fitconnect.ServiceType;
import de.ozgkit.fitconnect.SubmissionSchema;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes and reads FIT-Connect metadata (schema 1.x and 2.x) and validates it against the official
 * schema: before sending (so that nothing invalid leaves) and after receiving.
 */
public final class MetadataCodec {

    private MetadataCodec() {
    }

    /**
     * Writes metadata and validates it against the official schema of its version.
     *
     * @param version     the schema version to write
     * @param data        the data description, may be {@code null}
     * @param attachments the attachment descriptions
     * @param serviceType the service (written as {@code publicServiceType} in 1.x only)
     * @param payment     may be {@code null}
     * @param reply       may be {@code null}
     * @param author      may be {@code null} (written in 2.x only)
     * @param references  may be {@code null}
     * @return the metadata with its JSON
     * @throws InvalidSubmissionException when the content cannot be expressed in this version or breaks the schema
     */
    public static Metadata write(MetadataVersion version, Metadata.DataDescription data,
                                 List<Metadata.AttachmentDescription> attachments, ServiceType serviceType,
                                 PaymentInformation payment, ReplyChannel reply, Author author,
                                 AdditionalReferenceInfo references) {
        boolean v2 = version == MetadataVersion.V2;
        ObjectNode root = FcJson.object();
        root.put("$schema", version.schemaUri());
        if (!v2 && serviceType != null) {
            root.putObject("publicServiceType").put("name", serviceType.name()).put("identifier", serviceType.identifier());
        }
        ObjectNode content = root.putObject("contentStructure");
        if (data != null) {
            ObjectNode d = content.putObject("data");
            hash(d, data.sha512());
            d.putObject("submissionSchema").put("schemaUri", data.schema().schemaUri().toString())
                    .put("mimeType", data.schema().mimeType());
        } else if (v2) {
            throw new InvalidSubmissionException("metadata 2.x requires specialist data (contentStructure.data); add data"
                    + " or send with metadata 1.x");
        }
        ArrayNode list = content.putArray("attachments");
        for (Metadata.AttachmentDescription a : attachments) {
            if (!v2 && a.purpose() == AttachmentPurpose.DATA) {
                throw new InvalidSubmissionException("attachment purpose \"data\" exists in metadata 2.x only");
            }
            ObjectNode o = list.addObject();
            hash(o, a.sha512());
            o.put("purpose", a.purpose().code());
            if (a.filename() != null) {
                o.put("filename", a.filename());
            }
            if (a.description() != null) {
                o.put("description", a.description());
            }
            o.put("mimeType", a.mimeType());
            o.put("attachmentId", a.attachmentId().toString());
        }
        if (payment != null) {
            writePayment(root.putObject("paymentInformation"), payment);
        }
        if (reply != null) {
            writeReply(root.putObject("replyChannel"), reply, v2);
        }
        if (author != null && v2) {
            ObjectNode o = root.putObject("author").put("name", author.name());
            putIf(o, "description", author.description());
            putIf(o, "url", author.url());
            ObjectNode p = o.putObject("product").put("name", author.product().name());
            putIf(p, "description", author.product().description());
            p.put("version", author.product().version()).put("manufacturer", author.product().manufacturer());
        }
        if (references != null) {
            ObjectNode o = root.putObject("additionalReferenceInfo");
            putIf(o, "senderReference", references.senderReference());
            if (references.applicationDate() != null) {
                o.put("applicationDate", references.applicationDate().toString());
            }
            if (!v2 && (references.idBundDeApplicationId() != null || references.zustimmungZumDigitalenBescheid() != null)) {
                throw new InvalidSubmissionException("idBundDeApplicationId and zustimmungZumDigitalenBescheid exist in"
                        + " metadata 2.x only");
            }
            if (references.idBundDeApplicationId() != null) {
                o.put("idBundDeApplicationId", references.idBundDeApplicationId().toString());
            }
            if (references.zustimmungZumDigitalenBescheid() != null) {
                o.put("zustimmungZumDigitalenBescheid", references.zustimmungZumDigitalenBescheid());
            }
        }
        List<String> findings = MetadataSchemas.validate(root, version);
        if (!findings.isEmpty()) {
            throw new InvalidSubmissionException("the metadata breaks the official schema " + version.writtenVersion()
                    + ": " + String.join("; ", findings));
        }
        String json = FcJson.write(root);
        return new Metadata(version, version.schemaUri(), data, attachments, v2 ? null : serviceType, payment, reply,
                v2 ? author : null, references, json);
    }

    private static void hash(ObjectNode o, String sha512) {
        o.putObject("hash").put("type", "sha512").put("content", sha512);
    }

    private static void putIf(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    private static void writePayment(ObjectNode o, PaymentInformation p) {
        if (p.transactionUrl() != null) {
            o.put("transactionUrl", p.transactionUrl().toString());
        }
        o.put("transactionId", p.transactionId());
        o.put("transactionReference", p.transactionReference());
        if (p.transactionTimestamp() != null) {
            o.put("transactionTimestamp", p.transactionTimestamp().toString());
        }
        o.put("paymentMethod", p.paymentMethod().code());
        putIf(o, "paymentMethodDetail", p.paymentMethodDetail());
        o.put("status", p.status().code());
        if (p.grossAmount() != null) {
            o.put("grossAmount", p.grossAmount());
        }
    }

    private static void writeReply(ObjectNode root, ReplyChannel reply, boolean v2) {
        if (!v2 && (reply instanceof ReplyChannel.IdBundDeMailbox || reply instanceof ReplyChannel.FitConnect)) {
            throw new InvalidSubmissionException("reply channel " + reply.memberName() + " exists in metadata 2.x only;"
                    + " with metadata 1.x use fink for the account mailbox");
        }
        ObjectNode o = root.putObject(reply.memberName());
        if (reply instanceof ReplyChannel.EMail m) {
            o.put("address", m.address());
            putIf(o, "pgpPublicKey", m.pgpPublicKey());
        } else if (reply instanceof ReplyChannel.DeMail m) {
            o.put("address", m.address());
        } else if (reply instanceof ReplyChannel.Fink f) {
            o.put("finkPostfachRef", f.postfachRef());
            if (f.host() != null) {
                o.put("host", f.host().toString());
            }
        } else if (reply instanceof ReplyChannel.Elster e) {
            o.put("accountId", e.accountId());
            putIf(o, "lieferTicket", e.lieferTicket());
            putIf(o, "geschaeftszeichen", e.geschaeftszeichen());
        } else if (reply instanceof ReplyChannel.IdBundDeMailbox m) {
            o.put("mailboxUuid", m.mailboxUuid().toString());
        } else if (reply instanceof ReplyChannel.FitConnect f) {
            ArrayNode standards = o.putArray("processStandards");
            f.processStandards().forEach(u -> standards.add(u.toString()));
            try {
                o.set("encryptionPublicKey", FcJson.mapper().readTree(f.encryptionPublicKeyJwk()));
            } catch (IOException e) {
                throw new InvalidSubmissionException("replyChannel.fitConnect.encryptionPublicKey is not JSON");
            }
        }
    }

    /**
     * Reads and validates received metadata.
     *
     * @param json the decrypted metadata bytes
     * @return the metadata
     * @throws FitConnectVerificationException with {@link Check#METADATA_SYNTAX}, {@link Check#METADATA_VERSION}
     *                                         or {@link Check#METADATA_SCHEMA}
     */
    public static Metadata read(byte[] json) {
        JsonNode root;
        try {
            root = FcJson.read(json);
        } catch (IOException e) {
            throw new FitConnectVerificationException(Check.METADATA_SYNTAX, "the metadata is not valid JSON",
                    Problem.metadataSyntaxViolation(), null);
        }
        if (!root.isObject()) {
            throw new FitConnectVerificationException(Check.METADATA_SYNTAX, "the metadata is not a JSON object",
                    Problem.metadataSyntaxViolation(), null);
        }
        JsonNode schemaNode = root.get("$schema");
        MetadataVersion version;
        String schemaUri = null;
        if (schemaNode == null) {
            version = MetadataVersion.V1;
        } else {
            schemaUri = schemaNode.isTextual() ? schemaNode.textValue() : null;
            version = MetadataVersion.ofSchemaUri(schemaUri).orElseThrow(() -> new FitConnectVerificationException(
                    Check.METADATA_VERSION, "the metadata's $schema is not a supported FIT-Connect metadata schema"
                    + " (1.x or 2.x)", Problem.unsupportedMetadataSchema(), null));
        }
        List<String> findings = MetadataSchemas.validate(root, version);
        if (!findings.isEmpty()) {
            throw new FitConnectVerificationException(Check.METADATA_SCHEMA, "the metadata breaks the official schema "
                    + version.writtenVersion() + " (" + findings.size() + " findings, first: " + findings.get(0) + ")",
                    Problem.metadataSchemaViolation(), findings, null);
        }
        JsonNode content = root.get("contentStructure");
        Metadata.DataDescription data = null;
        JsonNode d = content.get("data");
        if (d != null) {
            JsonNode s = d.get("submissionSchema");
            data = new Metadata.DataDescription(d.get("hash").get("content").textValue(),
                    new SubmissionSchema(URI.create(s.get("schemaUri").textValue()), s.get("mimeType").textValue()));
        }
        List<Metadata.AttachmentDescription> attachments = new ArrayList<>();
        for (JsonNode a : content.get("attachments")) {
            attachments.add(new Metadata.AttachmentDescription(UUID.fromString(a.get("attachmentId").textValue()),
                    a.get("hash").get("content").textValue(), AttachmentPurpose.fromCode(a.get("purpose").textValue()),
                    a.get("mimeType").textValue(), FcJson.text(a, "filename").orElse(null),
                    FcJson.text(a, "description").orElse(null)));
        }
        ServiceType service = null;
        JsonNode ps = root.get("publicServiceType");
        if (ps != null && version == MetadataVersion.V1) {
            service = new ServiceType(FcJson.text(ps, "name").orElse(""), ps.get("identifier").textValue());
        }
        try {
            return new Metadata(version, schemaUri, data, attachments, service, readPayment(root.get("paymentInformation")),
                    readReply(root.get("replyChannel")), readAuthor(root.get("author")),
                    readReferences(root.get("additionalReferenceInfo")), new String(json, StandardCharsets.UTF_8));
        } catch (InvalidSubmissionException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new FitConnectVerificationException(Check.METADATA_SCHEMA, "the metadata has a value out of range: "
                    + e.getMessage(), Problem.metadataSchemaViolation(), null);
        }
    }

    private static PaymentInformation readPayment(JsonNode p) {
        if (p == null) {
            return null;
        }
        return new PaymentInformation(p.get("transactionId").textValue(), p.get("transactionReference").textValue(),
                FcJson.text(p, "transactionUrl").map(URI::create).orElse(null),
                FcJson.text(p, "transactionTimestamp").map(OffsetDateTime::parse).orElse(null),
                PaymentMethod.fromCode(p.get("paymentMethod").textValue()),
                FcJson.text(p, "paymentMethodDetail").orElse(null), PaymentStatus.fromCode(p.get("status").textValue()),
                p.has("grossAmount") ? p.get("grossAmount").decimalValue() : null);
    }

    private static ReplyChannel readReply(JsonNode r) {
        if (r == null || !r.fieldNames().hasNext()) {
            return null;
        }
        String name = r.fieldNames().next();
        JsonNode o = r.get(name);
        return switch (name) {
            case "eMail" -> new ReplyChannel.EMail(o.get("address").textValue(), FcJson.text(o, "pgpPublicKey").orElse(null));
            case "deMail" -> new ReplyChannel.DeMail(o.get("address").textValue());
            case "fink" -> new ReplyChannel.Fink(o.get("finkPostfachRef").textValue(),
                    FcJson.text(o, "host").map(URI::create).orElse(null));
            case "elster" -> new ReplyChannel.Elster(o.get("accountId").textValue(),
                    FcJson.text(o, "lieferTicket").orElse(null), FcJson.text(o, "geschaeftszeichen").orElse(null));
            case "idBundDeMailbox" -> new ReplyChannel.IdBundDeMailbox(UUID.fromString(o.get("mailboxUuid").textValue()));
            case "fitConnect" -> new ReplyChannel.FitConnect(
                    FcJson.texts(o, "processStandards").stream().map(URI::create).toList(),
                    FcJson.write(o.get("encryptionPublicKey")));
            default -> null;
        };
    }

    private static Author readAuthor(JsonNode a) {
        if (a == null) {
            return null;
        }
        JsonNode p = a.get("product");
        return new Author(a.get("name").textValue(), FcJson.text(a, "description").orElse(null),
                FcJson.text(a, "url").orElse(null), new Author.Product(p.get("name").textValue(),
                FcJson.text(p, "description").orElse(null), p.get("version").textValue(), p.get("manufacturer").textValue()));
    }

    private static AdditionalReferenceInfo readReferences(JsonNode r) {
        if (r == null) {
            return null;
        }
        JsonNode consent = r.get("zustimmungZumDigitalenBescheid");
        return new AdditionalReferenceInfo(FcJson.text(r, "senderReference").orElse(null),
                FcJson.text(r, "applicationDate").map(LocalDate::parse).orElse(null),
                FcJson.uuid(r, "idBundDeApplicationId").orElse(null),
                consent != null && consent.isBoolean() ? consent.booleanValue() : null);
    }
}
