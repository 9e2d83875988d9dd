package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import de.ozgkit.einvoice.internal.InvoiceTexts;
import de.ozgkit.einvoice.model.BinaryObject;
import de.ozgkit.einvoice.model.DirectDebit;
import de.ozgkit.einvoice.model.Invoice;
import de.ozgkit.einvoice.model.InvoiceLine;
import de.ozgkit.einvoice.model.InvoiceValueException;
import de.ozgkit.einvoice.model.Note;
import de.ozgkit.einvoice.model.PaymentCard;
import de.ozgkit.einvoice.model.PaymentInstructions;
import de.ozgkit.einvoice.model.SupportingDocument;
import de.ozgkit.einvoice.model.ThirdPartyPayment;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Every text of the invoice model survives a round trip, in both syntaxes: random strings from all of
 * Unicode (controls, CR/LF mixes, tabs, surrogate pairs, lone surrogates, U+FFFE/U+FFFF, U+1E9E, markup,
 * white space at the ends) are either refused when the invoice is assembled, with an
 * {@link InvoiceValueException} naming the business term and the character, or written, schema-valid,
 * and read back into an equal invoice.
 *
 * <p>The text fields are found by reflection over the model's records (every {@code String} component
 * reachable from {@link Invoice}, plus the MIME code and file name of {@link BinaryObject}), so a new
 * field cannot be forgotten: the test fails when a text component of a record is not reached.
 *
 * <p>Schema validity: the schemas are the ones {@link EInvoiceValidator} uses (UBL 2.1, full CII D16B).
 * For most fields any text is valid. Code fields whose schema type lists the allowed codes (in CII, e.g.
 * the currency or the document type code) cannot be valid for arbitrary text; for every field the test
 * therefore asserts that the random text gives exactly the schema errors that the plain text "X1" gives
 * in the same field (none for free text), i.e. that no character makes a document less valid. A text of
 * white space only is an absent value (as the readers take it) and is compared with the field left out
 * (the raw builder checks nothing, so a missing line identifier, for example, is a schema error in both).
 *
 * <p>Known limits, asserted as such: the UBL form of the note subject code ({@code #CODE#text}, BT-21)
 * carries one to three letters or digits only, other subject codes are refused by the UBL writer; sub
 * invoice lines and third party payments exist in UBL only.
 */
class TextRoundTripPropertyTest {

    /** Texts kept verbatim by model and readers; all others lose white space at either end. */
    private static final Set<String> VERBATIM = Set.of("Invoice.paymentTerms", "Note.text", "InvoiceLine.note",
            "BinaryObject.mimeCode", "BinaryObject.filename");
    /** Texts an invoice requires: a blank one is refused. */
    private static final Set<String> REQUIRED = Set.of("Note.text", "Identifier.value", "PrecedingInvoiceReference.number",
            "SupportingDocument.reference", "CreditTransfer.accountId", "PaymentCard.primaryAccountNumber",
            "Classification.code", "ItemAttribute.name", "ItemAttribute.value");
    private static final java.util.regex.Pattern UBL_SUBJECT_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,3}");

    /** One step of a path through the model: a record component, a list index, or a BinaryObject part. */
    private record Step(String name, int index) {
        @Override
        public String toString() {
            return index >= 0 ? "[" + index + "]" : "." + name;
        }
    }

    /** A text field: where it is, and which record component it is ({@code Seller.name}). */
    private record Field(List<Step> path, String component) {
        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("invoice");
            path.forEach(sb::append);
            return sb.toString();
        }
    }

    // ---- the base invoices: every record type of the model present, every list non-empty ----

    /** For UBL: everything, including sub invoice lines and third party payments. */
    static Invoice ublBase() {
        Invoice rich = ciiBase();
        InvoiceLine first = rich.lines().get(0);
        Object sub = with(first, List.of(new Step("id", -1)), 0, "1.1");
        Invoice withSub = (Invoice) with(rich, List.of(new Step("lines", -1), new Step(null, 0), new Step("subLines", -1)),
                0, List.of(sub));
        return withSub.toRawBuilder()
                .addThirdPartyPayment(new ThirdPartyPayment("DL", TestInvoices.d("1.00"), "Porto"))
                .build();
    }

    /** For CII: everything CII carries. */
    static Invoice ciiBase() {
        Invoice rich = TestInvoices.rich();
        // every price with a base quantity, so that its unit (BT-150) can be carried
        rich = (Invoice) with(rich, List.of(new Step("lines", -1), new Step(null, 0), new Step("price", -1),
                new Step("baseQuantity", -1)), 0, java.math.BigDecimal.ONE);
        rich = (Invoice) with(rich, List.of(new Step("lines", -1), new Step(null, 0), new Step("price", -1),
                new Step("baseQuantityUnit", -1)), 0, "HUR");
        PaymentInstructions p = rich.paymentInstructions();
        return rich.toRawBuilder()
                .paymentInstructions(new PaymentInstructions(p.meansCode(), p.meansText(), p.remittanceInformation(),
                        p.creditTransfers(), new PaymentCard("1234", "Max Muster"),
                        new DirectDebit("MANDAT-1", "DE98ZZZ09999999999", "DE02120300000000202051")))
                .build();
    }

    // ---- reflection over the model ----

    private static List<Field> textFields(Object root) {
        List<Field> out = new ArrayList<>();
        walk(root, new ArrayList<>(), out);
        return out;
    }

    private static void walk(Object node, List<Step> path, List<Field> out) {
        if (node instanceof BinaryObject) {
            out.add(new Field(List.copyOf(append(path, new Step("mimeCode", -1))), "BinaryObject.mimeCode"));
            out.add(new Field(List.copyOf(append(path, new Step("filename", -1))), "BinaryObject.filename"));
            return;
        }
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), append(path, new Step(null, i)), out);
            }
            return;
        }
        if (node == null || !node.getClass().isRecord()) {
            return;
        }
        for (RecordComponent rc : node.getClass().getRecordComponents()) {
            List<Step> p = append(path, new Step(rc.getName(), -1));
            if (rc.getType() == String.class) {
                out.add(new Field(List.copyOf(p), node.getClass().getSimpleName() + "." + rc.getName()));
            } else {
                walk(get(node, rc), p, out);
            }
        }
    }

    /** Every text component of every record reachable from {@link Invoice} by type. */
    private static Set<String> textComponentsByType() {
        Set<String> out = new TreeSet<>();
        collect(Invoice.class, new LinkedHashSet<>(), out);
        return out;
    }

    private static void collect(Class<?> type, Set<Class<?>> seen, Set<String> out) {
        if (type == BinaryObject.class) {
            out.add("BinaryObject.mimeCode");
            out.add("BinaryObject.filename");
            return;
        }
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getType() == String.class) {
                out.add(type.getSimpleName() + "." + rc.getName());
            } else if (rc.getType() == List.class) {
                Type element = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
                collect((Class<?>) element, seen, out);
            } else {
                collect(rc.getType(), seen, out);
            }
        }
    }

    private static List<Step> append(List<Step> path, Step s) {
        List<Step> p = new ArrayList<>(path);
        p.add(s);
        return p;
    }

    private static Object get(Object record, RecordComponent rc) {
        try {
            return rc.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * @return a copy of the model with the value at the path replaced, rebuilt through the records'
     *         canonical constructors (the {@link Invoice} constructor checks the texts)
     */
    private static Object with(Object node, List<Step> path, int from, Object value) {
        if (from == path.size()) {
            return value;
        }
        Step s = path.get(from);
        if (s.index() >= 0) {
            List<Object> copy = new ArrayList<>((List<?>) node);
            copy.set(s.index(), with(copy.get(s.index()), path, from + 1, value));
            return copy;
        }
        if (node instanceof BinaryObject b) {
            return s.name().equals("mimeCode") ? new BinaryObject(b.content(), (String) value, b.filename())
                    : new BinaryObject(b.content(), b.mimeCode(), (String) value);
        }
        RecordComponent[] rcs = node.getClass().getRecordComponents();
        Object[] args = new Object[rcs.length];
        Class<?>[] types = new Class<?>[rcs.length];
        for (int i = 0; i < rcs.length; i++) {
            types[i] = rcs[i].getType();
            args[i] = get(node, rcs[i]);
            if (rcs[i].getName().equals(s.name())) {
                args[i] = with(args[i], path, from + 1, value);
            }
        }
        try {
            Constructor<?> c = node.getClass().getDeclaredConstructor(types);
            return c.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object valueAt(Object root, List<Step> path) {
        Object node = root;
        for (Step s : path) {
            if (s.index() >= 0) {
                node = ((List<?>) node).get(s.index());
            } else if (node instanceof BinaryObject b) {
                node = s.name().equals("mimeCode") ? b.mimeCode() : b.filename();
            } else {
                RecordComponent rc = Arrays.stream(node.getClass().getRecordComponents())
                        .filter(c -> c.getName().equals(s.name())).findFirst().orElseThrow();
                node = get(node, rc);
            }
        }
        return node;
    }

    // ---- random text ----

    private static final int[] SPECIAL = {'<', '>', '&', '"', '\'', ']', '#', ' ', '\t', '\n', '\r', 0x85, 0xA0, 0x2028,
        0x2029, 0x2003, 0xFEFF, 0x1E9E, 0xDF, 0xE4, 0x20AC, 0xFDD0, 0xFFFD, 0x7F, 0x9F, 0x1F600, 0x10FFFF};
    private static final int[] ILLEGAL = {0x0, 0x7, 0x8, 0xB, 0xC, 0x1B, 0x1F, 0xFFFE, 0xFFFF, 0xD800, 0xDBFF, 0xDC00,
        0xDFFF};

    /** Random text; with {@code hostile} it may hold characters XML 1.0 cannot carry. */
    static String randomText(Random r, boolean hostile) {
        int n = r.nextInt(20) == 0 ? 200 + r.nextInt(2000) : r.nextInt(24);
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(10) == 0) {
            sb.append(r.nextBoolean() ? "#AB#" : "]]>");
        }
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(hostile ? 12 : 10);
            switch (kind) {
                case 0, 1, 2 -> sb.append((char) (0x20 + r.nextInt(0x5F)));
                case 3 -> sb.appendCodePoint(SPECIAL[r.nextInt(SPECIAL.length)]);
                case 4 -> sb.append(r.nextBoolean() ? "\r\n" : r.nextBoolean() ? "\n\r" : "\r");
                case 5 -> sb.appendCodePoint(0x80 + r.nextInt(0xD800 - 0x80));
                case 6 -> sb.appendCodePoint(0xE000 + r.nextInt(0xFFFE - 0xE000));
                case 7 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                case 8 -> sb.append(r.nextBoolean() ? " " : "\t");
                case 9 -> sb.appendCodePoint(0x1E9E);
                default -> sb.appendCodePoint(ILLEGAL[r.nextInt(ILLEGAL.length)]);
            }
        }
        return sb.toString();
    }

    // ---- the oracle ----

    private static String canonical(Field f, String v) {
        if (VERBATIM.contains(f.component())) {
            return v.isEmpty() && !f.component().startsWith("BinaryObject") && !REQUIRED.contains(f.component()) ? null : v;
        }
        String t = v.strip();
        return t.isEmpty() && !REQUIRED.contains(f.component()) ? null : t;
    }

    /** Sets the text, checks refusal or the round trip in both syntaxes; returns what happened. */
    private String check(Invoice base, InvoiceSyntax syntax, Field f, String v, Map<String, List<String>> baselines,
            boolean schema) {
        String c = canonical(f, v);
        int illegal = InvoiceTexts.firstIllegal(c);
        Invoice changed;
        try {
            changed = (Invoice) with(base, f.path(), 0, v);
        } catch (InvoiceValueException e) {
            if (illegal >= 0) {
                assertThat(e.codePoint()).as("%s: refused code point", f).isEqualTo(c.codePointAt(illegal));
                assertThat(e.field()).as("%s: business term", f).matches("B[TG]-(DEX-)?\\d+(-\\d)?");
                assertThat(e.getMessage()).contains(e.field()).contains(String.format("U+%04X", e.codePoint()));
                return "refused";
            }
            if (c == null || c.isEmpty()) {
                // a blank text is an absent value; an invoice that needs it (a required text, BT-6 with BT-111)
                // is refused without naming a character
                assertThat(e.codePoint()).as("%s: %s", f, e.getMessage()).isEqualTo(-1);
                return "refused blank";
            }
            throw new AssertionError(f + " refused " + escape(v) + " wrongly: " + e.getMessage(), e);
        }
        assertThat(illegal).as("%s: %s must be refused", f, escape(v)).isNegative();
        Object stored = valueAt(changed, f.path());
        Matcher noteCode = Note.SUBJECT_CODE_PREFIX.matcher(c == null ? "" : c);
        boolean splitNote = f.component().equals("Note.text") && ((Note) valueAt(changed, f.path().subList(0,
                f.path().size() - 1))).subjectCode() != null && noteCode.matches() && !noteCode.group(2).isEmpty()
                && ((Note) valueAt(base, f.path().subList(0, f.path().size() - 1))).subjectCode() == null;
        if (!splitNote) {
            assertThat(stored).as("%s holds the canonical value", f).isEqualTo(c);
        }
        if (syntax == InvoiceSyntax.UBL && f.component().equals("Note.subjectCode") && c != null
                && !UBL_SUBJECT_CODE.matcher(c).matches()) {
            try {
                EInvoices.write(changed, syntax);
                fail("%s: the UBL writer must refuse the subject code %s", f, escape(c));
            } catch (EInvoiceFormatException e) {
                assertThat(e.reason()).isEqualTo(EInvoiceFormatException.Reason.UNSUPPORTED_CONTENT);
                return "unsupported";
            }
        }
        byte[] xml = EInvoices.write(changed, syntax);
        List<String> errors = schema ? errorKinds(Schemas.validatorSchemaErrors(xml)) : List.of();
        // schema-valid; where not, the same errors as a plain value in the field, or as leaving the field out
        // when the text is blank (an absent value)
        if (!errors.isEmpty()) {
            String plain = c == null ? null : "X1";
            List<String> baseline = baselines.computeIfAbsent(syntax + " " + f + " " + plain, k -> errorKinds(
                    Schemas.validatorSchemaErrors(EInvoices.write((Invoice) with(base, f.path(), 0, plain), syntax))));
            assertThat(errors).as("%s %s = %s: schema errors (%s gives %s)", syntax, f, escape(v), plain, baseline)
                    .isEqualTo(baseline);
        }
        Invoice back;
        try {
            back = EInvoices.read(xml);
        } catch (EInvoiceFormatException e) {
            if (c == null && (!errors.isEmpty() || !schema) && e.reason() == EInvoiceFormatException.Reason.MISSING_ELEMENT) {
                return "absent required element";   // as with the field left out: the syntax requires it
            }
            throw e;
        }
        if (!back.equals(changed)) {
            fail("%s %s = %s does not read back equal: %s", syntax, f, escape(v), ModelDiff.diff(changed, back));
        }
        return "round trip";
    }

    /** The constraint names of the schema errors (without line, column and the value), sorted. */
    private static List<String> errorKinds(List<String> errors) {
        List<String> kinds = new ArrayList<>();
        for (String e : errors) {
            String m = e.substring(e.indexOf(' ') + 1);
            int colon = m.indexOf(':');
            kinds.add(colon > 0 ? m.substring(0, colon) : m);
        }
        kinds.sort(null);
        return kinds;
    }

    static String escape(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        s.codePoints().limit(80).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\') {
                sb.append((char) cp);
            } else {
                sb.append(String.format("\\u{%X}", cp));
            }
        });
        return sb.append(s.length() > 80 ? "...\"" : "\"").toString();
    }

    // ---- the tests ----

    @Test
    void everyTextComponentOfTheModel_isReachedByTheTest() {
        Set<String> reached = new TreeSet<>();
        textFields(ublBase()).forEach(f -> reached.add(f.component()));
        assertThat(reached).as("text components of the model that the base invoice does not reach; populate them")
                .containsAll(textComponentsByType());
        assertThat(reached).containsAll(VERBATIM).containsAll(REQUIRED);
    }

    @Test
    void baseInvoices_roundTripAndAreSchemaValid() {
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            Invoice base = syntax == InvoiceSyntax.UBL ? ublBase() : ciiBase();
            byte[] xml = EInvoices.write(base, syntax);
            assertThat(Schemas.validatorSchemaErrors(xml)).as(syntax.name()).isEmpty();
            assertThat(EInvoices.read(xml)).as(syntax.name()).isEqualTo(base);
        }
    }

    @Test
    void randomTextInEveryField_isRefusedOrRoundTrips_inBothSyntaxes() {
        Random r = new Random(20240502L);
        Map<String, List<String>> baselines = new HashMap<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        int fields = 0;
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            Invoice base = syntax == InvoiceSyntax.UBL ? ublBase() : ciiBase();
            for (Field f : textFields(base)) {
                fields++;
                for (int k = 0; k < 4; k++) {
                    String v = randomText(r, k >= 2);
                    // the schema check for every other text (the all-at-once test below checks every document)
                    outcomes.merge(check(base, syntax, f, v, baselines, k % 2 == 0), 1, Integer::sum);
                }
            }
        }
        System.out.println("text fields checked (UBL + CII): " + fields + ", outcomes: " + outcomes);
        assertThat(outcomes.get("refused")).isGreaterThan(100);
        assertThat(outcomes.get("round trip")).isGreaterThan(fields);
    }

    @Test
    void randomTextInAllFieldsAtOnce_roundTrips_inBothSyntaxes() {
        Random r = new Random(4711L);
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            Invoice base = syntax == InvoiceSyntax.UBL ? ublBase() : ciiBase();
            List<Field> fields = textFields(base);
            Object plain = base;
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                if (!(syntax == InvoiceSyntax.UBL && f.component().equals("Note.subjectCode"))) {
                    plain = with(plain, f.path(), 0, "X" + i);
                }
            }
            List<String> baseline = errorKinds(Schemas.validatorSchemaErrors(EInvoices.write((Invoice) plain, syntax)));
            for (int trial = 0; trial < 8; trial++) {
                Object changed = base;
                for (Field f : fields) {
                    if (syntax == InvoiceSyntax.UBL && f.component().equals("Note.subjectCode")) {
                        continue;
                    }
                    String v;
                    do {
                        v = randomText(r, false);
                    } while (v.isBlank() || f.component().equals("Note.text") && Note.SUBJECT_CODE_PREFIX.matcher(v).matches());
                    changed = with(changed, f.path(), 0, v);
                }
                Invoice inv = (Invoice) changed;
                byte[] xml = EInvoices.write(inv, syntax);
                assertThat(errorKinds(Schemas.validatorSchemaErrors(xml))).as("%s trial %d", syntax, trial).isEqualTo(baseline);
                Invoice back = EInvoices.read(xml);
                if (!back.equals(inv)) {
                    fail("%s trial %d does not read back equal: %s", syntax, trial, ModelDiff.diff(inv, back));
                }
            }
        }
    }

    @Test
    void bothBuilders_refuseAnIllegalCharacter_namingTermAndCharacter() {
        for (var builder : List.of(TestInvoices.minimal(), TestInvoices.minimal().build().toRawBuilder())) {
            builder.paymentTerms("Zeile 1\u0007Glocke");
            org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                    .isInstanceOfSatisfying(InvoiceValueException.class, e -> {
                        assertThat(e.field()).isEqualTo("BT-20");
                        assertThat(e.codePoint()).isEqualTo(7);
                        assertThat(e.index()).isEqualTo(7);
                    }).hasMessageContaining("BT-20").hasMessageContaining("U+0007");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestInvoices.minimal()
                        .addNote(Note.of("lone \uD800 surrogate")).build())
                .isInstanceOfSatisfying(InvoiceValueException.class, e -> assertThat(e.field()).isEqualTo("BT-22"))
                .hasMessageContaining("lone surrogate U+D800");
    }

    @Test
    void crLfAndTabs_readBackEqual() {
        Invoice inv = TestInvoices.minimal().paymentTerms("Zeile 1\r\nZeile 2\rZeile 3\n\tEnde\r")
                .addNote(Note.of("\r\n")).build();
        for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
            byte[] xml = EInvoices.write(inv, syntax);
            assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8)).contains("Zeile 1&#13;\nZeile 2&#13;Zeile 3");
            assertThat(EInvoices.read(xml)).isEqualTo(inv);
        }
    }

    @Test
    void attachments_roundTripByteExact_forRandomBytes() {
        Random r = new Random(99);
        for (int size : new int[] {0, 1, 2, 3, 4, 57, 58, 76, 77, 12287, 12288, 12289, 100_000}) {
            byte[] content = new byte[size];
            r.nextBytes(content);
            for (InvoiceSyntax syntax : InvoiceSyntax.values()) {
                Invoice inv = TestInvoices.minimal().addSupportingDocument(new SupportingDocument("A-" + size, null, null,
                        new BinaryObject(content, "application/pdf", "anlage.pdf"))).build();
                byte[] xml = EInvoices.write(inv, syntax);
                assertThat(Schemas.validatorSchemaErrors(xml)).as("%s, %d bytes", syntax, size).isEmpty();
                Invoice back = EInvoices.read(xml);
                assertThat(back.supportingDocuments().get(0).attachment().content()).as("%s, %d bytes", syntax, size)
                        .isEqualTo(content);
                assertThat(back).isEqualTo(inv);
            }
        }
    }
}
