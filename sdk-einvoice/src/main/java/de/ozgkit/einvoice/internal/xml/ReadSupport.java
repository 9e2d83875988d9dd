package de.ozgkit.einvoice.internal.xml;

import de.ozgkit.einvoice.EInvoiceFormatException;
import de.ozgkit.einvoice.EInvoiceFormatException.Reason;
import de.ozgkit.einvoice.internal.Values;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.Identifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Value conversions shared by the UBL and CII readers, each failing with a located error. Not API. */
abstract class ReadSupport {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(Z|[+-]\\d{2}:\\d{2})?");

    /** Shares equal short codes (units, categories, currencies) so that large invoices stay small. */
    private final Map<String, String> codes = new HashMap<>();

    static EInvoiceFormatException invalid(XmlNode n, String message) {
        return new EInvoiceFormatException(Reason.INVALID_VALUE, message, n.line, n.column, null);
    }

    static EInvoiceFormatException missing(XmlNode parent, String what) {
        return new EInvoiceFormatException(Reason.MISSING_ELEMENT, "the invoice lacks " + what + " inside <"
                + parent.name + ">; the syntax requires it", parent.line, parent.column, null);
    }

    static XmlNode need(XmlNode parent, String path, String what) {
        XmlNode n = parent.at(path);
        if (n == null) {
            throw missing(parent, what + " (" + path + ")");
        }
        return n;
    }

    /** @return the element's text exactly as written, or {@code null} */
    static String verbatim(XmlNode n) {
        return n == null ? null : n.text;
    }

    /** @return the element's text without surrounding white space, or {@code null} when empty */
    String tok(XmlNode n) {
        if (n == null || n.text == null) {
            return null;
        }
        return code(n.text);
    }

    /** @return the value stripped of surrounding white space (short codes shared), or {@code null} when empty */
    String code(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() <= 4) {
            String shared = codes.putIfAbsent(s, s);
            return shared == null ? s : shared;
        }
        return s;
    }

    String tok(XmlNode parent, String path) {
        return parent == null ? null : tok(parent.at(path));
    }

    /** @return an identifier with the scheme from the attribute, or {@code null} when the element is absent */
    Identifier id(XmlNode n, String schemeAttr) {
        String v = tok(n);
        return v == null ? null : new Identifier(v, code(n.attr(schemeAttr)));
    }

    static BigDecimal dec(XmlNode n) {
        if (n == null || n.text == null) {
            return null;
        }
        String s = n.text.strip();
        if (s.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw invalid(n, "<" + n.name + "> holds \"" + shorten(s) + "\", which is not a decimal number;"
                    + " write amounts and quantities like 1234.56");
        }
        BigDecimal v = new BigDecimal(s);
        BigDecimal t = v.stripTrailingZeros();
        if (t.scale() > Values.MAX_DIGITS || t.precision() - t.scale() > Values.MAX_DIGITS) {
            throw invalid(n, "<" + n.name + "> holds a number of more than " + Values.MAX_DIGITS
                    + " digits before or after the decimal point, which no amount, quantity or rate of an invoice has");
        }
        return v;
    }

    static BigDecimal dec(XmlNode parent, String path) {
        return parent == null ? null : dec(parent.at(path));
    }

    static LocalDate isoDate(XmlNode n) {
        if (n == null || n.text == null || n.text.isBlank()) {
            return null;
        }
        String s = n.text.strip();
        var m = ISO_DATE.matcher(s);
        try {
            if (m.matches()) {
                return LocalDate.parse(m.group(1));
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(n, "<" + n.name + "> holds \"" + shorten(s) + "\", which is not a date in the form YYYY-MM-DD");
    }

    /** A CII date: {@code udt:DateTimeString} (or {@code DateString}) with format 102 below the node. */
    static LocalDate basicDate(XmlNode holder) {
        if (holder == null) {
            return null;
        }
        XmlNode n = holder.child("DateTimeString");
        if (n == null) {
            n = holder.child("DateString");
        }
        if (n == null) {
            throw missing(holder, "the date (DateTimeString)");
        }
        String format = n.attr("format");
        String s = n.text == null ? "" : n.text.strip();
        if (format != null && !format.strip().equals("102")) {
            throw invalid(n, "date format \"" + shorten(format) + "\" is not supported; EN 16931 requires format 102"
                    + " (YYYYMMDD)");
        }
        try {
            if (s.matches("\\d{8}")) {
                return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid(n, "<" + n.name + "> holds \"" + shorten(s) + "\", which is not a date in format 102 (YYYYMMDD)");
    }

    static boolean bool(XmlNode n) {
        String s = n == null || n.text == null ? "" : n.text.strip();
        if (s.equals("true")) {
            return true;
        }
        if (s.equals("false")) {
            return false;
        }
        throw invalid(n == null ? new XmlNode("", "ChargeIndicator", -1, -1, null) : n,
                "the charge indicator must be true or false, was \"" + shorten(s) + "\"");
    }

    static BinaryObject binary(XmlNode n) {
        if (n == null) {
            return null;
        }
        byte[] content;
        try {
            content = Base64.getMimeDecoder().decode(n.text == null ? "" : n.text.strip());
        } catch (IllegalArgumentException e) {
            throw invalid(n, "<" + n.name + "> does not hold valid base64 content: " + e.getMessage());
        }
        String mime = n.attr("mimeCode");
        String filename = n.attr("filename");
        return new BinaryObject(content, mime == null ? "" : mime, filename == null ? "" : filename);
    }

    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
