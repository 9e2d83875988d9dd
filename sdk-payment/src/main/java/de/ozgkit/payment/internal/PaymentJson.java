package de.ozgkit.payment.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.core.internal.Json;
import de.ozgkit.payment.InvalidPaymentFieldException;
import de.ozgkit.payment.PaymentInformation;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentMethod;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.Requestor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XBezahldienste 1.0.0 wire format, mapped with Jackson databind onto the records below: writes
 * {@code PaymentRequest} JSON and reads {@code PaymentTransaction} JSON. Field names as the standard
 * spells them ({@code grosAmount}, {@code transactionRedirectUrl}); amounts as JSON numbers with two
 * decimal places; timestamps as ISO 8601 in UTC.
 *
 * <p>Strict in what it writes, tolerant in what it reads: a field of the answer in a form the
 * standard does not allow is kept as text in {@link PaymentInformation#irregularFields()} with a
 * logged warning, unless the answer cannot be used without it (no transaction id, no known status)
 * or it would be dangerous (a paypage URL that is not http(s)): then the answer is refused.
 */
public final class PaymentJson {

    private static final Logger LOG = LoggerFactory.getLogger("de.ozgkit.payment");
    /** The standard's length for transaction ids; longer ones are read with a warning. */
    static final int STANDARD_TRANSACTION_ID = 44;

    private static final ObjectWriter REQUEST_WRITER = Json.mapper().writerFor(WireRequest.class)
            .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final ObjectReader TRANSACTION_READER = Json.mapper().readerFor(WireTransaction.class)
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final ObjectReader INFORMATION_ONLY_READER = Json.mapper().readerFor(WireInformationOnly.class);

    private PaymentJson() {
    }

    // ------------------------------------------------------------------------------ wire records

    /** {@code PaymentRequest} as the standard spells it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WireRequest(String requestId, String requestTimestamp, String currency, BigDecimal grosAmount, String purpose,
                       String description, String redirectUrl, List<WireItem> items, WireRequestor requestor) {
    }

    /** {@code items[]}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WireItem(String id, String reference, String description, BigDecimal taxRate, Integer quantity,
                    BigDecimal singleNetAmount, BigDecimal singleTaxAmount, BigDecimal totalNetAmount,
                    BigDecimal totalTaxAmount, @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> bookingData) {
    }

    /** {@code requestor}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WireRequestor(String name, String firstName, String gender,
                         @JsonProperty("isOrganization") Boolean isOrganization, String organizationName,
                         WireAddress address) {
    }

    /** {@code requestor.address}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WireAddress(String street, String houseNumber,
                       @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> addressLine, String postalCode,
                       String city, String country) {
    }

    /** {@code paymentInformation}: every member as text, read tolerantly afterwards. */
    record WireInformation(String transactionId, String transactionUrl, String transactionRedirectUrl,
                           String transactionReference, String transactionTimestamp, String paymentMethod,
                           String paymentMethodDetail, String status, String statusDetail) {
    }

    /** The {@code PaymentTransaction} answer. */
    record WireTransaction(WireInformation paymentInformation, WireRequest paymentRequest) {
    }

    /** The answer without its echo, for answers whose echo does not even fit the types. */
    record WireInformationOnly(WireInformation paymentInformation) {
    }

    // ------------------------------------------------------------------------------ writing

    /**
     * Writes a payment request.
     *
     * @param request the request
     * @return UTF-8 JSON
     */
    public static byte[] write(PaymentRequest request) {
        try {
            return REQUEST_WRITER.writeValueAsBytes(wire(request));
        } catch (JsonProcessingException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the payment request cannot be written as"
                    + " JSON: " + e.getOriginalMessage(), e, 0);
        }
    }

    static WireRequest wire(PaymentRequest r) {
        List<WireItem> items = new ArrayList<>(r.items().size());
        for (PaymentItem i : r.items()) {
            items.add(new WireItem(i.id(), i.reference(), i.description(), i.taxRate(), i.quantity(), i.singleNetAmount(),
                    i.singleTaxAmount(), i.totalNetAmount(), i.totalTaxAmount(), i.bookingData()));
        }
        WireRequestor requestor = null;
        if (r.requestor() != null) {
            Requestor q = r.requestor();
            Requestor.Address a = q.address();
            requestor = new WireRequestor(q.name(), q.firstName(), q.gender() == null ? null : q.gender().code(),
                    q.isOrganization(), q.organizationName(), a == null ? null : new WireAddress(a.street(),
                    a.houseNumber(), a.addressLines(), a.postalCode(), a.city(), a.country()));
        }
        return new WireRequest(r.requestId(), DateTimeFormatter.ISO_INSTANT.format(r.requestTimestamp()), r.currency(),
                r.grosAmount(), r.purpose(), r.description(), r.redirectUrl(), items, requestor);
    }

    // ------------------------------------------------------------------------------ reading

    /**
     * Reads a {@code PaymentTransaction} answer.
     *
     * @param body the response body
     * @param base the URI the answer came from; a relative paypage URL is resolved against it
     * @return the transaction
     * @throws OzgClientException of kind PROTOCOL when the body is not a usable PaymentTransaction
     */
    public static PaymentTransaction readTransaction(byte[] body, URI base) {
        return readTransaction(() -> new ByteArrayInputStream(body), base);
    }

    /**
     * Reads a {@code PaymentTransaction} answer straight from the response, without copying its body.
     *
     * @param response the response
     * @param base     the URI the answer came from; a relative paypage URL is resolved against it
     * @return the transaction
     * @throws OzgClientException of kind PROTOCOL when the body is not a usable PaymentTransaction
     */
    public static PaymentTransaction readTransaction(HttpResponse response, URI base) {
        return readTransaction(response::bodyStream, base);
    }

    private static PaymentTransaction readTransaction(Supplier<InputStream> body, URI base) {
        WireInformation info;
        WireRequest echo;
        try {
            WireTransaction t = TRANSACTION_READER.readValue(body.get());
            info = t == null ? null : t.paymentInformation();
            echo = t == null ? null : t.paymentRequest();
        } catch (IOException e) {
            // an echo that does not even fit the types is left out; the rest must be readable
            try {
                WireInformationOnly only = INFORMATION_ONLY_READER.readValue(body.get());
                info = only == null ? null : only.paymentInformation();
                echo = null;
            } catch (IOException e2) {
                throw protocol("the answer is not a valid PaymentTransaction JSON object ("
                        + e2.getClass().getSimpleName() + ")");
            }
        }
        if (info == null) {
            throw protocol("the answer has no paymentInformation object");
        }
        return new PaymentTransaction(information(info, base), request(echo));
    }

    private static PaymentInformation information(WireInformation w, URI base) {
        String id = w.transactionId();
        if (id == null || id.isBlank() || id.length() > Limits.MAX_TRANSACTION_ID
                || id.chars().anyMatch(Character::isISOControl) || id.chars().allMatch(c -> c == '.')) {
            throw protocol("paymentInformation.transactionId is missing, blank, longer than " + Limits.MAX_TRANSACTION_ID
                    + " characters, dots only or holds control characters; it cannot be used to ask for the status");
        }
        if (id.length() > STANDARD_TRANSACTION_ID) {
            LOG.warn("the payment provider sent a transactionId of {} characters (the standard allows {}); it is kept"
                    + " as sent", id.length(), STANDARD_TRANSACTION_ID);
        }
        PaymentStatus status = PaymentStatus.lookup(w.status()).orElseThrow(() -> protocol(
                "paymentInformation.status is missing or not one of INITIAL, PAYED, CANCELED, FAILED"));
        PaymentInformation.Builder b = PaymentInformation.builder(id, status)
                .statusDetail(w.statusDetail())
                .transactionReference(w.transactionReference())
                .paymentMethodDetail(w.paymentMethodDetail())
                .transactionRedirectUrl(paypage(w.transactionRedirectUrl(), base));
        String url = w.transactionUrl();
        if (url != null && !url.isBlank()) {
            URI u = absoluteHttp(url);
            if (u != null) {
                b.transactionUrl(u);
            } else {
                irregular(b, "transactionUrl", url, "is not an absolute http(s) URL");
            }
        }
        String ts = w.transactionTimestamp();
        if (ts != null && !ts.isBlank()) {
            Instant at = timestampOrNull(ts);
            if (at != null) {
                b.transactionTimestamp(at);
            } else {
                irregular(b, "transactionTimestamp", ts, "is not an ISO 8601 date-time");
            }
        }
        String method = w.paymentMethod();
        if (method != null && !method.isBlank()) {
            PaymentMethod m = PaymentMethod.lookup(method).orElse(null);
            if (m == null) {
                irregular(b, "paymentMethod", method, "is not one of the standard's methods; read as OTHER");
                m = PaymentMethod.OTHER;
            }
            b.paymentMethod(m);
        }
        return b.build();
    }

    private static void irregular(PaymentInformation.Builder b, String field, String value, String why) {
        LOG.warn("the payment provider's paymentInformation.{} {}; it is kept as text in irregularFields", field, why);
        b.irregularField(field, value);
    }

    /** The paypage: an absolute http(s) URL, or a relative one resolved against the answer's URI; anything else is refused. */
    private static URI paypage(String text, URI base) {
        if (text == null || text.isBlank()) {
            return null;
        }
        URI u;
        try {
            u = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw protocol("paymentInformation.transactionRedirectUrl (the paypage) is not a valid URL; the citizen is not"
                    + " sent there");
        }
        if (!u.isAbsolute() && base != null) {
            u = base.resolve(u);
            LOG.warn("the payment provider sent a relative paypage URL (transactionRedirectUrl); it was resolved"
                    + " against the provider's address");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw protocol("paymentInformation.transactionRedirectUrl (the paypage) is not an absolute http or https URL"
                    + (scheme.isEmpty() ? "" : " (scheme \"" + scheme.replaceAll("[^a-z0-9+.-]", "?") + "\")")
                    + "; the citizen is not sent there");
        }
        return u;
    }

    private static URI absoluteHttp(String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            return u.isAbsolute() && u.getHost() != null && (scheme.equals("http") || scheme.equals("https")) ? u : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The echoed request, checked against the standard's rules; {@code null} when absent or not valid. */
    private static PaymentRequest request(WireRequest w) {
        if (w == null) {
            return null;
        }
        try {
            List<PaymentItem> items = new ArrayList<>();
            if (w.items() != null) {
                for (WireItem i : w.items()) {
                    items.add(new PaymentItem(i.id(), i.reference(), i.description(), i.taxRate(),
                            i.quantity() == null ? 1 : i.quantity(), i.singleNetAmount(), i.singleTaxAmount(),
                            i.totalNetAmount(), i.totalTaxAmount(), i.bookingData()));
                }
            }
            Requestor requestor = null;
            if (w.requestor() != null) {
                WireRequestor q = w.requestor();
                WireAddress a = q.address();
                requestor = new Requestor(q.name(), q.firstName(),
                        q.gender() == null ? null : Requestor.Gender.fromCode(q.gender()),
                        Boolean.TRUE.equals(q.isOrganization()), q.organizationName(), a == null ? null
                        : new Requestor.Address(a.street(), a.houseNumber(), a.addressLine(), a.postalCode(), a.city(),
                                a.country()));
            }
            Instant ts = w.requestTimestamp() == null ? null : timestampOrNull(w.requestTimestamp());
            return new PaymentRequest(w.requestId(), ts, w.currency(), w.grosAmount(), w.purpose(), w.description(),
                    w.redirectUrl(), items, requestor);
        } catch (InvalidPaymentFieldException | de.ozgkit.core.UnknownCodeException e) {
            // the echo is informational; one the standard's rules reject is left out
            return null;
        }
    }

    /**
     * Reads an ISO 8601 timestamp: with offset or {@code Z}, or without (then taken as UTC).
     *
     * @param text the text
     * @return the instant, {@code null} when the text is not such a timestamp
     */
    static Instant timestampOrNull(String text) {
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
                return null;
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
