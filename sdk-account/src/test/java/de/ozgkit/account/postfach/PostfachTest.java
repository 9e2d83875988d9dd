package de.ozgkit.account.postfach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.account.AccountConfigurationException;
import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.ConflictException;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.postfach.MailboxMessage;
import de.ozgkit.sandbox.postfach.PostfachSimulator;
import de.ozgkit.testkit.IssuedCertificate;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Postfach client against the sandbox mailbox over mutual TLS, and the mailbox against
 * envelopes the test builds itself from the documented shape.
 */
class PostfachTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    static TestPki authorPki;
    static Identity author;
    static PostfachSimulator mailbox;
    static Sandbox sandbox;
    static KeyStore clientKeys;

    @BeforeAll
    static void start() {
        authorPki = TestPki.create("authors", KeyType.RSA_2048);
        IssuedCertificate a = authorPki.client("Stadt Musterstadt Buergerbuero");
        author = Identity.of(a.privateKey(), a.chain());
        // the envelope carries the author certificate alone: the mailbox trusts the CA that issues it
        mailbox = PostfachSimulator.trusting(authorPki.intermediate().certificate());
        sandbox = Sandbox.builder().tls(true).service(mailbox).start();
        clientKeys = sandbox.tls().orElseThrow().issueClientKeyStore("fachverfahren", PASSWORD);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static OzgClientConfig config(boolean clientCertificate) {
        TlsConfig.Builder tls = TlsConfig.builder().trustCertificates(sandbox.tls().orElseThrow().caCertificate());
        if (clientCertificate) {
            tls.clientKeyStore(clientKeys, PASSWORD);
        }
        return OzgClientConfig.builder().baseUri(sandbox.baseUri("postfach")).tls(tls.build())
                .retryPolicy(RetryPolicy.none()).build();
    }

    private static PostfachClient client(Clock clock) {
        return PostfachClient.builder().config(config(true)).author(author).signer("Stadt Musterstadt, Bürgerbüro")
                .clock(clock).tokenLifetime(Duration.ofMinutes(2)).build();
    }

    @Test
    void send_withHostileTextAndAttachments_arrivesExactlyAndMovesThroughTheStatusFlow() throws Exception {
        byte[] binary = new byte[256 * 3];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        String text = "Sehr geehrte Frau Mustermann,\r\nGROẞE STRAẞE 7 😀 𝄞\u0001\u001f <b>&amp;</b> \"'\n\n";
        PostfachMessage message = PostfachMessage.builder().mailboxUuid("5f0c8a4e-3b1d-4c6a-9e27-erika0000001")
                .sender("Stadt Musterstadt").title("Ihr Bescheid ẞ <script>").content(text).service("Anwohnerparken")
                .applicationId("A-4711").reference("AZ 32/1-ẞ").replyAddress("buergerbuero@musterstadt.example")
                .attachment(new Attachment("bescheid ẞ 😀.pdf", "application/pdf", binary))
                .attachment(new Attachment("leer.txt", "text/plain", new byte[0]))
                .attachment(new Attachment("100% sicher?#&=.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
                .build();
        try (PostfachClient postfach = client(Clock.systemUTC())) {
            MessageReceipt receipt = postfach.send(message);
            assertThat(receipt.status()).isEqualTo(MessageStatus.SUBMITTED);
            MailboxMessage stored = mailbox.engine().messages("5f0c8a4e-3b1d-4c6a-9e27-erika0000001").get(0);
            assertThat(stored.field("content")).isEqualTo(text);
            assertThat(stored.field("title")).isEqualTo("Ihr Bescheid ẞ <script>");
            assertThat(stored.field("reference")).isEqualTo("AZ 32/1-ẞ");
            assertThat(stored.attachment("bescheid ẞ 😀.pdf")).isEqualTo(binary);
            assertThat(stored.attachment("leer.txt")).isEmpty();
            assertThat(stored.attachment("100% sicher?#&=.txt")).containsExactly('x');
            assertThat(stored.signer()).isEqualTo("Stadt Musterstadt, Bürgerbüro");

            HttpClient browser = HttpClient.newBuilder().sslContext(sandbox.tls().orElseThrow().clientSslContext()).build();
            String inbox = browser.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri("postfach")
                    + "/inbox/5f0c8a4e-3b1d-4c6a-9e27-erika0000001")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertThat(inbox).contains("Ihr Bescheid ẞ &lt;script&gt;").doesNotContain("<script>");
            String page = browser.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri("postfach")
                    + "/inbox/5f0c8a4e-3b1d-4c6a-9e27-erika0000001/" + receipt.messageId())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(page).contains("&lt;b&gt;&amp;amp;&lt;/b&gt;");
            assertThat(postfach.status(receipt.messageId())).isEqualTo(MessageStatus.RECEIVED);
            assertThat(postfach.updateStatus(receipt.messageId(), MessageStatus.PROCESSING)).isEqualTo(MessageStatus.PROCESSING);
            assertThat(postfach.updateStatus(receipt.messageId(), MessageStatus.ACTION_REQUIRED)).isEqualTo(MessageStatus.ACTION_REQUIRED);
            assertThat(postfach.updateStatus(receipt.messageId(), MessageStatus.COMPLETED)).isEqualTo(MessageStatus.COMPLETED);
            assertThatThrownBy(() -> postfach.updateStatus(receipt.messageId(), MessageStatus.PROCESSING))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void expiredAuthorToken_isRefused() {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        try (PostfachClient postfach = client(past)) {
            assertThatThrownBy(() -> postfach.send(PostfachMessage.builder().mailboxUuid("m-1").sender("s").title("t")
                    .content("c").build()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("expired");
        }
    }

    @Test
    void withoutClientCertificate_theMailboxApiIsClosed() {
        try (PostfachClient postfach = PostfachClient.builder().config(config(false)).author(author).signer("s").build()) {
            assertThatThrownBy(() -> postfach.send(PostfachMessage.builder().mailboxUuid("m-1").sender("s").title("t")
                    .content("c").build()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("mutual TLS");
        }
    }

    @Test
    void authorCertificateFromAnotherCa_isRefused() {
        IssuedCertificate stranger = IssuedCertificate.selfSigned(de.ozgkit.testkit.CertificateSpec.client("stranger")
                .toBuilder().keyType(KeyType.RSA_2048).build());
        try (PostfachClient postfach = PostfachClient.builder().config(config(true))
                .author(Identity.of(stranger.privateKey(), stranger.chain())).signer("s").build()) {
            assertThatThrownBy(() -> postfach.send(PostfachMessage.builder().mailboxUuid("m-1").sender("s").title("t")
                    .content("c").build()))
                    .isInstanceOf(AuthenticationException.class).hasMessageContaining("authorCertificate");
        }
    }

    /** Envelopes built by the test from the documented shape, without the client. */
    @Test
    void handBuiltEnvelope_isAcceptedAndTamperedContentIsRefused() throws Exception {
        String message = "{\"mailboxUuid\":\"m-raw\",\"sender\":\"Amt\",\"title\":\"Hallo\",\"content\":\"Text ẞ\",\"attachments\":[]}";
        byte[] content = message.getBytes(StandardCharsets.UTF_8);
        Signature s = Signature.getInstance("SHA512withRSA");
        s.initSign(author.privateKey());
        s.update(content);
        String signature = Base64.getEncoder().encodeToString(s.sign());
        long now = System.currentTimeMillis() / 1000;
        String header = b64url("{\"alg\":\"RS512\",\"typ\":\"JWT\"}");
        String claims = b64url("{\"iat\":" + now + ",\"exp\":" + (now + 120) + ",\"signer\":\"Amt\",\"roles\":[\"SENDER\"]}");
        Signature t = Signature.getInstance("SHA512withRSA");
        t.initSign(author.privateKey());
        t.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        String token = header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(t.sign());
        String cert = Base64.getEncoder().encodeToString(author.certificate().getEncoded());

        HttpClient client = mtlsClient();
        HttpResponse<String> ok = postEnvelope(client, envelope(Base64.getEncoder().encodeToString(content), signature, token, cert));
        assertThat(ok.statusCode()).isEqualTo(201);
        assertThat(ok.body()).contains("\"status\":\"SUBMITTED\"");

        byte[] tampered = message.replace("Text ẞ", "Text X").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = postEnvelope(client, envelope(Base64.getEncoder().encodeToString(tampered), signature,
                token, cert));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("sha512sum does not verify");

        HttpResponse<String> extra = postEnvelope(client, envelope(Base64.getEncoder().encodeToString(content), signature, token,
                cert).replace("{", "{\"extra\":1,"));
        assertThat(extra.statusCode()).isEqualTo(400);
        String forged = header + "." + b64url("{\"iat\":" + now + ",\"exp\":" + (now + 120)
                + ",\"signer\":\"Evil\",\"roles\":[\"SENDER\"]}") + "." + token.substring(token.lastIndexOf('.') + 1);
        assertThat(postEnvelope(client, envelope(Base64.getEncoder().encodeToString(content), signature, forged, cert))
                .statusCode()).isEqualTo(401);
        String noneAlg = b64url("{\"alg\":\"none\"}") + "." + claims + ".";
        assertThat(postEnvelope(client, envelope(Base64.getEncoder().encodeToString(content), signature, noneAlg, cert))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void attachmentThatDiffersFromTheSignedDeclaration_isRefused() throws Exception {
        String message = "{\"mailboxUuid\":\"m-att\",\"sender\":\"Amt\",\"title\":\"Anhang\",\"content\":\"\","
                + "\"attachments\":[{\"filename\":\"a.bin\",\"mediaType\":\"application/octet-stream\",\"sha512sum\":\""
                + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-512").digest(new byte[] {1, 2, 3}))
                + "\",\"contentLength\":3}]}";
        byte[] content = message.getBytes(StandardCharsets.UTF_8);
        HttpClient client = mtlsClient();
        HttpResponse<String> created = postEnvelope(client, envelope(Base64.getEncoder().encodeToString(content),
                sign(content), token(), Base64.getEncoder().encodeToString(author.certificate().getEncoded())));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"INITIATED\"");
        String id = mailbox.engine().messages("m-att").get(0).id();
        URI upload = URI.create(sandbox.baseUri("postfach") + "/messages/" + id + "/attachments/0");
        HttpResponse<String> wrong = client.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {9, 9, 9})).header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("SHA-512");
        HttpResponse<String> noToken = client.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {1, 2, 3})).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> right = client.send(HttpRequest.newBuilder(upload).PUT(HttpRequest.BodyPublishers.ofByteArray(
                new byte[] {1, 2, 3})).header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("\"status\":\"SUBMITTED\"");
    }

    private static String sign(byte[] content) throws Exception {
        Signature s = Signature.getInstance("SHA512withRSA");
        s.initSign(author.privateKey());
        s.update(content);
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static String token() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = b64url("{\"alg\":\"RS512\"}");
        String claims = b64url("{\"iat\":" + now + ",\"exp\":" + (now + 60) + ",\"signer\":\"Amt\",\"roles\":[]}");
        Signature t = Signature.getInstance("SHA512withRSA");
        t.initSign(author.privateKey());
        t.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(t.sign());
    }

    @Test
    void messageAndAttachment_refuseWhatTheyCannotCarry() {
        assertThatThrownBy(() -> new Attachment("../etc/passwd", "text/plain", new byte[0]))
                .isInstanceOf(AccountConfigurationException.class);
        assertThatThrownBy(() -> new Attachment("a\nb", "text/plain", new byte[0])).isInstanceOf(AccountConfigurationException.class);
        assertThatThrownBy(() -> new Attachment("a", "not a type", new byte[0])).isInstanceOf(AccountConfigurationException.class);
        assertThatThrownBy(() -> PostfachMessage.builder().sender("s").title("t").content("c").build())
                .isInstanceOf(AccountConfigurationException.class).hasMessageContaining("mailboxUuid");
        assertThatThrownBy(() -> PostfachMessage.builder().mailboxUuid("m").sender("s").title("t").content("c")
                .attachment(new Attachment("a", "text/plain", new byte[0]))
                .attachment(new Attachment("a", "text/plain", new byte[1])).build()).hasMessageContaining("twice");
        IssuedCertificate ec = IssuedCertificate.selfSigned(de.ozgkit.testkit.CertificateSpec.builder()
                .keyType(KeyType.EC_P256).build());
        assertThatThrownBy(() -> PostfachClient.builder().config(config(true)).author(Identity.of(ec.privateKey(), ec.chain()))
                .signer("s").build()).isInstanceOf(AccountConfigurationException.class).hasMessageContaining("RSA");
        assertThat(MessageStatus.lookup("DONE")).isEmpty();
        assertThatThrownBy(() -> MessageStatus.fromCode("DONE")).isInstanceOf(de.ozgkit.core.UnknownCodeException.class);
    }

    private static HttpClient mtlsClient() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(clientKeys, PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(sandbox.tls().orElseThrow().trustStore());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).build();
    }

    private static HttpResponse<String> postEnvelope(HttpClient client, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(sandbox.baseUri("postfach") + "/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String content, String sha512sum, String token, String cert) {
        return "{\"content\":\"" + content + "\",\"sha512sum\":\"" + sha512sum + "\",\"authorToken\":\"" + token
                + "\",\"authorCertificate\":\"" + cert + "\"}";
    }

    private static String b64url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
