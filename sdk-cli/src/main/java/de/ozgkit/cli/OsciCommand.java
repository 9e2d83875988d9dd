package de.ozgkit.cli;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.security.Identity;
import de.ozgkit.core.security.KeyMaterial;
import de.ozgkit.messaging.Attachment;
import de.ozgkit.messaging.ContentContainer;
import de.ozgkit.messaging.ContentSignature;
import de.ozgkit.messaging.Delivery;
import de.ozgkit.messaging.FetchSelection;
import de.ozgkit.messaging.Inspection;
import de.ozgkit.messaging.MessageId;
import de.ozgkit.messaging.OsciClient;
import de.ozgkit.messaging.OsciDialog;
import de.ozgkit.messaging.OsciIdentity;
import de.ozgkit.messaging.ProcessCard;
import de.ozgkit.messaging.ReceivedAttachment;
import de.ozgkit.messaging.ReceivedContainer;
import de.ozgkit.messaging.ReceivedContent;
import de.ozgkit.messaging.ReceivedDelivery;
import de.ozgkit.messaging.StoreReceipt;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.osci.OsciIntermediaryService;
import de.ozgkit.testkit.CertificateSpec;
import de.ozgkit.testkit.IssuedCertificate;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ozgkit osci}: OSCI-Transport 1.2 from the command line. Without {@code --intermediary} the
 * commands talk to a sandbox intermediary started in the process whose mailbox and keys live in
 * {@code ~/.ozgkit/osci-sandbox} (or {@code --sandbox-dir}), so that {@code send} and {@code fetch}
 * in separate runs meet.
 */
@Command(name = "osci",
        mixinStandardHelpOptions = true,
        description = "OSCI-Transport 1.2: make keys, send deliveries, fetch them, read process cards.",
        subcommands = {OsciCommand.Keygen.class, OsciCommand.Send.class, OsciCommand.Fetch.class, OsciCommand.Card.class})
public final class OsciCommand {

    /** Creates the command (picocli instantiates it). */
    public OsciCommand() {
    }

    /** Where to send requests. */
    public static final class Intermediary {
        @Option(names = "--intermediary", paramLabel = "URI",
                description = "the intermediary's URI; default: a sandbox intermediary in this process")
        URI uri;

        @Option(names = "--intermediary-cert", paramLabel = "PEM",
                description = "with --intermediary: its cipher certificate, optionally followed by its signature certificate")
        Path certificates;

        @Option(names = "--sandbox-dir", paramLabel = "DIR",
                description = "without --intermediary: the sandbox mailbox folder (default ~/.ozgkit/osci-sandbox)")
        Path sandboxDir;

        /** Creates the options (picocli instantiates them). */
        public Intermediary() {
        }

        /** The client and, for the in-process sandbox, the sandbox to close afterwards. */
        record Connection(OsciClient client, Sandbox sandbox) implements AutoCloseable {
            @Override
            public void close() {
                client.close();
                if (sandbox != null) {
                    sandbox.close();
                }
            }
        }

