/**
 * OSCI-Transport 1.2 messaging, wire-compatible with the OSCI library that German administrations
 * use: deliveries to an intermediary with content containers signed by their authors and encrypted
 * for their readers, requests signed by the originator and encrypted for the intermediary, explicit
 * dialogs, typed feedback codes and process cards (Laufzettel) that verify themselves.
 *
 * <pre>{@code
 * OsciIdentity me = OsciIdentity.of(KeyMaterial.pkcs12(Path.of("me.p12"), pin));
 * try (OsciClient osci = OsciClient.builder()
 *         .config(OzgClientConfig.builder().baseUri(intermediaryUri).build())
 *         .originator(me)
 *         .intermediary(intermediaryCipherCert, intermediarySignatureCert)
 *         .build()) {
 *     StoreReceipt r = osci.store(Delivery.builder().addressee(addresseeCert).subject("Antrag")
 *             .container(ContentContainer.builder().text("<antrag/>").attachment(Attachment.of(Path.of("a.pdf")))
 *                     .signedBy(me.signer()).encryptedFor(addresseeCert).build())
 *             .build());
 *     try (ReceivedDelivery d = osci.fetch(FetchSelection.next()).orElseThrow()) {
 *         d.containers().forEach(c -> c.attachments().forEach(a -> a.copyTo(Path.of(a.refId()))));
 *     }
 * }
 * }</pre>
 *
 * <p>The Fachverfahren's side of ForwardDelivery and MediateDelivery is a {@link
 * de.ozgkit.messaging.PassiveRecipient}: the intermediary hands it deliveries and requests, an
 * {@link de.ozgkit.messaging.OsciRecipient} takes them and answers:
 *
 * <pre>{@code
 * PassiveRecipient recipient = PassiveRecipient.builder().identity(me)
 *         .intermediary(intermediaryCipherCert, intermediarySignatureCert)
 *         .handler(new OsciRecipient() {
 *             public void accept(PassiveDelivery d) { inbox.add(d.delivery()); }
 *             public MediatedReply process(PassiveDelivery d) {
 *                 return MediatedReply.of("Auskunft", ContentContainer.builder().text(lookup(d))
 *                         .signedBy(me.signer()).encryptedFor(d.originatorCipher()).build());
 *             }
 *         }).build();
 * server.setHandler(new OsciRecipientHandler(recipient));          // Jetty 12, de.ozgkit.messaging.jetty
 *
 * try (MediationResult r = osci.mediate(request, recipientUri)) {  // the requester's side
 *     String answer = r.reply().containers().get(0).contents().get(0).text();
 * }
 * }</pre>
 *
 * <p>Every failed check is an {@link de.ozgkit.messaging.OsciException} whose
 * {@link de.ozgkit.messaging.OsciException#check() check} names the protection that refused the
 * message; the wire format is described in {@code docs/messaging.md}.
 */
package de.ozgkit.messaging;
