package de.ozgkit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.ozgkit.core.TlsConfig;
import de.ozgkit.core.http.HttpRequest;
import de.ozgkit.core.http.HttpResponse;
import de.ozgkit.einvoice.EInvoiceValidator;
import de.ozgkit.einvoice.EInvoices;
import de.ozgkit.einvoice.InvoiceSyntax;
import de.ozgkit.einvoice.ValidationReport;
import de.ozgkit.einvoice.delivery.DeliveryReceipt;
import de.ozgkit.einvoice.delivery.MailDelivery;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.sandbox.einvoice.EInvoicePortalService;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * The e-invoice steps of {@code ozgkit demo}: build an XRechnung with the model's deriving builder,
 * write it as CII and UBL, validate both against the official rule sets, convert UBL to CII
 * through the model, and deliver it by e-mail (SMTP with STARTTLS and authentication) to the
 * sandbox's invoice portal, which validates it again and records a receipt. The steps hand their
 * results on through this object; used by one thread.
 */
final class EInvoiceDemo {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The names under which {@code --out} keeps the invoice (as in {@code samples/}). */
    static final String CII_FILE = "rechnung-cii.xml";
    static final String UBL_FILE = "rechnung-ubl.xml";
    /** How long the demo waits for the portal's receipt at most (it normally arrives within milliseconds). */
    private static final long RECEIPT_TIMEOUT_MILLIS = 10_000;

    private EInvoiceValidator validator;
    private Invoice invoice;
    private byte[] cii;
    private byte[] ubl;

    String build(DemoContext context) {
        // compiling the rule sets takes a moment: start it now, in the background, while the invoice is built
        validator = EInvoiceValidator.builder().preload(true).build();
        invoice = SampleInvoice.create();
        String currency = " " + invoice.currencyCode();
        return invoice.number() + ", " + invoice.lines().size() + " lines; derived: net "
                + invoice.totals().totalWithoutVat() + currency + " + VAT " + invoice.totals().vatTotal()
                + " (" + invoice.vatBreakdown().size() + " rates) = " + invoice.totals().totalWithVat() + currency;
    }

    String write(DemoContext context) {
        cii = EInvoices.write(requireInvoice(), InvoiceSyntax.CII);
        ubl = EInvoices.write(invoice, InvoiceSyntax.UBL);
        if (!EInvoices.read(cii).equals(invoice) || !EInvoices.read(ubl).equals(invoice)) {
            throw new IllegalStateException("reading the written documents does not give the built invoice back");
        }
        context.keep(CII_FILE, cii);
        context.keep(UBL_FILE, ubl);
        return "CII " + cii.length + " bytes, UBL " + ubl.length + " bytes; both read back to the same model";
    }

    String validate(DemoContext context) {
        requireDocuments();
        ValidationReport ciiReport = validator.validate(cii);
        ValidationReport ublReport = validator.validate(ubl);
        if (context.keeping()) {
            context.keep("validation-report.txt", (report(CII_FILE, ciiReport) + report(UBL_FILE, ublReport))
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (ValidationReport r : new ValidationReport[] {ciiReport, ublReport}) {
            if (!r.valid()) {
                throw new IllegalStateException("the " + r.syntax().map(Enum::name).orElse("") + " document is invalid: "
                        + r.errors().get(0));
            }
        }
        return "CII valid, UBL valid (XML Schema, EN 16931 and XRechnung 3.0 "
                + ciiReport.variant().map(Enum::name).orElse("?") + " rules; 0 errors, "
                + (ciiReport.findings().size() + ublReport.findings().size()) + " warnings or notes)";
    }

    String convert(DemoContext context) {
        requireDocuments();
        byte[] converted = EInvoices.convert(ubl, InvoiceSyntax.CII);
        if (!Arrays.equals(converted, cii)) {
            throw new IllegalStateException("UBL converted to CII differs from the CII written from the model");
        }
        return "UBL -> CII gives the same " + converted.length + " bytes as writing CII from the model";
    }

    String deliver(DemoContext context) throws Exception {
        requireDocuments();
        URI smtp = context.sandbox().baseUri(EInvoicePortalService.NAME);
        URI portalHttp = URI.create(context.sandbox().rootUri() + "/" + EInvoicePortalService.NAME);
        HttpResponse caResponse = context.transport().execute(HttpRequest.builder("GET", URI.create(portalHttp + "/ca.pem")).build());
        if (caResponse.status() != 200) {
            throw new IllegalStateException("GET " + portalHttp + "/ca.pem answered " + caResponse.status());
        }
        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caResponse.bodyAsString().getBytes(StandardCharsets.US_ASCII)));
        int before = receipts(context, portalHttp).size();
        DeliveryReceipt sent;
        try (MailDelivery delivery = MailDelivery.builder()
                .host(smtp.getHost()).port(smtp.getPort())
                .credentials("sandbox", "sandbox")
                .from("rechnungen@stadtwerke.example").to("rechnungseingang@portal.example")
                .tls(TlsConfig.builder().trustCertificates(ca).build())
                .validator(validator)
                .build()) {
            sent = delivery.deliver(ubl);
        }
        long deadline = System.nanoTime() + RECEIPT_TIMEOUT_MILLIS * 1_000_000;
        JsonNode receipt = null;
        while (receipt == null) {
            JsonNode all = receipts(context, portalHttp);
            if (all.size() > before) {
                receipt = all.get(all.size() - 1);
            } else if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the portal recorded no receipt within " + RECEIPT_TIMEOUT_MILLIS / 1000 + " s");
            } else {
                Thread.sleep(50);
            }
        }
        if (!"ACCEPTED".equals(receipt.path("status").asText())) {
            throw new IllegalStateException("the portal rejected the invoice: " + receipt.path("reason").asText()
                    + " " + receipt.path("ruleIds"));
        }
        if (context.keeping()) {
            context.keep("portal-receipt.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(receipt));
        }
        return sent.fileName() + " mailed to " + smtp + " (STARTTLS, AUTH); portal receipt #"
                + receipt.path("id").asLong() + " " + receipt.path("status").asText();
    }

    /** The report in the form of {@code ozgkit einvoice validate}: {@code FILE: valid}, then one line per finding. */
    private static String report(String file, ValidationReport report) {
        StringBuilder text = new StringBuilder(file).append(": ")
                .append(report.valid() ? "valid" : "invalid (" + report.errorCount() + " errors)").append('\n');
        report.findings().forEach(f -> text.append(EInvoiceCommand.findingLine(f)).append('\n'));
        return text.toString();
    }

    private static JsonNode receipts(DemoContext context, URI portalHttp) throws Exception {
        HttpResponse response = context.transport().execute(HttpRequest.builder("GET", URI.create(portalHttp + "/receipts"))
                .header("Accept", "application/json").build());
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + portalHttp + "/receipts answered " + response.status());
        }
        return JSON.readTree(response.bodyAsString());
    }

    private Invoice requireInvoice() {
        if (invoice == null) {
            throw new IllegalStateException("no invoice: the build step did not run");
        }
        return invoice;
    }

    private void requireDocuments() {
        if (cii == null || ubl == null) {
            throw new IllegalStateException("no documents: the write step did not run");
        }
    }
}
