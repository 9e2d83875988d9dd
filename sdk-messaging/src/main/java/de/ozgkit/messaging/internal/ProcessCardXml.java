package de.ozgkit.messaging.internal;

import de.ozgkit.messaging.Inspection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciCheck;
import de.ozgkit.messaging.OsciException;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.SignedEvidence;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** Writes and reads {@code osci:ProcessCardBundle} and OSCI timestamps. */
public final class ProcessCardXml {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX");

    private ProcessCardXml() {
    }

    /**
     * @param t an instant
     * @return it as an OSCI date-time in UTC with milliseconds
     */
    public static String format(Instant t) {
        return FORMAT.format(t.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /**
     * @param s an xsd:dateTime
     * @return the instant (a date-time without offset is taken as UTC)
     * @throws OsciException of check STRUCTURE when malformed
     */
    public static Instant parse(String s) {
        String t = s.trim();
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new OsciException(OsciCheck.STRUCTURE, "\"" + t + "\" is not an xsd:dateTime", e2);
            }
        }
    }

    /**
     * Writes a bundle.
     *
     * @param card the card (its evidence is ignored)
     * @return the {@code osci:ProcessCardBundle} element
     */
    public static String write(ProcessCard card) {
        StringBuilder sb = new StringBuilder(2048).append("<osci:ProcessCardBundle><osci:MessageId>")
                .append(Headers.encodeMessageId(card.messageId().value())).append("</osci:MessageId><osci:ProcessCard RecentModification=\"")
                .append(format(card.recentModification())).append("\">");
        timestamp(sb, "Creation", card.creation());
        timestamp(sb, "Forwarding", card.forwarding());
        timestamp(sb, "Reception", card.reception());
        if (card.subject() != null) {
            OsciXml.text(sb.append("<osci:Subject>"), card.subject()).append("</osci:Subject>");
        }
        sb.append("</osci:ProcessCard><osci:InspectionReport>");
        for (Inspection i : card.inspections()) {
            sb.append("<osci:Inspection>");
            timestamp(sb, "Timestamp", i.timestamp());
            OsciXml.text(sb.append("<osci:X509SubjectName>"), i.subject()).append("</osci:X509SubjectName>");
            OsciXml.text(sb.append("<osci:X509IssuerName>"), i.issuer()).append("</osci:X509IssuerName>");
            sb.append("<osci:X509SerialNumber>").append(i.serialNumber()).append("</osci:X509SerialNumber>");
            sb.append("<osci:CertType Type=\"").append(i.certType().code()).append("\"></osci:CertType>");
            sb.append("<osci:MathResult Result=\"").append(i.mathResult().code()).append("\"></osci:MathResult>");
            sb.append("<osci:OfflineResult Result=\"").append(i.offlineResult().code()).append("\"></osci:OfflineResult>");
            if (i.onlineResult() != null) {
                sb.append("<osci:OnlineResult Result=\"").append(i.onlineResult().code()).append("\"></osci:OnlineResult>");
            }
            sb.append("</osci:Inspection>");
        }
        return sb.append("</osci:InspectionReport></osci:ProcessCardBundle>").toString();
    }

    private static void timestamp(StringBuilder sb, String name, Instant t) {
        if (t != null) {
            sb.append("<osci:").append(name).append("><osci:Plain>").append(format(t)).append("</osci:Plain></osci:")
                    .append(name).append('>');
        }
    }

    /**
     * Reads a bundle.
     *
     * @param bundle   the {@code osci:ProcessCardBundle} element
     * @param evidence the signed evidence, may be {@code null}
     * @return the card
     * @throws OsciException of check STRUCTURE when malformed
     */
    public static ProcessCard read(Element bundle, SignedEvidence evidence) {
        MessageId id = new MessageId(Headers.decodeMessageId(Dom.text(Dom.one(bundle, OsciXml.OSCI, "MessageId"))));
        Element card = Dom.one(bundle, OsciXml.OSCI, "ProcessCard");
        Instant recent = parse(card.getAttribute("RecentModification"));
        Instant creation = timestamp(card, "Creation");
        Instant forwarding = timestamp(card, "Forwarding");
        Instant reception = timestamp(card, "Reception");
        String subject = Dom.optional(card, OsciXml.OSCI, "Subject").map(Dom::text).orElse(null);
        List<Inspection> inspections = new ArrayList<>();
        for (Element i : Dom.children(Dom.one(bundle, OsciXml.OSCI, "InspectionReport"), OsciXml.OSCI, "Inspection")) {
            inspections.add(new Inspection(timestamp(i, "Timestamp"),
                    Dom.text(Dom.one(i, OsciXml.OSCI, "X509SubjectName")),
                    Dom.text(Dom.one(i, OsciXml.OSCI, "X509IssuerName")),
                    new BigInteger(Dom.text(Dom.one(i, OsciXml.OSCI, "X509SerialNumber")).trim()),
                    Inspection.CertType.fromCode(Dom.one(i, OsciXml.OSCI, "CertType").getAttribute("Type")),
                    Inspection.MathResult.fromCode(Dom.one(i, OsciXml.OSCI, "MathResult").getAttribute("Result")),
                    Inspection.OfflineResult.fromCode(Dom.one(i, OsciXml.OSCI, "OfflineResult").getAttribute("Result")),
                    Dom.optional(i, OsciXml.OSCI, "OnlineResult").map(o -> Inspection.OnlineResult.fromCode(o.getAttribute("Result")))
                            .orElse(null)));
        }
        return new ProcessCard(id, recent, creation, forwarding, reception, subject, inspections, evidence);
    }

    private static Instant timestamp(Element parent, String name) {
        return Dom.optional(parent, OsciXml.OSCI, name).map(t -> {
            Element plain = Dom.optional(t, OsciXml.OSCI, "Plain").orElseThrow(() -> new OsciException(OsciCheck.STRUCTURE,
                    "the " + name + " timestamp is cryptographic; only plain timestamps are supported"));
            return parse(Dom.text(plain));
        }).orElse(null);
    }

    /**
     * Inspects a certificate without trust anchors: validity period only.
     *
     * @param certificate the certificate
     * @param now         the time of inspection
     * @return the inspection
     */
    public static Inspection inspect(X509Certificate certificate, Instant now) {
        boolean inPeriod = !now.isBefore(certificate.getNotBefore().toInstant()) && !now.isAfter(certificate.getNotAfter().toInstant());
        boolean selfSigned = certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
        Inspection.MathResult math = Inspection.MathResult.INDETERMINATE;
        if (selfSigned) {
            try {
                certificate.verify(certificate.getPublicKey());
                math = Inspection.MathResult.OK;
            } catch (java.security.GeneralSecurityException e) {
                math = Inspection.MathResult.CORRUPTED;
            }
        }
        return new Inspection(now, certificate.getSubjectX500Principal().getName(), certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber(), Inspection.CertType.UNKNOWN, math,
                inPeriod ? Inspection.OfflineResult.VALID : Inspection.OfflineResult.INVALID, null);
    }
}
