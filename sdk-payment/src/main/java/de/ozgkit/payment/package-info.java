/**
 * XBezahldienste 1.0.0 payment client: create a payment, send the citizen to the paypage, poll
 * until the payment is final.
 *
 * <pre>{@code
 * OzgClientConfig config = OzgClientConfig.builder()
 *         .baseUri("https://pay.example.org/xbezahldienste/v1")      // the standard's {base}
 *         .credentials(Credentials.basic("fachverfahren", secret))  // or OAuth2, or mutual TLS in TlsConfig
 *         .build();
 * try (PaymentClient payments = PaymentClient.builder().config(config)
 *         .context("online-service-1", "09162000").build()) {
 *     PaymentRequest request = PaymentRequest.builder()
 *             .purpose("MELDEBESCHEINIGUNG")
 *             .redirectUrl("https://service.example.org/antrag/4711/zurueck")
 *             .item(PaymentItem.builder().id("fee-1").singleNetAmount(new BigDecimal("12.50"))
 *                     .bookingData("Kassenzeichen", "5.0100.123456.7").build())
 *             .build();
 *     PaymentTransaction tx = payments.create(request);
 *     // redirect the citizen to tx.paypageUrl().orElseThrow(), then:
 *     PaymentTransaction done = payments.awaitFinalStatus(tx.transactionId(), Duration.ofMinutes(15));
 * }
 * }</pre>
 *
 * <p>Requests are checked against every rule of the standard before they are sent
 * ({@link de.ozgkit.payment.InvalidPaymentFieldException}); functional error codes of the provider
 * become typed exceptions ({@link de.ozgkit.payment.PaymentException}).
 */
package de.ozgkit.payment;
