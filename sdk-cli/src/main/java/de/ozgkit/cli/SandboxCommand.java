package de.ozgkit.cli;

import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.SandboxTls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ozgkit sandbox}: starts every built-in simulator on loopback, prints one line
 * {@code <service> <base-uri>} per simulator or published endpoint on standard output, and runs
 * until interrupted (Ctrl+C).
 */
@Command(name = "sandbox",
        mixinStandardHelpOptions = true,
        description = {"Start the simulators of the OZG base services on 127.0.0.1 and run until Ctrl+C.",
                "Prints one line '<service> <base-uri>' per simulator on standard output."})
public final class SandboxCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "port to listen on; 0 (default) for a free one")
    int port;

    @Option(names = "--tls", description = "serve HTTPS with a certificate from a CA generated at start")
    boolean tls;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "with --tls: write the CA certificate (PEM) here; default: a new temporary file")
    Path caCertificate;

    @picocli.CommandLine.Mixin
    SandboxPaymentOptions payment;

    /** Creates the command (picocli instantiates it). */
    public SandboxCommand() {
    }

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port must be 0..65535 (0 for a free one), was " + port);
        }
        if (caCertificate != null && !tls) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--ca-cert needs --tls");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Sandbox sandbox = Sandbox.builder().services(payment.services(spec.commandLine(), tls)).port(port).tls(tls).start();
        Thread hook = new Thread(sandbox::close, "ozgkit-sandbox-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
            for (Map.Entry<String, URI> service : sandbox.services().entrySet()) {
                out.println(service.getKey() + " " + service.getValue());
            }
            out.flush();
            if (tls) {
                Path written = writeCaCertificate(sandbox.tls().orElseThrow());
                err.println(spec.qualifiedName() + ": trust the CA certificate in " + written
                        + " (e.g. curl --cacert " + written + ")");
            }
            payment.describe(sandbox, err, spec.qualifiedName());
            err.println(spec.qualifiedName() + ": running on " + sandbox.rootUri() + "; press Ctrl+C to stop");
            err.flush();
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            // interrupted: stop normally
            Thread.currentThread().interrupt();
        } finally {
            sandbox.close();
            removeHook(hook);
        }
        return ExitCode.OK;
    }

    private Path writeCaCertificate(SandboxTls tlsMaterial) throws IOException {
        Path target = caCertificate != null ? caCertificate : Files.createTempFile("ozgkit-sandbox-ca-", ".pem");
        Files.writeString(target, tlsMaterial.caCertificatePem(), StandardCharsets.US_ASCII);
        return target.toAbsolutePath();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down; the hook runs anyway
        }
    }
}
