package de.ozgkit.payment.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgkit.core.AuthenticationException;
import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.payment.FunctionalCode;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentForbiddenException;
import de.ozgkit.payment.PaymentStatus;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.ProviderProfile;
import de.ozgkit.sandbox.ClientAuth;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxTls;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import de.ozgkit.testkit.KeyType;
import de.ozgkit.testkit.TestPki;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The providers' authentication variants against the sandbox: Basic, OAuth2 client credentials, mutual TLS. */
class AuthenticationTest {

    @Test
    void basic_rightCredentialsPass_wrongOnesAreForbidden() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().basic("fachverfahren", "s3cret").build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient ok = f.client(f.config().credentials(Credentials.basic("fachverfahren", "s3cret")).build());
             PaymentClient wrong = f.client(f.config().credentials(Credentials.basic("fachverfahren", "guess")).build());
             PaymentClient none = f.client()) {
            PaymentTransaction tx = ok.create(ProviderFixture.request().build());
            assertThat(ok.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.INITIAL);
            assertThatThrownBy(() -> wrong.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(PaymentForbiddenException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.code()).isEqualTo(FunctionalCode.FORBIDDEN);
                        assertThat(e.getMessage()).doesNotContain("guess").doesNotContain("s3cret");
                    });
            assertThatThrownBy(() -> none.get(tx.transactionId())).isInstanceOf(PaymentForbiddenException.class);
            assertThat(provider.transactionCount()).isEqualTo(1);
        }
    }

    static Credentials oauth(ProviderFixture f, String secret) {
        return Credentials.oauth2ClientCredentials(URI.create(f.base() + "/oauth/token"), "fv-client", secret, List.of());
    }

    @Test
    void oauth2_tokenIsFetchedOnceAndReused() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(5)).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient c = f.client(f.config().credentials(oauth(f, "client-secret")).build())) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            for (int i = 0; i < 5; i++) {
                c.get(tx.transactionId());
            }
            assertThat(c.health().isAvailable()).isTrue();
            assertThat(provider.tokensIssued()).isEqualTo(1);
            assertThat(provider.unauthorizedCount()).isZero();
        }
    }

    @Test
    void oauth2_revokedToken_isRenewedOnceOn401_andTheCallSucceeds() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(5)).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient c = f.client(f.config().credentials(oauth(f, "client-secret")).build())) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            provider.revokeTokens();
            assertThat(c.get(tx.transactionId()).transactionId()).isEqualTo(tx.transactionId());
            assertThat(provider.unauthorizedCount()).isEqualTo(1);
            assertThat(provider.tokensIssued()).isEqualTo(2);
            // a create after revocation: renewed once, sent again with the same requestId, created once
            provider.revokeTokens();
            PaymentTransaction second = c.create(ProviderFixture.request().build());
            assertThat(second.status()).isEqualTo(PaymentStatus.INITIAL);
            assertThat(provider.transactionCount()).isEqualTo(2);
            assertThat(provider.tokensIssued()).isEqualTo(3);
        }
    }

    @Test
    void oauth2_tokenExpiredAtTheProvider_isRenewedOnceOn401() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(10)).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             // the client's own clock stands still: it believes the token valid, the provider does not
             PaymentClient c = f.clientBuilder(f.config().credentials(oauth(f, "client-secret")).build())
                     .clock(java.time.Clock.fixed(f.clock.instant(), java.time.ZoneOffset.UTC)).build()) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            f.clock.advance(Duration.ofMinutes(11));
            // the provider refuses the expired token; the client renews it once and the call succeeds
            assertThat(c.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.INITIAL);
            assertThat(provider.unauthorizedCount()).isEqualTo(1);
            assertThat(provider.tokensIssued()).isEqualTo(2);
        }
    }

    @Test
    void oauth2_shortLivedToken_isRenewedBeforeItExpires() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofSeconds(2)).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient c = f.client(f.config().credentials(oauth(f, "client-secret")).build())) {
            PaymentTransaction tx = c.create(ProviderFixture.request().build());
            assertThat(provider.tokensIssued()).isEqualTo(1);
            // the client renews at half the lifetime (1 s), before the provider would refuse the token
            f.clock.advance(Duration.ofMillis(1_200));
            c.get(tx.transactionId());
            assertThat(provider.tokensIssued()).isEqualTo(2);
            assertThat(provider.unauthorizedCount()).isZero();
        }
    }

    @Test
    void oauth2_wrongClientSecret_failsWithoutLeakingIt() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(5)).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient c = f.client(f.config().credentials(oauth(f, "wrong-secret")).build())) {
            assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.getMessage()).contains("invalid_client").doesNotContain("wrong-secret");
                    });
            assertThat(provider.transactionCount()).isZero();
        }
    }

    @Test
    void oauth2_pmPaymentProfile_sendsTheClientSecretInTheFormBody_asThatProviderExpects() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(5))
                .tokenClientAuthentication(Credentials.ClientAuthentication.CLIENT_SECRET_POST).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient standard = f.client(f.config().credentials(oauth(f, "client-secret")).build());
             PaymentClient pmPayment = f.clientBuilder(f.config().credentials(oauth(f, "client-secret")).build())
                     .profile(ProviderProfile.PMPAYMENT).build()) {
            // the credentials say Basic (the default): refused by this provider
            assertThatThrownBy(() -> standard.create(ProviderFixture.request().build()))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.getMessage()).contains("invalid_client").contains("client_secret_basic")
                                .doesNotContain("client-secret");
                    });
            assertThat(provider.tokenRequestsWithWrongClientAuthentication()).isEqualTo(1);
            // the profile switches to the form body
            assertThat(pmPayment.create(ProviderFixture.request().build()).status()).isEqualTo(PaymentStatus.INITIAL);
            assertThat(provider.tokensIssued()).isEqualTo(1);
            assertThat(provider.tokenRequestsWithWrongClientAuthentication()).isEqualTo(1);
        }
    }

    @Test
    void oauth2_clientSecretBasic_isWhatABasicOnlyProviderGets() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder()
                .oauth2("fv-client", "client-secret", Duration.ofMinutes(5))
                .tokenClientAuthentication(Credentials.ClientAuthentication.CLIENT_SECRET_BASIC).build();
        try (ProviderFixture f = new ProviderFixture(provider);
             PaymentClient basic = f.client(f.config().credentials(oauth(f, "client-secret")).build());
             PaymentClient post = f.client(f.config().credentials(Credentials.oauth2ClientCredentials(
                     URI.create(f.base() + "/oauth/token"), "fv-client", "client-secret", List.of(),
                     Credentials.ClientAuthentication.CLIENT_SECRET_POST)).build())) {
            assertThat(basic.create(ProviderFixture.request().build()).status()).isEqualTo(PaymentStatus.INITIAL);
            assertThatThrownBy(() -> post.create(ProviderFixture.request().build())).isInstanceOf(AuthenticationException.class);
            assertThat(provider.tokenRequestsWithWrongClientAuthentication()).isEqualTo(1);
        }
    }

    static Sandbox.Builder mtlsSandbox(PaymentProviderSimulator provider) {
        return Sandbox.builder().tls(true).clientAuth(ClientAuth.NEED).service(provider);
    }

    @Test
    void mutualTls_clientCertificateFromTheTrustedCa_isAccepted() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().mutualTls().build();
        try (ProviderFixture f = new ProviderFixture(provider, mtlsSandbox(provider))) {
            SandboxTls tls = f.sandbox.tls().orElseThrow();
            char[] pw = "p12-password".toCharArray();
            KeyStore p12 = tls.issueClientKeyStore("fachverfahren-1", pw);
            try (PaymentClient c = f.client(f.config().tls(TlsConfig.builder().trustStore(tls.trustStore())
                    .clientKeyStore(p12, pw).build()).build())) {
                assertThat(f.base().getScheme()).isEqualTo("https");
                PaymentTransaction tx = c.create(ProviderFixture.request().build());
                assertThat(c.get(tx.transactionId()).status()).isEqualTo(PaymentStatus.INITIAL);
                assertThat(c.health().isAvailable()).isTrue();
            }
            assertThat(provider.transactionCount()).isEqualTo(1);
        }
    }

    @Test
    void mutualTls_withoutOrWithAForeignCertificate_isRefusedInTheHandshake() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().mutualTls().build();
        try (ProviderFixture f = new ProviderFixture(provider, mtlsSandbox(provider))) {
            SandboxTls tls = f.sandbox.tls().orElseThrow();
            char[] pw = "p12-password".toCharArray();
            // a well-formed client certificate, but from a CA the provider does not trust
            KeyStore foreignP12 = TestPki.create(KeyType.EC_P256).client("intruder").keyStore(pw);
            try (PaymentClient noCert = f.client(f.config().tls(TlsConfig.builder().trustStore(tls.trustStore()).build()).build());
                 PaymentClient foreignCert = f.client(f.config().tls(TlsConfig.builder().trustStore(tls.trustStore())
                         .clientKeyStore(foreignP12, pw).build()).build())) {
                for (PaymentClient c : List.of(noCert, foreignCert)) {
                    assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                            .isInstanceOfSatisfying(OzgClientException.class, e -> {
                                assertThat(e.kind()).isIn(OzgClientException.Kind.TLS, OzgClientException.Kind.IO);
                                assertThat(e.getMessage()).doesNotContain("p12-password");
                            });
                }
            }
            assertThat(provider.transactionCount()).isZero();
        }
    }

    @Test
    void mutualTls_serverNotTrustedByTheClient_isRefused() {
        PaymentProviderSimulator provider = PaymentProviderSimulator.builder().mutualTls().build();
        try (ProviderFixture f = new ProviderFixture(provider, mtlsSandbox(provider));
             Sandbox other = Sandbox.builder().tls(true).start()) {
            char[] pw = "pw".toCharArray();
            KeyStore p12 = f.sandbox.tls().orElseThrow().issueClientKeyStore("fachverfahren-1", pw);
            try (PaymentClient c = f.client(f.config().tls(TlsConfig.builder()
                    .trustStore(other.tls().orElseThrow().trustStore()).clientKeyStore(p12, pw).build()).build())) {
                assertThatThrownBy(() -> c.create(ProviderFixture.request().build()))
                        .isInstanceOfSatisfying(OzgClientException.class,
                                e -> assertThat(e.kind()).isEqualTo(OzgClientException.Kind.TLS));
            }
        }
    }
}
