package de.ozgkit.fitconnect;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The metadata of a submission as FIT-Connect defines it (schema 1.x or 2.x): the structure of the
 * content with the SHA-512 hash of every plaintext part, and what the authority needs besides the
 * specialist data: payment, reply channel, author, references.
 *
 * <p>Members this type does not model (signatures, {@code authenticationInformation}, {@code dataSets})
 * stay available in {@link #json()}, the metadata exactly as received or sent.
 *
 * @param version                 the major schema version
 * @param schemaUri               the {@code $schema} as written, may be {@code null} (metadata 1.0.0 may omit it)
 * @param data                    the description of the specialist data, may be {@code null} (1.x only)
 * @param attachments             the descriptions of the attachments
 * @param publicServiceType       the service type (metadata 1.x), may be {@code null}
 * @param paymentInformation      the payment, may be {@code null}
 * @param replyChannel            the reply channel, may be {@code null}
 * @param author                  the sending system (metadata 2.x), may be {@code null}
 * @param additionalReferenceInfo references, may be {@code null}
 * @param json                    the metadata JSON as received or sent
 */
public record Metadata(MetadataVersion version, String schemaUri, DataDescription data,
                       List<AttachmentDescription> attachments, ServiceType publicServiceType,
                       PaymentInformation paymentInformation, ReplyChannel replyChannel, Author author,
                       AdditionalReferenceInfo additionalReferenceInfo, String json) {

    /** Checks the values. */
    public Metadata {
        Objects.requireNonNull(version, "version");
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(json, "json");
    }

    /**
     * @param attachmentId an attachment's id
     * @return its description, empty if the metadata does not describe it
     */
    public Optional<AttachmentDescription> attachment(UUID attachmentId) {
        return attachments.stream().filter(a -> a.attachmentId().equals(attachmentId)).findFirst();
    }

    /**
     * The specialist data's description ({@code contentStructure.data}).
     *
     * @param sha512 the hex SHA-512 hash of the plaintext data
     * @param schema the schema the data follows
     */
    public record DataDescription(String sha512, SubmissionSchema schema) {
        /** Checks the values. */
        public DataDescription {
            Objects.requireNonNull(sha512, "sha512");
            Objects.requireNonNull(schema, "schema");
        }
    }

    /**
     * An attachment's description ({@code contentStructure.attachments[]}).
     *
     * @param attachmentId the attachment's UUID
     * @param sha512       the hex SHA-512 hash of the plaintext attachment
     * @param purpose      the purpose
     * @param mimeType     the media type, e.g. {@code application/pdf}
     * @param filename     the original file name, may be {@code null}
     * @param description  a description, may be {@code null}
     */
    public record AttachmentDescription(UUID attachmentId, String sha512, AttachmentPurpose purpose, String mimeType,
                                        String filename, String description) {
        /** Checks the values. */
        public AttachmentDescription {
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(sha512, "sha512");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(mimeType, "mimeType");
        }
    }
}
