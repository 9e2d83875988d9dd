package de.ozgkit.payment.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.internal.Json;
import de.ozgkit.payment.PaymentInformation;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentMethod;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.Requestor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

/**
 * The XBezahldienste 1.0.0 wire format: writes {@code PaymentRequest} JSON and reads
 * {@code PaymentTransaction} JSON. Field names as the standard spells them ({@code grosAmount},
 * {@code endPointId}, {@code transactionRedirectUrl}); amounts as JSON numbers with two decimal
 * places; timestamps as ISO 8601 in UTC.
 */
public final class PaymentJson {

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private PaymentJson() {
    }

    /**
     * Writes a payment request.
     *
     * @param request the request
     * @return UTF-8 JSON
     */
    public static byte[] write(PaymentRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + 256 * request.items().size());
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("requestId", request.requestId());
            g.writeStringField("requestTimestamp", DateTimeFormatter.ISO_INSTANT.format(request.requestTimestamp()));
            g.writeStringField("currency", request.currency());
            g.writeFieldName("grosAmount");
            g.writeNumber(request.grosAmount());
            if (request.purpose().isPresent()) {
                g.writeStringField("purpose", request.purpose().get());
            }
            if (request.description().isPresent()) {
                g.writeStringField("description", request.description().get());
            }
            g.writeStringField("redirectUrl", request.redirectUrl());
            g.writeArrayFieldStart("items");
            for (PaymentItem item : request.items()) {
                writeItem(g, item);
            }
            g.writeEndArray();
            if (request.requestor().isPresent()) {
                writeRequestor(g, request.requestor().get());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    private static void writeItem(JsonGenerator g, PaymentItem item) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", item.id());
        if (item.reference().isPresent()) {
            g.writeStringField("reference", item.reference().get());
        }
        if (item.description().isPresent()) {
            g.writeStringField("description", item.description().get());
        }
        if (item.taxRate().isPresent()) {
            g.writeFieldName("taxRate");
            g.writeNumber(item.taxRate().get());
        }
        g.writeNumberField("quantity", item.quantity());
        if (item.singleNetAmount().isPresent()) {
            g.writeFieldName("singleNetAmount");
            g.writeNumber(item.singleNetAmount().get());
        }
        if (item.singleTaxAmount().isPresent()) {
            g.writeFieldName("singleTaxAmount");
            g.writeNumber(item.singleTaxAmount().get());
        }
        g.writeFieldName("totalNetAmount");
        g.writeNumber(item.totalNetAmount());
        g.writeFieldName("totalTaxAmount");
        g.writeNumber(item.totalTaxAmount());
        if (!item.bookingData().isEmpty()) {
            g.writeObjectFieldStart("bookingData");
            for (Map.Entry<String, String> e : item.bookingData().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeRequestor(JsonGenerator g, Requestor r) throws IOException {
        g.writeObjectFieldStart("requestor");
        writeOptional(g, "name", r.name().orElse(null));
        writeOptional(g, "firstName", r.firstName().orElse(null));
        if (r.gender().isPresent()) {
            g.writeStringField("gender", r.gender().get().name());
        }
        g.writeBooleanField("isOrganization", r.isOrganization());
        writeOptional(g, "organizationName", r.organizationName().orElse(null));
        if (r.address().isPresent()) {
            Requestor.Address a = r.address().get();
            g.writeObjectFieldStart("address");
            writeOptional(g, "street", a.street().orElse(null));
            writeOptional(g, "houseNumber", a.houseNumber().orElse(null));
            if (!a.addressLines().isEmpty()) {
                g.writeArrayFieldStart("addressLine");
                for (String line : a.addressLines()) {
                    g.writeString(line);
                }
                g.writeEndArray();
            }
            writeOptional(g, "postalCode", a.postalCode().orElse(null));
            writeOptional(g, "city", a.city().orElse(null));
            writeOptional(g, "country", a.country().orElse(null));
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeOptional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /**
     * Reads a {@code PaymentTransaction} answer. The payment information is read at once with a
     * streaming parser; the echoed payment request is kept as bytes and read (and checked against
     * the standard's rules) only when {@link PaymentTransaction#request()} is first called. An echo
     * that breaks the rules is left out.
     *
     * @param body the response body
     * @return the transaction
     * @throws OzgClientException of kind PROTOCOL when the body is not a valid PaymentTransaction
     */
    public static PaymentTransaction readTransaction(byte[] body) {
        PaymentInformation information = null;
        boolean echo = false;
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw protocol("the answer is not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("paymentInformation")) {
                    if (value != JsonToken.START_OBJECT) {
                        throw protocol("the answer has no paymentInformation object");
                    }
                    information = readInformation(p);
                } else {
                    echo |= name.equals("paymentRequest") && value == JsonToken.START_OBJECT;
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw protocol("the answer is not a single JSON object");
            }
        } catch (IOException e) {
            throw protocol("the answer is not valid JSON");
        }
        if (information == null) {
            throw protocol("the answer has no paymentInformation object");
        }
        if (!echo) {
            return new PaymentTransaction(information, null);
        }
        return PaymentAccess.transaction(information, () -> readEcho(body));
    }

    /** Reads the echoed request from a complete (already checked) answer; null when it breaks the rules. */
    private static PaymentRequest readEcho(byte[] body) {
        try {
            JsonNode req = READER.readTree(body).get("paymentRequest");
            return req != null && req.isObject() ? readRequest(req) : null;
        } catch (IOException | IllegalArgumentException | OzgClientException e) {
            // the echo is informational; one the standard's rules reject is left out
            return null;
        }
    }

    private static PaymentInformation readInformation(JsonParser p) throws IOException {
        String transactionId = null;
        String status = null;
        String statusDetail = null;
        String transactionUrl = null;
        String redirectUrl = null;
        String reference = null;
        String timestamp = null;
        String method = null;
        String methodDetail = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            String text = value == JsonToken.VALUE_STRING ? p.getText() : null;
            if (text == null) {
                p.skipChildren();
                if (name.equals("transactionId") && value != JsonToken.VALUE_NULL) {
                    throw protocol("paymentInformation.transactionId is not a text");
                }
                continue;
            }
            switch (name) {
                case "transactionId" -> transactionId = text;
                case "status" -> status = text;
                case "statusDetail" -> statusDetail = text;
                case "transactionUrl" -> transactionUrl = text;
                case "transactionRedirectUrl" -> redirectUrl = text;
                case "transactionReference" -> reference = text;
                case "transactionTimestamp" -> timestamp = text;
                case "paymentMethod" -> method = text;
                case "paymentMethodDetail" -> methodDetail = text;
                default -> { }
            }
        }
        if (transactionId == null || transactionId.isBlank() || transactionId.length() > 44) {
            throw protocol("paymentInformation.transactionId is missing or not 1 to 44 characters");
        }
        PaymentStatus parsed;
        try {
            parsed = PaymentStatus.fromCode(status);
        } catch (IllegalArgumentException e) {
            throw protocol("paymentInformation.status is missing or unknown; " + e.getMessage());
        }
        PaymentInformation.Builder b = PaymentInformation.builder(transactionId, parsed)
                .statusDetail(statusDetail)
                .transactionUrl(uri("transactionUrl", transactionUrl))
                .transactionRedirectUrl(uri("transactionRedirectUrl", redirectUrl))
                .transactionReference(reference)
                .paymentMethodDetail(methodDetail);
        if (timestamp != null) {
            b.transactionTimestamp(timestamp(timestamp, "paymentInformation.transactionTimestamp"));
        }
        if (method != null && !method.isBlank()) {
            PaymentMethod m;
            try {
                m = PaymentMethod.fromCode(method);
            } catch (IllegalArgumentException e) {
                m = PaymentMethod.OTHER;
            }
            b.paymentMethod(m);
        }
        return b.build();
    }

    private static PaymentRequest readRequest(JsonNode r) {
        PaymentRequest.Builder b = PaymentRequest.builder()
                .requestId(text(r, "requestId"))
                .currency(text(r, "currency"))
                .grosAmount(decimal(r, "grosAmount"))
                .purpose(text(r, "purpose"))
                .description(text(r, "description"))
                .redirectUrl(text(r, "redirectUrl"));
        String ts = text(r, "requestTimestamp");
        if (ts != null) {
            b.requestTimestamp(timestamp(ts, "paymentRequest.requestTimestamp"));
        }
        JsonNode items = r.get("items");
        if (items != null && items.isArray()) {
            for (JsonNode i : items) {
                PaymentItem.Builder ib = PaymentItem.builder()
                        .id(text(i, "id"))
                        .reference(text(i, "reference"))
                        .description(text(i, "description"))
                        .taxRate(decimal(i, "taxRate"))
                        .singleNetAmount(decimal(i, "singleNetAmount"))
                        .singleTaxAmount(decimal(i, "singleTaxAmount"))
                        .totalNetAmount(decimal(i, "totalNetAmount"))
                        .totalTaxAmount(decimal(i, "totalTaxAmount"));
                JsonNode q = i.get("quantity");
                if (q != null && q.canConvertToInt()) {
                    ib.quantity(q.intValue());
                }
                JsonNode booking = i.get("bookingData");
                if (booking != null && booking.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = booking.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        if (e.getValue().isTextual()) {
                            ib.bookingData(e.getKey(), e.getValue().textValue());
                        }
                    }
                }
                b.item(ib.build());
            }
        }
        JsonNode req = r.get("requestor");
        if (req != null && req.isObject()) {
            Requestor.Builder rb = Requestor.builder()
                    .name(text(req, "name"))
                    .firstName(text(req, "firstName"))
                    .organization(req.path("isOrganization").asBoolean(false))
                    .organizationName(text(req, "organizationName"));
            String gender = text(req, "gender");
            if (gender != null) {
                rb.gender(Requestor.Gender.fromCode(gender));
            }
            JsonNode a = req.get("address");
            if (a != null && a.isObject()) {
                Requestor.AddressBuilder ab = Requestor.Address.builder()
                        .street(text(a, "street"))
                        .houseNumber(text(a, "houseNumber"))
                        .postalCode(text(a, "postalCode"))
                        .city(text(a, "city"))
                        .country(text(a, "country"));
                JsonNode lines = a.get("addressLine");
                if (lines != null && lines.isArray()) {
                    for (JsonNode l : lines) {
                        if (l.isTextual()) {
                            ab.addressLine(l.textValue());
                        }
                    }
                }
                rb.address(ab.build());
            }
            b.requestor(rb.build());
        }
        return b.build();
    }

    private static String text(JsonNode node, String name) {
        JsonNode n = node.get(name);
        return n != null && n.isTextual() ? n.textValue() : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        JsonNode n = node.get(name);
        return n != null && n.isNumber() ? n.decimalValue() : null;
    }

    private static URI uri(String name, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(s);
            if (!uri.isAbsolute()) {
                throw protocol("paymentInformation." + name + " is not an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw protocol("paymentInformation." + name + " is not a valid URL");
        }
    }

    /**
     * Reads an ISO 8601 timestamp: with offset or {@code Z}, or without (then taken as UTC).
     *
     * @param text  the text
     * @param field the field for the message
     * @return the instant
     */
    static Instant timestamp(String text, String field) {
        Instant fast = utcFast(text);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw protocol(field + " is not an ISO 8601 date-time");
            }
        }
    }

    /**
     * Reads the usual form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} without the general formatter,
     * which costs more than the rest of an answer; {@code null} for any other form.
     */
    static Instant utcFast(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T'
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            if (t.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                return null;
            }
            int digits = digits(t, 20, n - 1);
            if (digits < 0) {
                return null;
            }
            nanos = digits;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static OzgClientException protocol(String what) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, "the payment provider's answer cannot be read: "
                + what + ". Check the base URI (it must be the provider's XBezahldienste {base}) or contact the provider",
                null, 0);
    }
}
