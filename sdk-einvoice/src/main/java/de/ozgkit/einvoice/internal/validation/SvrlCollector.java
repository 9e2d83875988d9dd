package de.ozgkit.einvoice.internal.validation;

import de.ozgkit.einvoice.Finding;
import de.ozgkit.einvoice.Severity;
import de.ozgkit.einvoice.ValidationLayer;
import java.util.regex.Pattern;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Receives the SVRL output of a Schematron stylesheet as SAX events and turns every
 * {@code svrl:failed-assert} and {@code svrl:successful-report} into a {@link Finding}. Everything
 * else (fired rules, active patterns) is ignored, so no SVRL document is ever built.
 */
final class SvrlCollector extends DefaultHandler {
    private static final String SVRL = "http://purl.oclc.org/dsdl/svrl";
    /** The rule sets repeat the rule id at the start of the text: "[BR-52]-Each ...". */
    private static final Pattern LEADING_ID = Pattern.compile("^\\s*\\[[^\\]]{1,64}]\\s*-?\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private final ValidationLayer layer;
    private final Findings sink;

    private String id;
    private String flag;
    private String location;
    private StringBuilder text;
    private boolean inText;

    SvrlCollector(ValidationLayer layer, Findings sink) {
        this.layer = layer;
        this.sink = sink;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if (!SVRL.equals(uri)) {
            return;
        }
        switch (localName) {
            case "failed-assert", "successful-report" -> {
                id = atts.getValue("", "id");
                flag = atts.getValue("", "flag");
                location = atts.getValue("", "location");
                text = new StringBuilder();
            }
            case "text" -> inText = text != null;
            default -> {
                // fired-rule, active-pattern, ns-prefix-in-attribute-values: not findings
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            text.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!SVRL.equals(uri)) {
            return;
        }
        if ("text".equals(localName)) {
            inText = false;
        } else if (("failed-assert".equals(localName) || "successful-report".equals(localName)) && text != null) {
            String message = SPACE.matcher(LEADING_ID.matcher(text).replaceFirst("")).replaceAll(" ").trim();
            sink.add(new Finding(id == null || id.isBlank() ? "(unnamed rule)" : id.trim(), severity(flag),
                    location == null || location.isBlank() ? "/" : location, message, layer));
            text = null;
        }
    }

    /** Schematron flags as the official rule sets use them; KoSIT reads "fatal" as an error, too. */
    static Severity severity(String flag) {
        if (flag == null) {
            return Severity.ERROR;
        }
        return switch (flag.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "warning", "warn" -> Severity.WARNING;
            case "information", "info" -> Severity.INFO;
            default -> Severity.ERROR;
        };
    }
}
