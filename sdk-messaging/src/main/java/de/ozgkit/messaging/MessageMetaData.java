package de.ozgkit.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The OSCI MessageMetaData header (version 2.0.2, namespace
 * {@code http://www.osci.eu/ws/2014/10/transport}), as XTA 2 and the OSCI library carry it in a
 * custom SOAP header block of StoreDelivery, ForwardDelivery, MediateDelivery and their answers:
 * who sends to whom, which service and message type, a message id for replies.
 *
 * <p>Values that travel as XML attributes (party type, name and category, code list URI and
 * version, payload schema) must not contain {@code >}: the OSCI library canonicalizes it
 * differently from Canonical XML and would refuse the message's signature.
 *
 * <p>The typed members cover the elements the schema requires and the common optional ones;
 * {@link de.ozgkit.messaging.internal.MetaDataXml} writes and reads them.
 *
 * <pre>{@code
 * MessageMetaData meta = MessageMetaData.builder()
 *         .author(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:05315000", null, null))
 *         .reader(new MessageMetaData.Party("urn:de:xta:ebene:dvdv", "ags:09162000", null, null))
 *         .messageId("urn:uuid:" + UUID.randomUUID())
 *         .service("urn:xoev-de:xmeld:standard:xmeld")
 *         .businessScenarioUndefined("XMELD")
 *         .messageType(new MessageMetaData.Code("xmeld.0101", null, "urn:de:payloadSchema:elementName", "1.0"),
 *                 "http://www.osci.de/xmeld")
 *         .build();
 * }</pre>
 *
 * @param origin                    DeliveryAttributes/Origin, may be {@code null}
 * @param author                    Originators/Author
 * @param reader                    Destinations/Reader
 * @param messageId                 MsgIdentification/wsa:MessageID (a URI)
 * @param inReplyTo                 MsgIdentification/In-Reply-To (URIs)
 * @param subject                   Qualifier/Subject, may be {@code null}
 * @param service                   Qualifier/Service (a URI)
 * @param businessScenario          Qualifier/BusinessScenario/Defined, or {@code null} when undefined
 * @param businessScenarioUndefined Qualifier/BusinessScenario/Undefined, when not defined by a code list
 * @param messageType               Qualifier/MessageType
 * @param payloadSchema             Qualifier/MessageType/@payloadSchema
 * @param msgSize                   MsgSize, may be {@code null}
 * @param testMsg                   the TestMsg attribute
 */
public record MessageMetaData(Instant origin, Party author, Party reader, String messageId, List<String> inReplyTo,
                              String subject, String service, Code businessScenario, String businessScenarioUndefined,
                              Code messageType, String payloadSchema, Long msgSize, boolean testMsg) {

    /** Checks the required members. */
    public MessageMetaData {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(payloadSchema, "payloadSchema");
        inReplyTo = List.copyOf(inReplyTo);
        if ((businessScenario == null) == (businessScenarioUndefined == null)) {
            throw new OsciException(OsciCheck.STRUCTURE, "MessageMetaData needs exactly one of a defined or an undefined"
                    + " business scenario");
        }
        if (msgSize != null && msgSize <= 0) {
            throw new OsciException(OsciCheck.STRUCTURE, "MsgSize must be positive, was " + msgSize);
        }
        attribute("payloadSchema", payloadSchema);
    }

    /**
     * Refuses {@code >} in a value written as an XML attribute: the OSCI library canonicalizes it as
     * {@code &gt;} where Canonical XML keeps it, so its signature check would fail on the message.
     */
    static void attribute(String name, String value) {
        if (value != null && value.indexOf('>') >= 0) {
            throw new OsciException(OsciCheck.STRUCTURE, "MessageMetaData " + name + " must not contain '>': the OSCI"
                    + " library would not verify the signature over it");
        }
    }

    /**
     * A party: its identifier with the identifier's type.
     *
     * @param type       the identifier's type (required), e.g. {@code urn:de:xta:ebene:dvdv}
     * @param identifier the identifier, e.g. {@code ags:05315000}
     * @param name       a readable name, may be {@code null}
     * @param category   a category, may be {@code null}
     */
    public record Party(String type, String identifier, String name, String category) {
        /** Checks the components. */
        public Party {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(identifier, "identifier");
            attribute("type", type);
            attribute("name", name);
            attribute("category", category);
        }
    }

    /**
     * A value of a code list (XÖV {@code Code} type).
     *
     * @param code          the code
     * @param name          its name, may be {@code null}
     * @param listUri       the code list's URI
     * @param listVersionId the code list's version
     */
    public record Code(String code, String name, String listUri, String listVersionId) {
        /** Checks the components. */
        public Code {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(listUri, "listUri");
            Objects.requireNonNull(listVersionId, "listVersionId");
            attribute("listURI", listUri);
            attribute("listVersionID", listVersionId);
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MessageMetaData}. Not thread-safe. */
    public static final class Builder {
        private Instant origin;
        private Party author;
        private Party reader;
        private String messageId;
        private List<String> inReplyTo = List.of();
        private String subject;
        private String service;
        private Code businessScenario;
        private String businessScenarioUndefined;
        private Code messageType;
        private String payloadSchema;
        private Long msgSize;
        private boolean testMsg;

        private Builder() {
        }

        /**
         * @param t DeliveryAttributes/Origin
         * @return this builder
         */
        public Builder origin(Instant t) {
            this.origin = t;
            return this;
        }

        /**
         * @param p the author
         * @return this builder
         */
        public Builder author(Party p) {
            this.author = p;
            return this;
        }

        /**
         * @param p the reader
         * @return this builder
         */
        public Builder reader(Party p) {
            this.reader = p;
            return this;
        }

        /**
         * @param id the message id (a URI)
         * @return this builder
         */
        public Builder messageId(String id) {
            this.messageId = id;
            return this;
        }

        /**
         * @param ids the message ids answered
         * @return this builder
         */
        public Builder inReplyTo(String... ids) {
            this.inReplyTo = List.of(ids);
            return this;
        }

        /**
         * @param s the subject
         * @return this builder
         */
        public Builder subject(String s) {
            this.subject = s;
            return this;
        }

        /**
         * @param uri the service
         * @return this builder
         */
        public Builder service(String uri) {
            this.service = uri;
            return this;
        }

        /**
         * @param c the business scenario from a code list
         * @return this builder
         */
        public Builder businessScenario(Code c) {
            this.businessScenario = c;
            return this;
        }

        /**
         * @param s the business scenario not from a code list
         * @return this builder
         */
        public Builder businessScenarioUndefined(String s) {
            this.businessScenarioUndefined = s;
            return this;
        }

        /**
         * @param type          the message type
         * @param payloadSchema the namespace URI of the payload's schema
         * @return this builder
         */
        public Builder messageType(Code type, String payloadSchema) {
            this.messageType = type;
            this.payloadSchema = payloadSchema;
            return this;
        }

        /**
         * @param bytes MsgSize
         * @return this builder
         */
        public Builder msgSize(Long bytes) {
            this.msgSize = bytes;
            return this;
        }

        /**
         * @param test the TestMsg flag
         * @return this builder
         */
        public Builder testMsg(boolean test) {
            this.testMsg = test;
            return this;
        }

        /** @return the header */
        public MessageMetaData build() {
            return new MessageMetaData(origin, author, reader, messageId, inReplyTo, subject, service, businessScenario,
                    businessScenarioUndefined, messageType, payloadSchema, msgSize, testMsg);
        }
    }
}
