package de.ozgkit.cli;

import de.ozgkit.core.Credentials;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.payment.InvalidPaymentFieldException;
import de.ozgkit.payment.PaymentClient;
import de.ozgkit.payment.PaymentContext;
import de.ozgkit.payment.PaymentItem;
import de.ozgkit.payment.PaymentRequest;
import de.ozgkit.payment.PaymentTransaction;
import de.ozgkit.payment.ProviderProfile;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.payment.PaymentProviderSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ozgkit payment}: create an XBezahldienste payment and read its status, against a provider
 * ({@code --base}) or an embedded sandbox provider.
 */
@Command(name = "payment",
        mixinStandardHelpOptions = true,
        description = "Create XBezahldienste 1.0.0 payments and read their status.",
        subcommands = {PaymentCommand.Create.class, PaymentCommand.Status.class})
public final class PaymentCommand {

    /** Creates the command (picocli instantiates it). */
    public PaymentCommand() {
    }

    /** How to reach and authenticate at the provider (options shared by the subcommands). */
    public static final class Connection {

        /** Creates the options (picocli instantiates them). */
        public Connection() {
        }

        @Option(names = "--base", paramLabel = "URI",
                description = "the provider's XBezahldienste base URI ({base} of the standard's paths), e.g. the"
                        + " 'payment' line of 'ozgkit sandbox'")
        URI base;

        @Option(names = "--originator", paramLabel = "ID", defaultValue = "ozgkit-cli",
                description = "originatorId: the online service (default: ${DEFAULT-VALUE})")
        String originator;

        @Option(names = "--endpoint", paramLabel = "ID", defaultValue = "00000000",
                description = "endPointId: the responsible authority, e.g. its AGS (default: ${DEFAULT-VALUE})")
        String endpoint;

        @Option(names = "--auth", paramLabel = "KIND", defaultValue = "none",
                description = "none, basic, oauth2 or mtls (default: ${DEFAULT-VALUE})")
        String auth;

        @Option(names = "--user", paramLabel = "NAME", description = "--auth basic: user name")
        String user;

        @Option(names = "--password", paramLabel = "SECRET", defaultValue = "${env:OZGKIT_PAYMENT_PASSWORD}",
                description = "--auth basic: password (default: environment variable OZGKIT_PAYMENT_PASSWORD)")
        String password;

        @Option(names = "--token-uri", paramLabel = "URI",
                description = "--auth oauth2: token endpoint (default: <base>/oauth/token, as the sandbox has it)")
        URI tokenUri;

        @Option(names = "--client-id", paramLabel = "ID", description = "--auth oauth2: client id")
        String clientId;

        @Option(names = "--client-secret", paramLabel = "SECRET", defaultValue = "${env:OZGKIT_PAYMENT_CLIENT_SECRET}",
                description = "--auth oauth2: client secret (default: environment variable OZGKIT_PAYMENT_CLIENT_SECRET)")
        String clientSecret;

        @Option(names = "--p12", paramLabel = "FILE", description = "--auth mtls: PKCS#12 file with the client certificate")
        Path p12;

        @Option(names = "--p12-password", paramLabel = "SECRET", defaultValue = "${env:OZGKIT_PAYMENT_P12_PASSWORD}",
                description = "--auth mtls: PKCS#12 password (default: environment variable OZGKIT_PAYMENT_P12_PASSWORD)")
        String p12Password;

        @Option(names = "--ca-cert", paramLabel = "FILE",
                description = "PEM file with the CA certificate(s) to trust for https (e.g. from 'ozgkit sandbox --tls')")
        Path caCert;

