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
 * <p>Every failed check is an {@link de.ozgkit.messaging.OsciException} whose
 * {@link de.ozgkit.messaging.OsciException#check() check} names the protection that refused the
 * message; the wire format is described in {@code docs/messaging.md}.
 */
package de.ozgkit.messaging;
