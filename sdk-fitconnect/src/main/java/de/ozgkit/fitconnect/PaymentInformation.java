package de.ozgkit.fitconnect;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Payment information of a submission ({@code paymentInformation} in the metadata): the
 * XBezahldienste transaction the online service created for the fee, so that the authority can
 * reconcile it.
 *
 * <p>Link a transaction of {@code sdk-payment} (or any XBezahldienste client) with
 * {@link #ofXBezahldienste}; this module does not depend on {@code sdk-payment}:
 *
 * <pre>{@code
 * PaymentTransaction tx = payments.awaitFinalStatus(id, Duration.ofMinutes(15));
 * PaymentInformation pi = PaymentInformation.ofXBezahldienste(
 *         tx.paymentInformation().transactionId(), tx.paymentInformation().transactionUrl(),
 *         tx.paymentInformation().transactionReference(), tx.paymentInformation().transactionTimestamp(),
 *         tx.paymentInformation().paymentMethod().name(), tx.status().name(), tx.paymentRequest().grosAmount());
 * }</pre>
 *
 * @param transactionId        the provider's transaction id, 1..36 characters {@code [\w\d-]}
 * @param transactionReference payment reference such as the Kassenzeichen
 * @param transactionUrl       the transaction's REST URL for status queries, may be {@code null}
 * @param transactionTimestamp when the payment succeeded, may be {@code null}
 * @param paymentMethod        the method the citizen chose
 * @param paymentMethodDetail  more about the method (1..36 characters {@code [\w\d-]}), may be {@code null}
 * @param status               the payment status
 * @param grossAmount          the gross amount (at least 0.01, two decimals), may be {@code null}
 */
public record PaymentInformation(String transactionId, String transactionReference, URI transactionUrl,
                                 OffsetDateTime transactionTimestamp, PaymentMethod paymentMethod,
                                 String paymentMethodDetail, PaymentStatus status, BigDecimal grossAmount) {

    private static final Pattern ID = Pattern.compile("^[\\w\\d-]{1,36}$");

    /** Checks the values against the metadata schema's rules. */
    public PaymentInformation {
        Objects.requireNonNull(transactionId, "transactionId");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(status, "status");
        if (!ID.matcher(transactionId).matches()) {
            throw new InvalidSubmissionException("paymentInformation.transactionId must be 1 to 36 characters of"
                    + " letters, digits, '_' or '-', was " + transactionId.length() + " characters");
        }
        if (paymentMethodDetail != null && !ID.matcher(paymentMethodDetail).matches()) {
            throw new InvalidSubmissionException("paymentInformation.paymentMethodDetail must be 1 to 36 characters of"
                    + " letters, digits, '_' or '-'");
        }
        if (grossAmount != null && (grossAmount.compareTo(new BigDecimal("0.01")) < 0
                || grossAmount.stripTrailingZeros().scale() > 2)) {
            throw new InvalidSubmissionException("paymentInformation.grossAmount must be at least 0.01 with at most"
                    + " two decimal places, was " + grossAmount.toPlainString());
        }
    }

    /**
     * Links an XBezahldienste 1.0.0 transaction: maps the provider's status ({@code PAYED} becomes
     * {@link PaymentStatus#BOOKED}) and payment method codes.
     *
     * @param transactionId        {@code paymentInformation.transactionId} of the transaction
     * @param transactionUrl       its {@code transactionUrl}, may be {@code null}
     * @param transactionReference its {@code transactionReference} (e.g. Kassenzeichen)
     * @param transactionTimestamp its {@code transactionTimestamp}, may be {@code null}
     * @param paymentMethod        its {@code paymentMethod} code (GIROPAY, PAYDIRECT, CREDITCARD, PAYPAL,
     *                             OTHER), may be {@code null} while unpaid (then OTHER)
     * @param xbezahldiensteStatus its status code: INITIAL, PAYED, CANCELED or FAILED
     * @param grossAmount          the request's {@code grosAmount}, may be {@code null}
     * @return the payment information
     * @throws InvalidSubmissionException for an unknown status or a value out of the schema's range
     */
    public static PaymentInformation ofXBezahldienste(String transactionId, URI transactionUrl,
                                                      String transactionReference, OffsetDateTime transactionTimestamp,
                                                      String paymentMethod, String xbezahldiensteStatus,
                                                      BigDecimal grossAmount) {
        PaymentStatus status = switch (Objects.requireNonNull(xbezahldiensteStatus, "xbezahldiensteStatus")
                .toUpperCase(Locale.ROOT)) {
            case "INITIAL" -> PaymentStatus.INITIAL;
            case "PAYED" -> PaymentStatus.BOOKED;
            case "CANCELED" -> PaymentStatus.CANCELED;
            case "FAILED" -> PaymentStatus.FAILED;
            default -> throw new InvalidSubmissionException("XBezahldienste status must be INITIAL, PAYED, CANCELED or"
                    + " FAILED, was " + xbezahldiensteStatus);
        };
        PaymentMethod method = paymentMethod == null ? PaymentMethod.OTHER
                : PaymentMethod.lookup(paymentMethod.toUpperCase(Locale.ROOT)).orElse(PaymentMethod.OTHER);
        String reference = transactionReference == null || transactionReference.isEmpty()
                ? transactionId : transactionReference;
        return new PaymentInformation(transactionId, reference, transactionUrl, transactionTimestamp, method, null,
                status, grossAmount == null ? null : grossAmount.setScale(2, java.math.RoundingMode.UNNECESSARY));
    }
}
