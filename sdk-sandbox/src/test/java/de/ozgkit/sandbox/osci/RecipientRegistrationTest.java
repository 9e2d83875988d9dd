package de.ozgkit.sandbox.osci;

import static org.assertj.core.api.Assertions.assertThat;

import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.MediatedReply;
import de.ozgkit.messaging.MediationResult;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciRecipient;
import de.ozgkit.messaging.PassiveDelivery;
import de.ozgkit.messaging.PassiveRecipient;
import de.ozgkit.sandbox.Http;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.testkit.IssuedCertificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Registering a passive recipient over HTTP ({@code POST {base}/recipients}), as a vendor does that
 * runs its recipient beside {@code ozgkit sandbox}: raw requests written from the documented JSON,
 * then a MediateDelivery through the registered recipient; bad URIs, certificates and JSON get 400.
 */
class RecipientRegistrationTest {

    static final IssuedCertificate CLIENT = OsciParties.party("Registration client");
    static final IssuedCertificate VENDOR = OsciParties.party("Registration vendor");

    static String json(String uri, String cipher, String signature) {
        return "{\"uri\":\"" + uri + "\",\"cipherCertificate\":\"" + cipher.replace("\n", "\\n")
                + "\",\"signatureCertificate\":\"" + signature.replace("\n", "\\n") + "\"}";
    }

    static String pem(IssuedCertificate c) {
        return new String(OsciIntermediaryService.pem(c.certificate()), StandardCharsets.US_ASCII);
    }

    @Test
    void registeredOverHttp_theRecipientAnswersAMediateDelivery_andBadRegistrationsGet400() throws Exception {
        OsciIntermediaryService service = new OsciIntermediaryService();
        try (Sandbox sandbox = Sandbox.builder().service(service).start()) {
            PassiveRecipient recipient = PassiveRecipient.builder().identity(OsciParties.identity(VENDOR))
                    .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                    .handler(new OsciRecipient() {
                        @Override
                        public void accept(PassiveDelivery d) {
                        }

                        @Override
                        public MediatedReply process(PassiveDelivery d) {
                            return MediatedReply.of(null, ContentContainer.builder().text("registered")
                                    .encryptedFor(d.originatorCipher()).build());
                        }
                    }).build();
            URI registrations = URI.create(sandbox.baseUri(OsciIntermediaryService.NAME) + "/recipients");
            try (RecipientServer server = RecipientServer.start(recipient)) {
                try (Http http = new Http()) {
                    Http.Answer a = http.postJson(registrations, json(server.uri().toString(), pem(VENDOR), pem(VENDOR)));
                    assertThat(a.status()).isEqualTo(201);
                    assertThat(a.text()).contains(server.uri().toString());
                }
                try (OsciClient client = OsciParties.client(sandbox, service, CLIENT);
                     MediationResult r = client.mediate(Delivery.builder().addressee(VENDOR.certificate())
                             .container(ContentContainer.builder().text("q").build()).build(), server.uri())) {
                    assertThat(r.reply().containers().get(0).contents().get(0).text()).isEqualTo("registered");
                }
            }
            for (String bad : List.of(
                    json("file:///etc/passwd", pem(VENDOR), pem(VENDOR)),
                    json("http://127.0.0.1:1/x?y=1", pem(VENDOR), pem(VENDOR)),
                    json("relative/path", pem(VENDOR), pem(VENDOR)),
                    json("http://127.0.0.1:1/x", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", pem(VENDOR)),
                    json("http://127.0.0.1:1/x", pem(VENDOR), ""),
                    "{\"uri\": ")) {
                try (Http http = new Http()) {
                    Http.Answer a = http.postJson(registrations, bad);
                    assertThat(a.status()).as(bad).isEqualTo(400);
                    assertThat(a.contentType()).contains("application/problem+json");
                }
            }
        }
    }
}
