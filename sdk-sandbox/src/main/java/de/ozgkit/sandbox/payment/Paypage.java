package de.ozgkit.sandbox.payment;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The simulated paypage: an HTML page with amount, purpose and description and the buttons Pay
 * (with a choice of payment method) and Cancel. Every text from the request is HTML-escaped.
 */
final class Paypage {

    private Paypage() {
    }

    static String render(TransactionStore.Transaction t, TransactionStore.Transaction.State state, String formAction) {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">")
                .append("<title>ozgkit sandbox paypage</title></head><body>\n")
                .append("<h1>Bezahlen</h1>\n<dl>\n")
                .append("<dt>Betrag</dt><dd id=\"amount\">").append(euro(t.request.grosAmount())).append(" EUR</dd>\n");
        if (t.request.purpose() != null) {
            sb.append("<dt>Verwendungszweck</dt><dd id=\"purpose\">").append(escape(t.request.purpose())).append("</dd>\n");
        }
        if (t.request.description() != null) {
            sb.append("<dt>Beschreibung</dt><dd id=\"description\">").append(escape(t.request.description())).append("</dd>\n");
        }
        sb.append("<dt>Transaktion</dt><dd id=\"transaction\">").append(escape(t.id)).append("</dd>\n")
                .append("<dt>Status</dt><dd id=\"status\">").append(state.status()).append("</dd>\n</dl>\n");
        if (state.status() == TransactionStore.Status.INITIAL) {
            sb.append("<form method=\"post\" action=\"").append(escape(formAction)).append("\">\n")
                    .append("<label>Zahlart <select name=\"paymentMethod\">")
                    .append("<option>GIROPAY</option><option>PAYDIRECT</option><option selected>CREDITCARD</option>")
                    .append("<option>PAYPAL</option><option>OTHER</option></select></label>\n")
                    .append("<button type=\"submit\" name=\"action\" value=\"pay\">Bezahlen</button>\n")
                    .append("<button type=\"submit\" name=\"action\" value=\"cancel\">Abbrechen</button>\n")
                    .append("</form>\n");
        } else {
            sb.append("<p>Diese Zahlung ist abgeschlossen.</p>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    static String euro(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return f.format(amount);
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
