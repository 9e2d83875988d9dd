package de.ozgkit.sandbox.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The provider side's own reading of an XBezahldienste 1.0.0 {@code PaymentRequest}: types,
 * lengths, patterns, ranges and sums, written independently of the client so that the sandbox
 * also catches what a careless client sends. Every refusal names the field, the rule and what was
 * sent.
 */
final class RequestChecks {

    /** A checked request: what the provider keeps of it. */
    record Checked(String requestId, BigDecimal grosAmount, String purpose, String description, String redirectUrl,
                   String kassenzeichen, ObjectNode echo) {
    }

    private static final BigDecimal MAX = new BigDecimal("999999");

    private RequestChecks() {
    }

    /** Checks a path id (originatorId, endPointId): 1..36 of A-Z a-z 0-9 _ -. */
    static void pathId(String name, String value) {
        if (value == null || value.isEmpty() || value.length() > 36 || !allId(value)) {
            throw ProviderProblem.validation(name + " must be 1 to 36 characters of letters, digits, underscore"
                    + " and hyphen, was " + (value == null ? "absent" : value.length() + " characters"));
        }
    }

    static Checked check(JsonNode body, Set<String> requiredBookingData) {
        if (body == null || !body.isObject()) {
            throw ProviderProblem.validation("the body must be a JSON object, a PaymentRequest");
        }
        ObjectNode req = (ObjectNode) body;
        String requestId = requiredText(req, "requestId", 1, 36);
        if (!allId(requestId)) {
            throw ProviderProblem.validation("requestId must consist of letters, digits, underscore and hyphen, was "
                    + describe(requestId, RequestChecks::isIdChar));
        }
        String ts = optionalText(req, "requestTimestamp", 1, 64);
        if (ts != null) {
            try {
                OffsetDateTime.parse(ts);
            } catch (DateTimeParseException e) {
                throw ProviderProblem.validation("requestTimestamp must be an ISO 8601 date-time with offset,"
                        + " was a text of " + ts.length() + " characters that is not");
            }
        }
        String currency = requiredText(req, "currency", 3, 3);
        if (!currency.equals("EUR")) {
            throw ProviderProblem.validation("currency must be EUR, the only currency of XBezahldienste 1.0.0, was "
                    + (allWord(currency) ? currency : "another code"));
        }
        BigDecimal gros = amount(req, "grosAmount", true);
        if (gros.signum() <= 0) {
            throw ProviderProblem.validation("grosAmount must be greater than 0, was " + gros.toPlainString());
        }
        String purpose = optionalText(req, "purpose", 1, 27);
        if (purpose != null && !purpose.chars().allMatch(c -> isIdChar(c) || isSpace(c))) {
            throw ProviderProblem.validation("purpose must consist of letters, digits, underscore, hyphen and white"
                    + " space, was " + describe(purpose, c -> isIdChar(c) || isSpace(c)));
        }
        String description = optionalText(req, "description", 1, 250);
        if (description != null) {
            descriptionPattern("description", description);
        }
        String redirect = requiredText(req, "redirectUrl", 1, 2082);
        try {
            URI u = new URI(redirect);
            if (u.getScheme() == null || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    || u.getHost() == null) {
                throw ProviderProblem.validation("redirectUrl must be an absolute http or https URL");
            }
        } catch (java.net.URISyntaxException e) {
            throw ProviderProblem.validation("redirectUrl must be a valid URL, was not at index " + e.getIndex());
        }
        JsonNode items = req.get("items");
        if (items == null || !items.isArray()) {
            throw ProviderProblem.validation("items must be an array of 1 to 99 items, was "
                    + (items == null ? "absent" : "not an array"));
        }
        if (items.size() < 1 || items.size() > 99) {
            throw ProviderProblem.validation("items must have 1 to 99 entries, was " + items.size() + " entries");
        }
        BigDecimal sum = BigDecimal.ZERO;
        String kassenzeichen = null;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String p = "items." + i;
            if (!item.isObject()) {
                throw ProviderProblem.validation(p + " must be an object");
            }
            String id = requiredText(item, p + ".id", "id", 1, 36);
            if (!allId(id)) {
                throw ProviderProblem.validation(p + ".id must consist of letters, digits, underscore and hyphen, was "
                        + describe(id, RequestChecks::isIdChar));
            }
            String reference = optionalText(item, p + ".reference", "reference", 1, 36);
            if (reference != null && !allId(reference)) {
                throw ProviderProblem.validation(p + ".reference must consist of letters, digits, underscore and"
                        + " hyphen, was " + describe(reference, RequestChecks::isIdChar));
            }
            String itemDescription = optionalText(item, p + ".description", "description", 1, 250);
            if (itemDescription != null) {
                descriptionPattern(p + ".description", itemDescription);
            }
            JsonNode tax = item.get("taxRate");
            if (tax != null && !tax.isNull()) {
                if (!tax.isNumber() || tax.decimalValue().signum() < 0 || tax.decimalValue().compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw ProviderProblem.validation(p + ".taxRate must be a number from 0 to 100, was "
                            + (tax.isNumber() ? tax.decimalValue().toPlainString() : "not a number"));
                }
            }
            JsonNode q = item.get("quantity");
            long quantity = 1;
            if (q != null && !q.isNull()) {
                if (!q.isIntegralNumber() || q.asLong() < 1 || q.asLong() > 999_999) {
                    throw ProviderProblem.validation(p + ".quantity must be a whole number from 1 to 999999, was "
                            + (q.isNumber() ? q.decimalValue().toPlainString() : "not a number"));
                }
                quantity = q.asLong();
            }
            BigDecimal singleNet = amount(item, p + ".singleNetAmount", "singleNetAmount", false);
            BigDecimal singleTax = amount(item, p + ".singleTaxAmount", "singleTaxAmount", false);
            BigDecimal totalNet = amount(item, p + ".totalNetAmount", "totalNetAmount", false);
            BigDecimal totalTax = amount(item, p + ".totalTaxAmount", "totalTaxAmount", false);
            if (totalNet == null) {
                if (singleNet == null) {
                    throw ProviderProblem.validation(p + ".totalNetAmount is required, or singleNetAmount to compute it,"
                            + " was absent");
                }
                totalNet = singleNet.multiply(BigDecimal.valueOf(quantity));
            }
            if (totalTax == null) {
                totalTax = singleTax == null ? BigDecimal.ZERO : singleTax.multiply(BigDecimal.valueOf(quantity));
            }
            sum = sum.add(totalNet).add(totalTax);
            JsonNode booking = item.get("bookingData");
            if (booking != null && !booking.isNull()) {
                if (!booking.isObject()) {
                    throw ProviderProblem.validation(p + ".bookingData must be an object of texts");
                }
                for (Map.Entry<String, JsonNode> e : booking.properties()) {
                    if (!e.getValue().isTextual()) {
                        throw ProviderProblem.validation(p + ".bookingData values must be texts");
                    }
                    if (e.getKey().equals("Kassenzeichen") && kassenzeichen == null) {
                        kassenzeichen = e.getValue().textValue();
                    }
                }
            }
            for (String key : requiredBookingData) {
                JsonNode v = booking == null ? null : booking.get(key);
                if (v == null || !v.isTextual() || v.textValue().isBlank()) {
                    throw new ProviderProblem(400, "BOOKING_DATA_MISSING", p + ".bookingData lacks " + key
                            + ", which this provider needs for booking");
                }
            }
        }
        if (sum.compareTo(gros) != 0) {
            throw new ProviderProblem(400, "CALCULATION_ERROR", "grosAmount " + money(gros)
                    + " is not the sum of totalNetAmount and totalTaxAmount of the items, " + money(sum));
        }
        JsonNode requestor = req.get("requestor");
        if (requestor != null && !requestor.isNull()) {
            requestor(requestor);
        }
        return new Checked(requestId, gros, purpose, description, redirect, kassenzeichen, echo(req));
    }

    private static final List<String> REQUEST_FIELDS = List.of("requestId", "requestTimestamp", "currency", "grosAmount",
            "purpose", "description", "redirectUrl");
    private static final List<String> ITEM_FIELDS = List.of("id", "reference", "description", "taxRate", "quantity",
            "singleNetAmount", "singleTaxAmount", "totalNetAmount", "totalTaxAmount", "bookingData");
    private static final List<String> REQUESTOR_FIELDS = List.of("name", "firstName", "gender", "isOrganization",
            "organizationName");
    private static final List<String> ADDRESS_FIELDS = List.of("street", "houseNumber", "addressLine", "postalCode", "city",
            "country");

    /**
     * The request as the provider echoes it: the standard's fields only, as sent. Fields a client
     * adds beyond the standard are not echoed (a provider stores what it knows).
     */
    static ObjectNode echo(ObjectNode req) {
        ObjectNode echo = copy(req, REQUEST_FIELDS);
        ArrayNode items = echo.putArray("items");
        for (JsonNode item : req.get("items")) {
            items.add(copy((ObjectNode) item, ITEM_FIELDS));
        }
        JsonNode requestor = req.get("requestor");
        if (requestor != null && requestor.isObject()) {
            ObjectNode r = copy((ObjectNode) requestor, REQUESTOR_FIELDS);
            JsonNode address = requestor.get("address");
            if (address != null && address.isObject()) {
                r.set("address", copy((ObjectNode) address, ADDRESS_FIELDS));
            }
            echo.set("requestor", r);
        }
        return echo;
    }

    private static ObjectNode copy(ObjectNode from, List<String> names) {
        ObjectNode to = from.objectNode();
        for (String name : names) {
            JsonNode v = from.get(name);
            if (v != null && !v.isNull()) {
                to.set(name, v.deepCopy());
            }
        }
        return to;
    }

    private static void requestor(JsonNode r) {
        if (!r.isObject()) {
            throw ProviderProblem.validation("requestor must be an object");
        }
        JsonNode gender = r.get("gender");
        if (gender != null && !gender.isNull() && !(gender.isTextual() && Set.of("M", "F", "D").contains(gender.textValue()))) {
            throw ProviderProblem.validation("requestor.gender must be M, F or D");
        }
        JsonNode org = r.get("isOrganization");
        if (org != null && !org.isNull() && !org.isBoolean()) {
            throw ProviderProblem.validation("requestor.isOrganization must be true or false");
        }
        JsonNode address = r.get("address");
        if (address != null && !address.isNull()) {
            if (!address.isObject()) {
                throw ProviderProblem.validation("requestor.address must be an object");
            }
            JsonNode lines = address.get("addressLine");
            if (lines != null && !lines.isNull() && (!lines.isArray() || lines.size() > 9)) {
                throw ProviderProblem.validation("requestor.address.addressLine must be an array of at most 9 lines, was "
                        + (lines.isArray() ? lines.size() + " lines" : "not an array"));
            }
            JsonNode country = address.get("country");
            if (country != null && !country.isNull()
                    && !(country.isTextual() && country.textValue().matches("[A-Z]{2}"))) {
                throw ProviderProblem.validation("requestor.address.country must be an ISO 3166-1 alpha-2 code such as DE");
            }
        }
    }

    private static void descriptionPattern(String field, String value) {
        if (!value.chars().allMatch(RequestChecks::isDescriptionChar)) {
            throw ProviderProblem.validation(field + " must consist of letters, digits, underscore, hyphen, comma,"
                    + " period, white space and the letters from U 00C0 to U 017F, was "
                    + describe(value, RequestChecks::isDescriptionChar));
        }
    }

    private static String requiredText(JsonNode node, String name, int min, int max) {
        return requiredText(node, name, name, min, max);
    }

    private static String requiredText(JsonNode node, String field, String name, int min, int max) {
        String v = optionalText(node, field, name, min, max);
        if (v == null) {
            throw ProviderProblem.validation(field + " is required, was absent");
        }
        return v;
    }

    private static String optionalText(JsonNode node, String name, int min, int max) {
        return optionalText(node, name, name, min, max);
    }

    private static String optionalText(JsonNode node, String field, String name, int min, int max) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ProviderProblem.validation(field + " must be a text, was a JSON " + n.getNodeType().name().toLowerCase());
        }
        String v = n.textValue();
        int length = v.codePointCount(0, v.length());
        if (length < min || length > max) {
            throw ProviderProblem.validation(field + " must be " + (min == max ? "exactly " + min
                    : min + " to " + max) + " characters long, was " + length + " characters");
        }
        return v;
    }

    private static BigDecimal amount(JsonNode node, String name, boolean required) {
        BigDecimal a = amount(node, name, name, required);
        return a;
    }

    private static BigDecimal amount(JsonNode node, String field, String name, boolean required) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw ProviderProblem.validation(field + " is required, was absent");
            }
            return null;
        }
        if (!n.isNumber()) {
            throw ProviderProblem.validation(field + " must be a JSON number, was a JSON " + n.getNodeType().name().toLowerCase());
        }
        BigDecimal v = n.decimalValue();
        if (v.signum() < 0) {
            throw ProviderProblem.validation(field + " must not be negative, was " + v.toPlainString());
        }
        if (v.compareTo(MAX) > 0) {
            throw ProviderProblem.validation(field + " must be at most 999999, was " + v.toPlainString());
        }
        if (v.stripTrailingZeros().scale() > 2) {
            throw ProviderProblem.validation(field + " must have at most 2 decimal places, was " + v.toPlainString());
        }
        return v;
    }

    /** An amount with at least two decimal places, as money is written. */
    static String money(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.scale())).toPlainString();
    }

    private static boolean allId(String s) {
        return !s.isEmpty() && s.chars().allMatch(RequestChecks::isIdChar);
    }

    private static boolean allWord(String s) {
        return s.chars().allMatch(c -> isIdChar(c) && c != '-');
    }

    static boolean isIdChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDescriptionChar(int c) {
        return isIdChar(c) || isSpace(c) || c == ',' || c == '.' || c >= 0xC0 && c <= 0x17F;
    }

    /** Position of the first character not allowed, without quoting the text (it may be personal data). */
    private static String describe(String value, java.util.function.IntPredicate allowed) {
        for (int i = 0; i < value.length(); i++) {
            if (!allowed.test(value.charAt(i))) {
                return "a text with a character that is not allowed, U " + String.format("%04X", (int) value.charAt(i))
                        + ", at position " + (i + 1);
            }
        }
        return "a text that does not match";
    }
}
