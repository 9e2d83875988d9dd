package de.ozgkit.cli;

import de.ozgkit.sandbox.BuiltInServices;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxService;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of {@code ozgkit sandbox} that select the payment provider's variant: authentication
 * (none, Basic, OAuth2, mutual TLS), known originator/end point pairs and the paypage timeout.
 */
public final class SandboxPaymentOptions {

    @Option(names = "--payment-auth", paramLabel = "KIND", defaultValue = "none",
            description = "payment provider authentication: none, basic, oauth2 or mtls (needs --tls) (default: ${DEFAULT-VALUE})")
    String auth;

    @Option(names = "--payment-user", paramLabel = "NAME", defaultValue = "sandbox",
            description = "--payment-auth basic: user name (default: ${DEFAULT-VALUE})")
    String user;

    @Option(names = "--payment-password", paramLabel = "SECRET", defaultValue = "sandbox-password",
            description = "--payment-auth basic: password (default: ${DEFAULT-VALUE})")
    String password;

    @Option(names = "--payment-client-id", paramLabel = "ID", defaultValue = "sandbox-client",
            description = "--payment-auth oauth2: client id (default: ${DEFAULT-VALUE})")
    String clientId;

    @Option(names = "--payment-client-secret", paramLabel = "SECRET", defaultValue = "sandbox-secret",
            description = "--payment-auth oauth2: client secret (default: ${DEFAULT-VALUE})")
    String clientSecret;

    @Option(names = "--payment-token-lifetime", paramLabel = "SECONDS", defaultValue = "300",
            description = "--payment-auth oauth2: token lifetime in seconds (default: ${DEFAULT-VALUE})")
    long tokenLifetimeSeconds;

    @Option(names = "--payment-client-p12", paramLabel = "FILE",
            description = "--payment-auth mtls: write a client certificate (PKCS#12, password from"
                    + " --payment-client-p12-password) here; default: a new temporary file")
    Path clientP12;

    @Option(names = "--payment-client-p12-password", paramLabel = "SECRET", defaultValue = "sandbox",
            description = "--payment-auth mtls: password of the written PKCS#12 file (default: ${DEFAULT-VALUE})")
    String clientP12Password;

    @Option(names = "--payment-known-pair", paramLabel = "ORIGINATOR/ENDPOINT",
            description = "accept only these originatorId/endPointId pairs (repeatable); others get"
                    + " NO_VALID_ORIGINATOR_OR_ENDPOINT. Default: every well-formed pair")
    List<String> knownPairs = new ArrayList<>();

    @Option(names = "--payment-timeout", paramLabel = "SECONDS", defaultValue = "900",
            description = "seconds after which an unpaid payment turns FAILED (default: ${DEFAULT-VALUE})")
    long paypageTimeoutSeconds;

    /** Creates the options (picocli instantiates them). */
    public SandboxPaymentOptions() {
    }

    /**
     * The built-in services with the payment provider configured by these options.
     *
     * @param cl  the command line, for usage errors
     * @param tls whether the sandbox serves HTTPS
     * @return the services
     */
    List<SandboxService> services(CommandLine cl, boolean tls) {
        PaymentProviderSimulator.Builder b = PaymentProviderSimulator.builder();
        switch (auth) {
            case "none" -> { }
            case "basic" -> b.basic(user, password);
            case "oauth2" -> {
                if (tokenLifetimeSeconds < 1) {
                    throw new CommandLine.ParameterException(cl, "--payment-token-lifetime must be at least 1 second");
                }
                b.oauth2(clientId, clientSecret, Duration.ofSeconds(tokenLifetimeSeconds));
            }
            case "mtls" -> {
                if (!tls) {
                    throw new CommandLine.ParameterException(cl, "--payment-auth mtls needs --tls");
                }
                b.mutualTls();
            }
            default -> throw new CommandLine.ParameterException(cl,
                    "--payment-auth must be none, basic, oauth2 or mtls, was " + auth);
        }
        for (String pair : knownPairs) {
            String[] parts = pair.split("/", -1);
            if (parts.length != 2) {
                throw new CommandLine.ParameterException(cl, "--payment-known-pair must be ORIGINATOR/ENDPOINT, was " + pair);
            }
            try {
                b.knownPair(parts[0], parts[1]);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(cl, "--payment-known-pair " + pair
                        + ": both ids must be 1 to 36 letters, digits, '_' or '-'");
            }
        }
        if (paypageTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(cl, "--payment-timeout must be at least 1 second");
        }
        b.paypageTimeout(Duration.ofSeconds(paypageTimeoutSeconds));
        PaymentProviderSimulator payment = b.build();
        List<SandboxService> services = new ArrayList<>(BuiltInServices.create());
        services.replaceAll(s -> s.name().equals(PaymentProviderSimulator.SERVICE_NAME) ? payment : s);
        return services;
    }

    /**
     * Tells on standard error how to authenticate at the payment provider (never the secrets) and,
     * for mutual TLS, writes a client certificate.
     *
     * @param sandbox the running sandbox
     * @param err     standard error
     * @param prefix  the command name for the messages
     * @throws IOException if the client certificate cannot be written
     */
    void describe(Sandbox sandbox, PrintWriter err, String prefix) throws IOException {
        String base = sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME).toString();
        switch (auth) {
            case "basic" -> err.println(prefix + ": payment requires HTTP Basic, user " + user
                    + " (password as given with --payment-password)");
            case "oauth2" -> err.println(prefix + ": payment requires OAuth2 client credentials, client id " + clientId
                    + ", token endpoint " + base + "/oauth/token (secret as given with --payment-client-secret)");
            case "mtls" -> {
                Path target = clientP12 != null ? clientP12 : Files.createTempFile("ozgkit-sandbox-client-", ".p12");
                KeyStore ks = sandbox.tls().orElseThrow().issueClientKeyStore("ozgkit-cli", clientP12Password.toCharArray());
                try (OutputStream out = Files.newOutputStream(target)) {
                    ks.store(out, clientP12Password.toCharArray());
                } catch (GeneralSecurityException e) {
                    throw new IOException("the client certificate cannot be written: " + e.getMessage(), e);
                }
                err.println(prefix + ": payment requires a client certificate; one is in " + target.toAbsolutePath()
                        + " (PKCS#12, password as given with --payment-client-p12-password)");
            }
            default -> { }
        }
        if (!knownPairs.isEmpty()) {
            err.println(prefix + ": payment accepts only the pairs " + String.join(", ", knownPairs));
        }
    }
}
