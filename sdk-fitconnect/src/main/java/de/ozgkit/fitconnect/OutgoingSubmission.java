package de.ozgkit.fitconnect;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A submission to send: destination, service, the specialist data with its schema, attachments and
 * the typed parts of the metadata. The sender computes the hashes, writes and validates the
 * metadata, encrypts and uploads everything.
 *
 * <pre>{@code
 * OutgoingSubmission submission = OutgoingSubmission.builder()
 *         .destinationId(destinationId)
 *         .serviceType(ServiceType.leika("Anmeldung einer Wohnung", "99115001001000"))
 *         .data(json, new SubmissionSchema(URI.create("https://schema.fitko.de/fim/s00000114_1.0.schema.json"),
 *                 "application/json"))
 *         .attachment(OutgoingAttachment.ofFile(Path.of("mietvertrag.pdf"), "application/pdf"))
 *         .replyChannel(new ReplyChannel.IdBundDeMailbox(postkorbHandle))
 *         .build();
 * }</pre>
 */
public final class OutgoingSubmission {

    /** The most attachments one submission may announce. */
    public static final int MAX_ATTACHMENTS = 100;

    private final UUID destinationId;
    private final ServiceType serviceType;
    private final byte[] data;
    private final SubmissionSchema dataSchema;
    private final List<OutgoingAttachment> attachments;
    private final PaymentInformation paymentInformation;
    private final ReplyChannel replyChannel;
    private final Author author;
    private final AdditionalReferenceInfo additionalReferenceInfo;
    private final URI callbackUrl;
    private final String callbackSecret;
    private final MetadataVersion metadataVersion;

    private OutgoingSubmission(Builder b) {
        this.destinationId = Objects.requireNonNull(b.destinationId, "destinationId");
        this.serviceType = Objects.requireNonNull(b.serviceType, "serviceType");
        this.data = b.data;
        this.dataSchema = b.dataSchema;
        this.attachments = List.copyOf(b.attachments);
        this.paymentInformation = b.paymentInformation;
        this.replyChannel = b.replyChannel;
        this.author = b.author;
        this.additionalReferenceInfo = b.additionalReferenceInfo;
        this.callbackUrl = b.callbackUrl;
        this.callbackSecret = b.callbackSecret;
        this.metadataVersion = b.metadataVersion;
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new InvalidSubmissionException("a submission may have at most " + MAX_ATTACHMENTS + " attachments, had "
                    + attachments.size());
        }
        if (attachments.stream().map(OutgoingAttachment::attachmentId).distinct().count() != attachments.size()) {
            throw new InvalidSubmissionException("attachment ids must be unique within a submission");
        }
        if (data == null && attachments.isEmpty()) {
            throw new InvalidSubmissionException("a submission needs specialist data or at least one attachment");
        }
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the destination */
    public UUID destinationId() {
        return destinationId;
    }

    /** @return the service type */
    public ServiceType serviceType() {
        return serviceType;
    }

    /** @return a copy of the specialist data, empty when there is none */
    public Optional<byte[]> data() {
        return Optional.ofNullable(data).map(byte[]::clone);
    }

    /** @return the data's schema, empty when there is no data */
    public Optional<SubmissionSchema> dataSchema() {
        return Optional.ofNullable(dataSchema);
    }

    /** @return the attachments */
    public List<OutgoingAttachment> attachments() {
        return attachments;
    }

    /** @return the payment information, empty when there is none */
    public Optional<PaymentInformation> paymentInformation() {
        return Optional.ofNullable(paymentInformation);
    }

    /** @return the reply channel, empty when there is none */
    public Optional<ReplyChannel> replyChannel() {
        return Optional.ofNullable(replyChannel);
    }

    /** @return the author, empty when there is none */
    public Optional<Author> author() {
        return Optional.ofNullable(author);
    }

    /** @return the references, empty when there are none */
    public Optional<AdditionalReferenceInfo> additionalReferenceInfo() {
        return Optional.ofNullable(additionalReferenceInfo);
    }

    /** @return the sender's callback URL, empty when none is set */
    public Optional<URI> callbackUrl() {
        return Optional.ofNullable(callbackUrl);
    }

    /** @return the callback secret, empty when no callback is set */
    public Optional<String> callbackSecret() {
        return Optional.ofNullable(callbackSecret);
    }

    /** @return the metadata version to write, empty to choose by the destination */
    public Optional<MetadataVersion> metadataVersion() {
        return Optional.ofNullable(metadataVersion);
    }

    /** Builds an {@link OutgoingSubmission}. Not thread-safe. */
    public static final class Builder {
        private UUID destinationId;
        private ServiceType serviceType;
        private byte[] data;
        private SubmissionSchema dataSchema;
        private final List<OutgoingAttachment> attachments = new ArrayList<>();
        private PaymentInformation paymentInformation;
        private ReplyChannel replyChannel;
        private Author author;
        private AdditionalReferenceInfo additionalReferenceInfo;
        private URI callbackUrl;
        private String callbackSecret;
        private MetadataVersion metadataVersion;

        private Builder() {
        }

        /**
         * @param destinationId the destination
         * @return this builder
         */
        public Builder destinationId(UUID destinationId) {
            this.destinationId = destinationId;
            return this;
        }

        /**
         * @param serviceType the service; must be one the destination offers
         * @return this builder
         */
        public Builder serviceType(ServiceType serviceType) {
            this.serviceType = serviceType;
            return this;
        }

        /**
         * @param data   the specialist data (copied), e.g. JSON or XML bytes
         * @param schema its schema; must be one the destination accepts for the service
         * @return this builder
         */
        public Builder data(byte[] data, SubmissionSchema schema) {
            this.data = data.clone();
            this.dataSchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /**
         * @param attachment an attachment to add
         * @return this builder
         */
        public Builder attachment(OutgoingAttachment attachment) {
            attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        /**
         * @param paymentInformation the payment of the fee
         * @return this builder
         */
        public Builder paymentInformation(PaymentInformation paymentInformation) {
            this.paymentInformation = paymentInformation;
            return this;
        }

        /**
         * @param replyChannel the reply channel the applicant chose
         * @return this builder
         */
        public Builder replyChannel(ReplyChannel replyChannel) {
            this.replyChannel = replyChannel;
            return this;
        }

        /**
         * @param author the sending system (written with metadata 2.x only)
         * @return this builder
         */
        public Builder author(Author author) {
            this.author = author;
            return this;
        }

        /**
         * @param info additional references
         * @return this builder
         */
        public Builder additionalReferenceInfo(AdditionalReferenceInfo info) {
            this.additionalReferenceInfo = info;
            return this;
        }

        /**
         * Asks the submission service to call the sender back on new events of this submission.
         *
         * @param url    the sender's HTTPS callback URL
         * @param secret the secret the service signs callbacks with (HMAC-SHA512)
         * @return this builder
         */
        public Builder callback(URI url, String secret) {
            this.callbackUrl = Objects.requireNonNull(url, "url");
            this.callbackSecret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        /**
         * @param version the metadata version to write; by default 2.x, or 1.x when the destination reads only 1.x
         * @return this builder
         */
        public Builder metadataVersion(MetadataVersion version) {
            this.metadataVersion = version;
            return this;
        }

        /**
         * @return the submission
         * @throws InvalidSubmissionException when a rule is broken (no content, too many or duplicate attachments)
         */
        public OutgoingSubmission build() {
            return new OutgoingSubmission(this);
        }
    }
}