        Connection connect(OsciIdentity me) {
            if (uri == null) {
                Path dir = sandboxDir != null ? sandboxDir : Path.of(System.getProperty("user.home"), ".ozgkit", "osci-sandbox");
                OsciIntermediaryService service = new OsciIntermediaryService(dir.resolve("mailbox"), sandboxKeys(dir));
                Sandbox sandbox = Sandbox.builder().service(service).maxRequestBytes(256 << 20).start();
                OsciClient client = OsciClient.builder()
                        .config(OzgClientConfig.builder().baseUri(sandbox.baseUri(OsciIntermediaryService.NAME))
                                .maxResponseBytes(256 << 20).build())
                        .originator(me)
                        .intermediary(service.intermediary().cipherCertificate(), service.intermediary().signatureCertificate())
                        .build();
                return new Connection(client, sandbox);
            }
            if (certificates == null) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, "--intermediary needs --intermediary-cert");
            }
            List<X509Certificate> certs = KeyMaterial.certificates(certificates);
            return new Connection(OsciClient.builder()
                    .config(OzgClientConfig.builder().baseUri(uri).maxResponseBytes(256 << 20).build())
                    .originator(me)
                    .intermediary(certs.get(0), certs.size() > 1 ? certs.get(1) : certs.get(0)).build(), null);
        }

        private static OsciIdentity sandboxKeys(Path dir) {
            Path p12 = dir.resolve("intermediary.p12");
            char[] pw = "ozgkit-osci-sandbox".toCharArray();
            try {
                if (!Files.exists(p12)) {
                    Files.createDirectories(dir);
                    keyPair("ozgkit sandbox OSCI intermediary").writePkcs12(p12, pw);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return OsciIdentity.of(KeyMaterial.pkcs12(p12, pw));
        }
    }

    /** The holder of a PKCS#12 file. */
    public static final class Party {
        @Option(names = "--password", paramLabel = "SECRET", defaultValue = "${env:OZGKIT_OSCI_PASSWORD:-ozgkit}",
                description = "the PKCS#12 password (default: $OZGKIT_OSCI_PASSWORD, else 'ozgkit')")
        String password;

        /** Creates the options (picocli instantiates them). */
        public Party() {
        }

        OsciIdentity load(Path p12) {
            CliFiles.requireReadable(p12);
            return OsciIdentity.of(KeyMaterial.pkcs12(p12, password.toCharArray()));
        }
    }

    static IssuedCertificate keyPair(String cn) {
        return IssuedCertificate.selfSigned(CertificateSpec.builder().subject("CN=" + cn.replace(",", "\\,"))
                .keyUsage(CertificateSpec.KeyUsage.DIGITAL_SIGNATURE, CertificateSpec.KeyUsage.NON_REPUDIATION,
                        CertificateSpec.KeyUsage.KEY_ENCIPHERMENT, CertificateSpec.KeyUsage.DATA_ENCIPHERMENT)
                .build());
    }

    /** {@code ozgkit osci keygen}. */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Generate an RSA-2048 key with a self-signed certificate (signature and cipher) into a PKCS#12 file"
                    + " and its certificate as PEM beside it (FILE.pem). For tests and the sandbox."})
    public static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--cn", paramLabel = "NAME", required = true, description = "the certificate's common name")
        String cn;

        @Option(names = "--out", paramLabel = "FILE.p12", required = true, description = "the PKCS#12 file to write")
        Path out;

        @Mixin
        Party party;

        /** Creates the command (picocli instantiates it). */
        public Keygen() {
        }

        @Override
        public Integer call() throws Exception {
            if (Files.exists(out)) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, out + " exists; choose another file");
            }
            IssuedCertificate c = keyPair(cn);
            Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".keygen-", ".p12");
            c.writePkcs12(tmp, party.password.toCharArray());
            Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Path pem = Path.of(out + ".pem");
            Files.writeString(pem, c.certificatePem());
            spec.commandLine().getOut().println(out + " " + pem + " " + c.certificate().getSubjectX500Principal().getName());
            return ExitCode.OK;
        }
    }

    /** {@code ozgkit osci send}. */
    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Store a delivery: the files as attachments of one container, signed by the sender and encrypted"
                    + " for the addressee. Prints the message id and the process card's times."})
    public static final class Send implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--from", paramLabel = "P12", required = true, description = "the sender's PKCS#12 file")
        Path from;

        @Option(names = "--to", paramLabel = "CERT", required = true, description = "the addressee's cipher certificate (PEM)")
        Path to;

        @Option(names = "--subject", paramLabel = "S", description = "the subject")
        String subject;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "files to send")
        List<Path> files;

        @Mixin
        Party party;

        @Mixin
        Intermediary intermediary;

        /** Creates the command (picocli instantiates it). */
        public Send() {
        }

        @Override
        public Integer call() {
            OsciIdentity me = party.load(from);
            CliFiles.requireReadable(to);
            X509Certificate addressee = KeyMaterial.certificates(to).get(0);
            ContentContainer.Builder container = ContentContainer.builder().signedBy(me.signer()).encryptedFor(addressee);
            for (Path f : files) {
                CliFiles.requireReadable(f);
                container.attachment(Attachment.of(f));
            }
            try (Intermediary.Connection c = intermediary.connect(me)) {
                StoreReceipt r = c.client().store(Delivery.builder().addressee(addressee).subject(subject)
                        .container(container.build()).build());
                PrintWriter out = spec.commandLine().getOut();
                out.println("message-id " + r.messageId().value());
                printCard(out, r.processCard());
            }
            return ExitCode.OK;
        }
    }

    /** {@code ozgkit osci fetch}. */
    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Fetch every waiting delivery, decrypt and verify it, and write its contents to DIR/<message-id>/."
                    + " Prints what was verified."})
    public static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--as", paramLabel = "P12", required = true, description = "the addressee's PKCS#12 file")
        Path as;

        @Option(names = "--out", paramLabel = "DIR", required = true, description = "the folder to write to")
        Path out;

        @Mixin
        Party party;

        @Mixin
        Intermediary intermediary;

        /** Creates the command (picocli instantiates it). */
        public Fetch() {
        }

        @Override
        public Integer call() throws Exception {
            OsciIdentity me = party.load(as);
            PrintWriter w = spec.commandLine().getOut();
            int count = 0;
            try (Intermediary.Connection c = intermediary.connect(me); OsciDialog d = c.client().openDialog()) {
                while (true) {
                    Optional<ReceivedDelivery> next = d.fetch(FetchSelection.next());
                    if (next.isEmpty()) {
                        break;
                    }
                    try (ReceivedDelivery got = next.get()) {
                        count++;
                        write(got, w);
                    }
                }
            }
            w.println("fetched " + count);
            return ExitCode.OK;
        }

        private void write(ReceivedDelivery d, PrintWriter w) throws java.io.IOException {
            String safe = d.messageId().value().replaceAll("[^A-Za-z0-9._-]", "_");
            Path dir = Files.createDirectories(out.resolve(safe));
            w.println("message-id " + d.messageId().value() + " subject " + d.subject().orElse(""));
            int i = 0;
            for (ReceivedContainer c : d.containers()) {
                StringBuilder signers = new StringBuilder();
                for (ContentSignature s : c.signatures()) {
                    signers.append(signers.length() == 0 ? "" : "; ").append(s.author().getSubjectX500Principal().getName());
                }
                w.println("  container " + c.id() + (c.encrypted() ? " decrypted" : " plain") + ", signature verified: "
                        + (signers.length() == 0 ? "(unsigned)" : signers));
                for (ReceivedContent content : c.contents()) {
                    Path f = dir.resolve("content-" + i++ + ".bin");
                    Files.write(f, content.bytes());
                    w.println("    " + f.getFileName() + " " + content.bytes().length + " bytes");
                }
                for (ReceivedAttachment a : c.attachments()) {
                    Path f = dir.resolve(a.refId());
                    a.copyTo(f);
                    w.println("    " + f.getFileName() + " " + a.size() + " bytes");
                }
            }
            d.processCard().ifPresent(card -> {
                card.verify();
                printCard(w, card);
            });
        }
    }

    /** {@code ozgkit osci card}. */
    @Command(name = "card", mixinStandardHelpOptions = true,
            description = {"Print the process card of a delivery after checking the intermediary's signature over it."})
    public static final class Card implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--as", paramLabel = "P12", required = true, description = "the sender's or addressee's PKCS#12 file")
        Path as;

        @Parameters(paramLabel = "MESSAGE_ID", description = "the delivery's message id")
        String messageId;

        @Mixin
        Party party;

        @Mixin
        Intermediary intermediary;

        /** Creates the command (picocli instantiates it). */
        public Card() {
        }

        @Override
        public Integer call() {
            OsciIdentity me = party.load(as);
            try (Intermediary.Connection c = intermediary.connect(me)) {
                Optional<ProcessCard> card = c.client().processCard(new MessageId(messageId));
                if (card.isEmpty()) {
                    throw new CommandFailure(ExitCode.NEGATIVE, "no process card for " + messageId);
                }
                card.get().verify();
                printCard(spec.commandLine().getOut(), card.get());
            }
            return ExitCode.OK;
        }
    }

    static void printCard(PrintWriter out, ProcessCard card) {
        out.println("process-card " + card.messageId().value() + " signed by the intermediary: verified");
        out.println("  creation   " + time(card.creation()));
        out.println("  forwarding " + time(card.forwarding()));
        out.println("  reception  " + time(card.reception()));
        for (Inspection i : card.inspections()) {
            out.println("  inspection " + i.subject() + ": offline " + i.offlineResult().code() + ", math " + i.mathResult().code());
        }
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString();
    }
}
