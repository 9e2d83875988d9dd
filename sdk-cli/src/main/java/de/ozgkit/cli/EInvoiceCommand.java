package de.ozgkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import de.ozgkit.core.xml.XmlLimits;
import de.ozgkit.einvoice.EInvoiceConversionException;
import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.EInvoiceValidationException;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.InvoiceProfile;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.XRechnungReader;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.pdf.EmbeddedInvoice;
import de.ozgkit.einvoice.pdf.ZugferdException;
import de.ozgkit.einvoice.pdf.ZugferdPdf;
import de.ozgkit.einvoice.pdf.ZugferdProfile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ozgkit einvoice}: validate, convert and show XRechnung invoices (UBL 2.1 and CII D16B),
 * embed them into ZUGFeRD / Factur-X PDFs and extract them again.
 *
 * <p>Exit codes of the subcommands: 0 success; 1 the input was read but refused (an invalid
 * invoice, XML that is not an invoice, a DTD, a broken size limit, content the target syntax cannot
 * carry, UBL given to {@code pdf}, a PDF without an embedded invoice); 2 a usage error, a file that
 * cannot be read or written, input that is not XML or not a readable PDF.
 */
@Command(name = "einvoice",
        mixinStandardHelpOptions = true,
        description = "Validate, convert and show XRechnung 3.0 invoices (UBL 2.1, CII D16B); ZUGFeRD / Factur-X PDFs.",
        subcommands = {EInvoiceCommand.Validate.class, EInvoiceCommand.Convert.class, EInvoiceCommand.Show.class,
                EInvoiceCommand.Pdf.class, EInvoiceCommand.Extract.class})
public final class EInvoiceCommand {

    /** The largest PDF the {@code pdf} and {@code extract} commands read. */
    static final long MAX_PDF_BYTES = 256L * 1024 * 1024;

    /** Jackson, loaded only by the commands that print JSON (a plain {@code validate} starts faster without it). */
    private static final class Json {
        static final ObjectMapper JSON = new ObjectMapper();
        /** Two spaces, {@code \n} on every platform, {@code "name": value}. */
        static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(
                Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
    }

    /** Creates the command (picocli instantiates it). */
    public EInvoiceCommand() {
    }

    /**
     * The failure for a document that could not be read into the model.
     *
     * @param file the document
     * @param e    why
     * @return exit code 2 when the file cannot be read or is not XML, else 1 (read, but refused)
     */
    static CommandFailure failure(Path file, EInvoiceFormatException e) {
        boolean notXml = e.reason() == EInvoiceFormatException.Reason.NOT_XML;
        int code = e.reason() == EInvoiceFormatException.Reason.IO || notXml ? ExitCode.USAGE_OR_IO : ExitCode.NEGATIVE;
        if (notXml && isPdf(file)) {
            return pdfGiven(file);
        }
        String message = OzgkitCommand.oneLine(e.getMessage());
        return new CommandFailure(code, file + ": " + (notXml && !message.startsWith("not XML") ? "not XML: " : "")
                + message);
    }