        OzgClientConfig config(CommandLine cl, URI baseUri) {
            requireHttpBase(cl, baseUri);
            OzgClientConfig.Builder b = OzgClientConfig.builder().baseUri(baseUri);
            TlsConfig.Builder tls = null;
            if (caCert != null) {
                tls = TlsConfig.builder().trustCertificates(readCertificates(cl, caCert));
            }
            switch (auth) {
                case "none":
                    break;
                case "basic":
                    require(cl, user, "--auth basic needs --user");
                    require(cl, password, "--auth basic needs --password or OZGKIT_PAYMENT_PASSWORD");
                    b.credentials(Credentials.basic(user, password));
                    break;
                case "oauth2":
                    require(cl, clientId, "--auth oauth2 needs --client-id");
                    require(cl, clientSecret, "--auth oauth2 needs --client-secret or OZGKIT_PAYMENT_CLIENT_SECRET");
                    URI token = tokenUri != null ? tokenUri : URI.create(baseUri + "/oauth/token");
                    b.credentials(Credentials.oauth2ClientCredentials(token, clientId, clientSecret, List.of()));
                    break;
                case "mtls":
                    require(cl, p12 == null ? null : p12.toString(), "--auth mtls needs --p12");
                    require(cl, p12Password, "--auth mtls needs --p12-password or OZGKIT_PAYMENT_P12_PASSWORD");
                    if (tls == null) {
                        tls = TlsConfig.builder();
                    }
                    try {
                        tls.clientPkcs12(p12, p12Password.toCharArray());
                    } catch (de.ozgkit.core.security.KeyMaterialException e) {
                        throw new CommandLine.ParameterException(cl, "--p12 " + p12 + ": " + e.getMessage());
                    }
                    break;
                default:
                    throw new CommandLine.ParameterException(cl, "--auth must be none, basic, oauth2 or mtls, was " + auth);
            }
            if (tls != null) {
                b.tls(tls.build());
            }
            return b.build();
        }

        PaymentContext context(CommandLine cl) {
            try {
                return PaymentContext.of(originator, endpoint);
            } catch (InvalidPaymentFieldException e) {
                throw new CommandLine.ParameterException(cl, inOptionWords(e));
            }
        }

        private static void requireHttpBase(CommandLine cl, URI baseUri) {
            String scheme = baseUri.getScheme() == null ? "" : baseUri.getScheme().toLowerCase(Locale.ROOT);
            if (!baseUri.isAbsolute() || baseUri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new CommandLine.ParameterException(cl, "--base must be an absolute http or https URI such as"
                        + " http://127.0.0.1:8080/payment (the 'payment' line of 'ozgkit sandbox'), was '" + baseUri + "'");
            }
        }

        /**
         * A failed TLS handshake in the words of the command line: whom it failed with and which option
         * fixes it ({@code --ca-cert} for the CA of a sandbox started with {@code --tls}).
         */
        String tlsFailure(OzgClientException e) {
            String where = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
            Throwable root = e;
            boolean untrusted = false;
            for (Throwable t = e; t != null; t = t.getCause()) {
                untrusted |= t instanceof CertificateException || t instanceof CertPathBuilderException
                        || t instanceof CertPathValidatorException;
                root = t;
            }
            String reason = root == e || root.getMessage() == null ? "" : " (" + OzgkitCommand.oneLine(root.getMessage()) + ")";
            if (!untrusted) {
                return "the TLS handshake with " + where + " failed" + reason + "; check --ca-cert and, when the provider"
                        + " asks for a client certificate, --auth mtls with --p12";
            }
            return "the TLS handshake with " + where + " failed: the provider's certificate is not trusted" + reason + "; "
                    + (caCert == null
                    ? "for a sandbox started with 'ozgkit sandbox --tls', pass the CA certificate it wrote with --ca-cert FILE"
                    : "--ca-cert " + caCert + " does not hold the CA that issued it");
        }
    }

    /**
     * A refused payment field in the words of the command line: the option instead of the field
     * path of the request ({@code --amount} for {@code items[].totalNetAmount}).
     */
    static String inOptionWords(InvalidPaymentFieldException e) {
        return option(e.field()) + " " + e.rule() + ", was " + e.actual();
    }

    static String option(String field) {
        if (field.startsWith("grosAmount") || field.startsWith("items[]") && field.endsWith("Amount")) {
            return "--amount";
        }
        return switch (field) {
            case "purpose" -> "--purpose";
            case "description" -> "--description";
            case "redirectUrl" -> "--redirect-url";
            case "requestId" -> "--request-id";
            case "originatorId" -> "--originator";
            case "endPointId" -> "--endpoint";
            case "transactionId" -> "TRANSACTION_ID";
            default -> field;
        };
    }

