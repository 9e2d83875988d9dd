/**
 * FIT-Connect: submissions (Anträge) from online services to the responsible authority's specialist
 * procedure, end-to-end encrypted (JWE RSA-OAEP-256 + A256GCM for RSA 4096 keys), routed by the
 * submission service that cannot read them, and acknowledged in an event log of signed Security Event
 * Tokens.
 *
 * <p>Sending ({@link de.ozgkit.fitconnect.FitConnectSender}):
 * <pre>{@code
 * ClientSettings settings = ClientSettings.builder()
 *         .config(OzgClientConfig.builder().baseUri(submissionApi).build())
 *         .credentials(tokenUri, clientId, clientSecret)
 *         .trustAnchors(pkiRoot)
 *         .build();
 * try (FitConnectSender sender = FitConnectSender.create(settings)) {
 *     SentSubmission sent = sender.send(OutgoingSubmission.builder()
 *             .destinationId(destinationId)
 *             .serviceType(ServiceType.leika("Wohnsitz anmelden", "99115001001000"))
 *             .data(json, new SubmissionSchema(schemaUri, "application/json"))
 *             .attachment(OutgoingAttachment.ofFile(Path.of("vertrag.pdf"), "application/pdf"))
 *             .build());
 *     SubmissionStatus status = sender.awaitFinalStatus(sent, Duration.ofMinutes(5));
 * }
 * }</pre>
 *
 * <p>Receiving ({@link de.ozgkit.fitconnect.FitConnectSubscriber}):
 * <pre>{@code
 * try (FitConnectSubscriber subscriber = FitConnectSubscriber.create(settings, destinationKeys, workDir);
 *      ReceivedSubmission s = subscriber.receive(submissionId)) {
 *     s.attachments().forEach(a -> a.saveTo(archive.resolve(a.attachmentId() + ".pdf")));
 *     subscriber.accept(s);
 * }
 * }</pre>
 *
 * <p>Every refusal of received content is a {@link de.ozgkit.fitconnect.FitConnectVerificationException}
 * naming the {@link de.ozgkit.fitconnect.Check} that failed.
 */
package de.ozgkit.fitconnect;