    /** @return whether the file starts like a PDF (a ZUGFeRD / Factur-X invoice given where XML is expected) */
    static boolean isPdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1024);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-");
        } catch (IOException e) {
            return false;
        }
    }

    /** The failure for a PDF given where an XML invoice is expected, with the command that helps. */
    static CommandFailure pdfGiven(Path file) {
        return new CommandFailure(ExitCode.USAGE_OR_IO, file + ": is a PDF, not XML; if it is a ZUGFeRD / Factur-X"
                + " invoice, extract the XML first: ozgkit einvoice extract " + file + " <OUT.xml>");
    }

    /**
     * The failure for a refused ZUGFeRD operation.
     *
     * @param file the PDF or XML file concerned
     * @param e    why
     * @return exit code 2 when the PDF cannot be read at all (not a PDF, damaged, encrypted), else 1
     */
    static CommandFailure failure(Path file, ZugferdException e) {
        int code = switch (e.kind()) {
            case NOT_A_PDF, CORRUPT_PDF, ENCRYPTED_PDF, NOT_XML -> ExitCode.USAGE_OR_IO;
            default -> ExitCode.NEGATIVE;
        };
        return new CommandFailure(code, file + ": " + OzgkitCommand.oneLine(e.getMessage()));
    }

    static Invoice read(Path file) {
        CliFiles.requireReadable(file);
        try {
            return EInvoices.read(file);
        } catch (EInvoiceFormatException e) {
            throw failure(file, e);
        }
    }

    static InvoiceSyntax detectSyntax(Path file) {
        CliFiles.requireReadable(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return XRechnungReader.create().detectSyntax(in);
        } catch (EInvoiceFormatException e) {
            throw failure(file, e);
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": cannot be read: " + CliFiles.reason(e));
        }
    }

    static InvoiceSyntax syntax(CommandLine cl, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ubl" -> InvoiceSyntax.UBL;
            case "cii" -> InvoiceSyntax.CII;
            default -> throw new CommandLine.ParameterException(cl, "--to must be ubl or cii, was '" + value + "'");
        };
    }

    /** A finding's text on one line: whitespace runs (the rule sets' messages span lines) become one space. */
    static String findingLine(Finding f) {
        return "  " + f.severity() + " " + f.ruleId() + " " + f.location() + ": " + f.message().strip().replaceAll("\\s+", " ");
    }

    static String json(JsonNode node, boolean pretty) {
        try {
            return pretty ? Json.PRETTY.writeValueAsString(node) : Json.JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code ozgkit einvoice validate FILE...}. */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Validate invoices against the rule sets of their profile (BT-24): XML Schema, EN 16931,"
                    + " XRechnung 3.0 (with KoSIT's rule levels), Factur-X / ZUGFeRD.",
                    "Per file one line 'FILE: valid' or 'FILE: invalid (N errors)', then one line per finding"
                            + " (errors, warnings and notes) '  SEVERITY ruleId location: message'.",
                    "Exit code 0 when all are valid, 1 when one is invalid, 2 when a file cannot be read or is not XML."})
    public static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", arity = "1..*", description = "UBL or CII invoices")
        List<Path> files;

        @Option(names = "--json", description = "one JSON object per file and line: file, valid, errors, syntax,"
                + " variant, profile, ruleSets, findings [{ruleId, severity, location, message, layer}]")
        boolean json;

        @Option(names = "--require", paramLabel = "PROFILE", split = ",",
                description = "accept only these profiles, as a portal does (repeatable or comma-separated): xrechnung,"
                        + " en16931, extended, basic, basic-wl, minimum; another profile is an error"
                        + " (OZGKIT-PROFILE-NOT-ACCEPTED)")
        List<String> require = List.of();

        /** Creates the command (picocli instantiates it). */
        public Validate() {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            EInvoiceValidator validator = EInvoiceValidator.builder()
                    .require(require.stream().map(r -> profile(spec.commandLine(), r)).toArray(InvoiceProfile[]::new))
                    .build();
            int code = ExitCode.OK;
            for (Path file : files) {
                ValidationReport report;
                try {
                    CliFiles.requireReadable(file);
                    report = validator.validate(file);
                    Finding malformed = report.findings().stream()
                            .filter(f -> f.ruleId().equals(EInvoiceValidator.RULE_MALFORMED)).findFirst().orElse(null);
                    if (malformed != null) {
                        if (isPdf(file)) {
                            throw pdfGiven(file);
                        }
                        String message = OzgkitCommand.oneLine(malformed.message())
                                .replaceFirst("^XML document is not well-formed: ", "");
                        throw new CommandFailure(ExitCode.USAGE_OR_IO, file + ": "
                                + (message.startsWith("not XML") ? "" : "not XML: ") + message);
                    }
                } catch (CommandFailure | EInvoiceValidationException e) {
                    err.println(spec.qualifiedName() + ": " + OzgkitCommand.oneLine(e.getMessage()));
                    err.flush();
                    code = ExitCode.USAGE_OR_IO;
                    continue;
                }
                if (json) {
                    out.println(json(InvoiceJson.report(file.toString(), report), false));
                } else {
                    out.println(file + ": " + (report.valid() ? "valid" : "invalid (" + report.errorCount() + " errors)"));
                    report.findings().forEach(f -> out.println(findingLine(f)));
                }
                out.flush();
                if (!report.valid()) {
                    code = Math.max(code, ExitCode.NEGATIVE);
                }
            }
            return code;
        }
    }

    /**
     * @param cl    the command line, for the usage error
     * @param value a profile name as typed
     * @return the profile
     */
    static InvoiceProfile profile(CommandLine cl, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "xrechnung" -> InvoiceProfile.XRECHNUNG;
            case "en16931" -> InvoiceProfile.EN16931;
            case "extended" -> InvoiceProfile.FACTURX_EXTENDED;
            case "basic" -> InvoiceProfile.FACTURX_BASIC;
            case "basic-wl", "basicwl" -> InvoiceProfile.FACTURX_BASIC_WL;
            case "minimum" -> InvoiceProfile.FACTURX_MINIMUM;
            default -> throw new CommandLine.ParameterException(cl, "--require must be xrechnung, en16931, extended,"
                    + " basic, basic-wl or minimum, was '" + value + "'");
        };
    }

    /** {@code ozgkit einvoice convert --to ubl|cii IN OUT}. */
    @Command(name = "convert",
            mixinStandardHelpOptions = true,
            description = {"Convert an invoice between UBL 2.1 and CII D16B through the EN 16931 model.",
                    "The converted invoice is validated first: OUT is written (replaced) only when it is valid;"
                            + " prints 'IN (SYNTAX) -> OUT (SYNTAX)'. Content the target syntax cannot carry, or a"
                            + " result that does not validate, is refused with exit code 1 and the findings on stderr."})
    public static final class Convert implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "SYNTAX", description = "ubl or cii")
        String to;

        @Parameters(index = "0", paramLabel = "IN", description = "a UBL or CII invoice")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT", description = "the file to write")
        Path out;

        /** Creates the command (picocli instantiates it). */
        public Convert() {
        }

        @Override
        public Integer call() {
            InvoiceSyntax target = syntax(spec.commandLine(), to);
            InvoiceSyntax source = detectSyntax(in);
            byte[] xml = CliFiles.readAll(in, XmlLimits.DEFAULT.maxBytes(), "XML invoice");
            byte[] converted;
            try {
                converted = EInvoices.convert(xml, target);
            } catch (EInvoiceConversionException e) {
                PrintWriter err = spec.commandLine().getErr();
                e.report().findings().stream().filter(f -> f.severity().isError())
                        .forEach(f -> err.println(findingLine(f)));
                err.flush();
                throw new CommandFailure(ExitCode.NEGATIVE, in + ": cannot be converted to " + target + ": "
                        + OzgkitCommand.oneLine(e.getMessage()));
            } catch (EInvoiceFormatException e) {
                if (e.reason() == EInvoiceFormatException.Reason.UNSUPPORTED_CONTENT) {
                    throw new CommandFailure(ExitCode.NEGATIVE, in + ": cannot be converted to " + target + ": "
                            + OzgkitCommand.oneLine(e.getMessage()));
                }
                throw failure(in, e);
            } catch (EInvoiceValidationException e) {
                throw new CommandFailure(ExitCode.USAGE_OR_IO, in + ": cannot be converted: "
                        + OzgkitCommand.oneLine(e.getMessage()));
            }
            CliFiles.writeAtomically(out, converted);
            spec.commandLine().getOut().println(in + " (" + source + ") -> " + out + " (" + target + ")");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }

    /** {@code ozgkit einvoice show FILE [--json]}. */
    @Command(name = "show",
            mixinStandardHelpOptions = true,
            description = {"Read an invoice into the EN 16931 model and print it.",
                    "With --json the whole model with stable field names (see docs/cli.md); without, a short summary."})
    public static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "a UBL or CII invoice")
        Path file;

        @Option(names = "--json", description = "print the model as JSON")
        boolean json;

        /** Creates the command (picocli instantiates it). */
        public Show() {
        }

        @Override
        public Integer call() {
            Invoice invoice = read(file);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(json(InvoiceJson.invoice(invoice), true));
            } else {
                InvoiceSummary.print(invoice, detectSyntax(file), out);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code ozgkit einvoice pdf --xml IN.xml --pdf IN.pdf --out OUT.pdf}. */
    @Command(name = "pdf",
            mixinStandardHelpOptions = true,
            description = {"Make a ZUGFeRD 2.x / Factur-X PDF/A-3: embed a CII invoice into a PDF.",
                    "The profile follows the invoice's specification identifier (BT-24): XRECHNUNG for an XRechnung 3.0"
                            + " invoice, else EN16931. The invoice is embedded as it is, not validated: validate it first.",
                    "A PDF whose fonts are not all embedded cannot become PDF/A and is refused (exit 1). The output"
                            + " declares PDF/A-3; it is not run through a PDF/A validator (use veraPDF for that)."})
    public static final class Pdf implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--xml", required = true, paramLabel = "IN.xml", description = "the invoice in CII syntax")
        Path xml;

        @Option(names = "--pdf", required = true, paramLabel = "IN.pdf",
                description = "the visual invoice, without an embedded invoice, fonts embedded")
        Path pdf;

        @Option(names = "--out", required = true, paramLabel = "OUT.pdf", description = "the PDF to write")
        Path out;

        @Option(names = "--profile", paramLabel = "PROFILE",
                description = "xrechnung or en16931 (default: from the specification identifier BT-24)")
        String profile;

        /** Creates the command (picocli instantiates it). */
        public Pdf() {
        }

        @Override
        public Integer call() {
            ZugferdProfile chosen = profile == null ? null : profile(spec.commandLine(), profile);
            byte[] invoiceXml = CliFiles.readAll(xml, XmlLimits.DEFAULT.maxBytes(), "XML invoice");
            byte[] visual = CliFiles.readAll(pdf, MAX_PDF_BYTES, "PDF");
            Invoice invoice;
            try {
                if (EInvoices.detectSyntax(invoiceXml) == InvoiceSyntax.UBL) {
                    throw new CommandFailure(ExitCode.NEGATIVE, xml + ": is UBL, but ZUGFeRD / Factur-X embeds CII;"
                            + " convert it first: ozgkit einvoice convert --to cii " + xml + " <OUT.xml>");
                }
                invoice = EInvoices.read(invoiceXml);
            } catch (EInvoiceFormatException e) {
                throw failure(xml, e);
            }
            if (chosen == null) {
                chosen = invoice.variant().isPresent() ? ZugferdProfile.XRECHNUNG : ZugferdProfile.EN16931;
            }
            byte[] hybrid;
            try {
                hybrid = ZugferdPdf.embed(visual, invoiceXml, chosen);
            } catch (ZugferdException e) {
                boolean aboutInvoice = e.kind() == ZugferdException.Kind.NOT_XML || e.kind() == ZugferdException.Kind.NOT_CII
                        || e.kind() == ZugferdException.Kind.PROFILE_MISMATCH;
                throw failure(aboutInvoice ? xml : pdf, e);
            }
            CliFiles.writeAtomically(out, hybrid);
            spec.commandLine().getOut().println(out + ": ZUGFeRD / Factur-X PDF, profile " + chosen + ", embeds "
                    + chosen.fileName() + "; declared PDF/A-3 with all fonts embedded (checked), not run through a"
                    + " PDF/A validator");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }

        private static ZugferdProfile profile(CommandLine cl, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "xrechnung" -> ZugferdProfile.XRECHNUNG;
                case "en16931" -> ZugferdProfile.EN16931;
                default -> throw new CommandLine.ParameterException(cl, "--profile must be xrechnung or en16931, was '"
                        + value + "'");
            };
        }
    }

    /** {@code ozgkit einvoice extract IN.pdf OUT.xml}. */
    @Command(name = "extract",
            mixinStandardHelpOptions = true,
            description = {"Extract the invoice XML embedded in a ZUGFeRD / Factur-X / XRechnung PDF, byte for byte.",
                    "OUT is replaced only when the extraction succeeded."})
    public static final class Extract implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "IN.pdf", description = "the hybrid PDF")
        Path in;

        @Parameters(index = "1", paramLabel = "OUT.xml", description = "the file to write")
        Path out;

        /** Creates the command (picocli instantiates it). */
        public Extract() {
        }

        @Override
        public Integer call() {
            byte[] pdf = CliFiles.readAll(in, MAX_PDF_BYTES, "PDF");
            EmbeddedInvoice embedded;
            try {
                embedded = ZugferdPdf.extractInvoice(pdf);
            } catch (ZugferdException e) {
                throw failure(in, e);
            }
            CliFiles.writeAtomically(out, embedded.xml());
            spec.commandLine().getOut().println(out + ": " + embedded.fileName() + " from " + in + ", "
                    + embedded.xml().length + " bytes");
            spec.commandLine().getOut().flush();
            return ExitCode.OK;
        }
    }
}