    static void require(CommandLine cl, String value, String message) {
        if (value == null || value.isBlank()) {
            throw new CommandLine.ParameterException(cl, message);
        }
    }

    static List<X509Certificate> readCertificates(CommandLine cl, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new CommandLine.ParameterException(cl, "--ca-cert " + file + " holds no certificate");
            }
            return certs;
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "--ca-cert " + file + " cannot be read: " + CliFiles.reason(e));
        } catch (GeneralSecurityException e) {
            // the parser's own message names its classes; the file's form is what the user can fix
            throw new CommandLine.ParameterException(cl, "--ca-cert " + file + " holds no readable certificate; it must"
                    + " hold PEM certificates (-----BEGIN CERTIFICATE-----), e.g. the file 'ozgkit sandbox --tls' writes");
        }
    }

    /** Runs a payment call and turns the SDK's errors into exit codes and one-line reasons. */
    static int guarded(CommandSpec spec, Connection connection, Callable<Integer> call) throws Exception {
        try {
            return call.call();
        } catch (InvalidPaymentFieldException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), inOptionWords(e));
        } catch (OzgClientException e) {
            if (e.kind() == OzgClientException.Kind.TLS && connection.base != null) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, connection.tlsFailure(e));
            }
            throw e;
        } catch (OzgServiceException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + OzgkitCommand.oneLine(e.getMessage()));
            spec.commandLine().getErr().flush();
            return ExitCode.NEGATIVE;
        }
    }

    static void print(PrintWriter out, PaymentTransaction tx) {
        out.println("transactionId " + tx.transactionId());
        out.println("status " + tx.status());
        tx.paypageUrl().ifPresent(u -> out.println("paypage " + u));
        out.flush();
    }

    /** {@code ozgkit payment create}: prints transaction id, status and paypage URL. */
    @Command(name = "create",
            mixinStandardHelpOptions = true,
            description = {"Create a payment with one item and print its transaction id, status and paypage URL.",
                    "Without --base, an embedded sandbox provider is started for the call (add --wait to keep it"
                            + " serving the paypage until Ctrl+C)."})
    public static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--amount", paramLabel = "EUR", required = true, description = "amount in euro, e.g. 12.50")
        BigDecimal amount;

        @Option(names = "--purpose", paramLabel = "TEXT", required = true,
                description = "purpose / booking text, at most 27 characters")
        String purpose;

        @Option(names = "--description", paramLabel = "TEXT", description = "text for the paypage, at most 250 characters")
        String description;

        @Option(names = "--redirect-url", paramLabel = "URL", defaultValue = "http://localhost/ozgkit/return",
                description = "where the paypage sends the citizen back to (default: ${DEFAULT-VALUE})")
        String redirectUrl;

        @Option(names = "--request-id", paramLabel = "ID", description = "requestId (idempotency key); generated when absent")
        String requestId;

        @Option(names = "--profile", paramLabel = "NAME", defaultValue = "standard",
                description = "provider profile: standard, epaybl (--purpose in upper case) or pmpayment (OAuth2"
                        + " client secret in the token request's form body) (default: ${DEFAULT-VALUE})")
        String profile;

        @Option(names = "--wait", description = "with the embedded sandbox: keep it running until Ctrl+C")
        boolean waitForInterrupt;

        /** Creates the command (picocli instantiates it). */
        public Create() {
        }

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            PaymentContext context = connection.context(cl);
            ProviderProfile providerProfile = ProviderProfile.lookup(profile).orElseThrow(() ->
                    new CommandLine.ParameterException(cl, "--profile must be standard, epaybl or pmpayment, was " + profile));
            if (providerProfile.requiresUpperCasePurpose() && purpose.chars().anyMatch(Character::isLowerCase)) {
                throw new CommandLine.ParameterException(cl, "--purpose must be in upper case for --profile " + profile
                        + ", e.g. --purpose \"" + purpose.toUpperCase(Locale.ROOT) + "\"");
            }
            if (waitForInterrupt && connection.base != null) {
                throw new CommandLine.ParameterException(cl, "--wait is for the embedded sandbox; it cannot be combined with --base");
            }
            return guarded(spec, connection, () -> {
                PaymentRequest request = PaymentRequest.builder()
                        .requestId(requestId)
                        .purpose(purpose)
                        .description(description)
                        .redirectUrl(redirectUrl)
                        .item(PaymentItem.builder().id("item-1").totalNetAmount(amount).totalTaxAmount(BigDecimal.ZERO).build())
                        .build();
                if (connection.base != null) {
                    try (PaymentClient client = PaymentClient.builder().config(connection.config(cl, connection.base))
                            .profile(providerProfile).build()) {
                        print(cl.getOut(), client.create(context, request));
                    }
                    return ExitCode.OK;
                }
                if (!connection.auth.equals("none")) {
                    throw new CommandLine.ParameterException(cl, "--auth needs --base; the embedded sandbox provider"
                            + " requires no authentication");
                }
                try (Sandbox sandbox = Sandbox.builder().service(PaymentProviderSimulator.create()).start();
                     PaymentClient client = PaymentClient.builder()
                             .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME)).build())
                             .profile(providerProfile).build()) {
                    print(cl.getOut(), client.create(context, request));
                    PrintWriter err = cl.getErr();
                    if (waitForInterrupt) {
                        err.println(spec.qualifiedName() + ": embedded sandbox provider at "
                                + sandbox.baseUri(PaymentProviderSimulator.SERVICE_NAME) + "; open the paypage, press Ctrl+C to stop");
                        err.flush();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    } else {
                        err.println(spec.qualifiedName() + ": created at an embedded sandbox provider, which stops now"
                                + " (the paypage works only while it runs: add --wait, or start 'ozgkit sandbox' and pass"
                                + " its payment URI with --base)");
                        err.flush();
                    }
                }
                return ExitCode.OK;
            });
        }
    }

    /** {@code ozgkit payment status TRANSACTION_ID}: prints the status. */
    @Command(name = "status",
            mixinStandardHelpOptions = true,
            description = {"Read a payment's status from the provider at --base and print it (INITIAL, PAYED, CANCELED, FAILED).",
                    "Needs --base (an embedded sandbox would have no transactions) and the --originator and --endpoint"
                            + " the payment was created with."})
    public static final class Status implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Parameters(paramLabel = "TRANSACTION_ID", description = "the transaction id 'payment create' printed")
        String transactionId;

        /** Creates the command (picocli instantiates it). */
        public Status() {
        }

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            if (connection.base == null) {
                throw new CommandLine.ParameterException(cl, "--base is required: a fresh embedded sandbox has no"
                        + " transactions, so there is no status to read; start 'ozgkit sandbox' in another terminal,"
                        + " create the payment with --base <its payment URI>, then ask here with the same --base");
            }
            PaymentContext context = connection.context(cl);
            return guarded(spec, connection, () -> {
                try (PaymentClient client = PaymentClient.builder().config(connection.config(cl, connection.base)).build()) {
                    PaymentTransaction tx;
                    try {
                        tx = client.get(context, transactionId);
                    } catch (OzgServiceException e) {
                        if (e.status() != 404) {
                            throw e;
                        }
                        throw new CommandFailure(ExitCode.NEGATIVE, "the provider at " + connection.base
                                + " knows no transaction " + transactionId + " for --originator " + connection.originator
                                + " and --endpoint " + connection.endpoint + " (HTTP 404"
                                + e.requestId().map(id -> ", request id " + id).orElse("") + "); a transaction is found"
                                + " only with the --originator and --endpoint it was created with, at the --base it was"
                                + " created at");
                    }
                    PrintWriter out = cl.getOut();
                    out.println("status " + tx.status());
                    if (tx.information().paymentMethod() != null) {
                        out.println("paymentMethod " + tx.information().paymentMethod());
                    }
                    out.flush();
                }
                return ExitCode.OK;
            });
        }
    }
}
