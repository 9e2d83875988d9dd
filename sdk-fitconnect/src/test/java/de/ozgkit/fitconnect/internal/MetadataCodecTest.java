package de.ozgkit.fitconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import de.ozgkit.fitconnect.ReplyChannel;
import de.ozgkit.fitconnect.ServiceType;
import de.ozgkit.fitconnect.SubmissionSchema;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Metadata written and read for both schema versions, checked against the official schemas. */
class MetadataCodecTest {

    static final String HOSTILE = "\u0000\u0007\r\n\t\"\\ \u1E9E \uD83D\uDE00 </x>";
    static final String HASH = "ab".repeat(64);
    static final Metadata.DataDescription DATA = new Metadata.DataDescription(HASH,
            new SubmissionSchema(URI.create("https://schema.example.org/a.json"), "application/json"));
    static final List<Metadata.AttachmentDescription> ATTACHMENTS = List.of(new Metadata.AttachmentDescription(
            UUID.randomUUID(), HASH, AttachmentPurpose.ATTACHMENT, "application/pdf", HOSTILE, HOSTILE));
    static final ServiceType SERVICE = ServiceType.leika("Test", "99108008252000");

    @Test
    void v2_writesAndReadsEveryTypedPart_withHostileText() {
        PaymentInformation pay = new PaymentInformation("TX-1", HOSTILE, URI.create("https://pay.example.org/tx/1"),
                OffsetDateTime.parse("2024-02-29T23:59:59+01:00"), PaymentMethod.INVOICE, "Rechnung-1",
                PaymentStatus.INITIAL, new BigDecimal("0.01"));
        Author author = new Author(HOSTILE, HOSTILE, "https://x.example.org", new Author.Product("p", null, "1", "m"));
        AdditionalReferenceInfo refs = new AdditionalReferenceInfo(HOSTILE, LocalDate.of(2024, 1, 31), UUID.randomUUID(), true);
        for (ReplyChannel reply : List.of(new ReplyChannel.EMail("a@example.org", null), new ReplyChannel.DeMail("b@example.de-mail.de"),
                new ReplyChannel.Elster("1234567890", "t", "GZ-1"), new ReplyChannel.IdBundDeMailbox(UUID.randomUUID()),
                new ReplyChannel.Fink("hh/by/1", null))) {
            Metadata written = MetadataCodec.write(MetadataVersion.V2, DATA, ATTACHMENTS, SERVICE, pay, reply, author, refs);
            Metadata read = MetadataCodec.read(written.json().getBytes(StandardCharsets.UTF_8));
            assertThat(read.version()).isEqualTo(MetadataVersion.V2);
            assertThat(read.data()).isEqualTo(DATA);
            assertThat(read.attachments()).isEqualTo(ATTACHMENTS);
            assertThat(read.paymentInformation()).isEqualTo(pay);
            assertThat(read.replyChannel()).isEqualTo(reply);
            assertThat(read.author()).isEqualTo(author);
            assertThat(read.additionalReferenceInfo()).isEqualTo(refs);
            assertThat(read.publicServiceType()).isNull();
        }
    }

    @Test
    void v1_keepsServiceType_andRefusesWhatOnly2xKnows() {
        Metadata m = MetadataCodec.write(MetadataVersion.V1, null, ATTACHMENTS, SERVICE, null, null, null, null);
        Metadata read = MetadataCodec.read(m.json().getBytes(StandardCharsets.UTF_8));
        assertThat(read.version()).isEqualTo(MetadataVersion.V1);
        assertThat(read.publicServiceType()).isEqualTo(SERVICE);
        assertThat(read.data()).isNull();
        assertThatThrownBy(() -> MetadataCodec.write(MetadataVersion.V1, DATA, ATTACHMENTS, SERVICE, null,
                new ReplyChannel.IdBundDeMailbox(UUID.randomUUID()), null, null))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("2.x only");
        assertThatThrownBy(() -> MetadataCodec.write(MetadataVersion.V2, null, ATTACHMENTS, SERVICE, null, null, null, null))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("requires specialist data");
    }

    @Test
    void xbezahldiensteTransaction_isLinked() {
        PaymentInformation p = PaymentInformation.ofXBezahldienste("abc-123", null, "", null, "creditcard", "PAYED",
                new BigDecimal("12.5"));
        assertThat(p.status()).isEqualTo(PaymentStatus.BOOKED);
        assertThat(p.paymentMethod()).isEqualTo(PaymentMethod.CREDITCARD);
        assertThat(p.transactionReference()).isEqualTo("abc-123");
        assertThat(p.grossAmount()).isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> PaymentInformation.ofXBezahldienste("a", null, "r", null, null, "TIMEOUT", null))
                .isInstanceOf(InvalidSubmissionException.class);
        assertThatThrownBy(() -> PaymentInformation.ofXBezahldienste("a b", null, "r", null, null, "PAYED", null))
                .isInstanceOf(InvalidSubmissionException.class).hasMessageContaining("transactionId");
    }

    static void refused(String json, Check check) {
        assertThatThrownBy(() -> MetadataCodec.read(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FitConnectVerificationException.class, e -> assertThat(e.check()).isEqualTo(check));
    }

    @Test
    void hostileMetadata_isRefusedWithTheFailedCheck() {
        refused("", Check.METADATA_SYNTAX);
        refused("[]", Check.METADATA_SYNTAX);
        refused("{\"a\":1,\"a\":2}", Check.METADATA_SYNTAX);
        refused("{\"contentStructure\":{\"attachments\":[]}} trailing", Check.METADATA_SYNTAX);
        refused("[".repeat(100_000), Check.METADATA_SYNTAX);
        refused("{\"$schema\":42}", Check.METADATA_VERSION);
        refused("{\"$schema\":\"https://evil.example.org/metadata/1.0.0/metadata.schema.json\"}", Check.METADATA_VERSION);
        refused("{}", Check.METADATA_SCHEMA);
        refused("{\"contentStructure\":{\"attachments\":[{\"attachmentId\":\"not-a-uuid-at-all-but-long-enough-xx\","
                + "\"hash\":{\"type\":\"sha512\",\"content\":\"" + HASH + "\"},\"purpose\":\"form\",\"mimeType\":\"a/b\"}]}}",
                Check.METADATA_SCHEMA);
        refused("{\"contentStructure\":{\"attachments\":[]},\"replyChannel\":{\"eMail\":{\"address\":\"a@b.de\"},"
                + "\"deMail\":{\"address\":\"c@d.de\"}}}", Check.METADATA_SCHEMA);
    }
}
