package de.ozgkit.directory.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.id.Ags;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.InvalidIdentifierException;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.core.internal.Json;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Link;
import de.ozgkit.directory.Location;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Organisationseinheit;
import de.ozgkit.directory.Page;
import de.ozgkit.directory.Role;
import de.ozgkit.directory.SecondaryId;
import de.ozgkit.directory.TextModule;
import de.ozgkit.directory.Zustaendigkeit;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PVOG search service's answers, in one place: every JSON member name the client reads, and
 * the checks that turn a JSON tree into the XZuFi model. Unknown members are ignored; a member of
 * the wrong type, an invalid key (ARS, AGS, LeiKa) or a malformed date is a PROTOCOL error naming
 * the member's path, e.g. {@code content[2].leikakeys[0]}.
 */
final class PvogJson {

    /** Where a member sits in the answer; turned into text ({@code content[2].leikakeys[0]}) only for a message. */
    record Loc(Loc parent, String field, int index) {
        static final Loc ROOT = new Loc(null, null, -1);

        Loc child(String name) {
            return new Loc(this, name, -1);
        }

        Loc at(int i) {
            return new Loc(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String up = parent.toString();
            if (field != null) {
                return up.isEmpty() ? field : up + "." + field;
            }
            return up + "[" + index + "]";
        }
    }

    private PvogJson() {
    }

    static JsonNode parse(java.io.InputStream body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || node.isMissingNode()) {
                throw protocol("the answer is empty, expected JSON");
            }
            return node;
        } catch (IOException e) {
            throw new OzgClientException(OzgClientException.Kind.PROTOCOL, "the answer is not valid JSON ("
                    + oneLine(e.getMessage()) + ")", e, 0);
        }
    }

    static List<Location> locations(JsonNode root) {
        if (!root.isArray()) {
            throw protocol("expected a JSON array of locations, got " + root.getNodeType());
        }
        List<Location> out = new ArrayList<>(root.size());
        int i = 0;
        for (JsonNode n : root) {
            Loc path = Loc.ROOT.at(i++);
            object(n, path);
            String ars = requiredText(n, "ars", path);
            String ags = text(n, "ags", path);
            out.add(new Location(key(path.child("ars"), () -> Ars.parse(ars)),
                    ags == null ? null : key(path.child("ags"), () -> Ags.parse(ags)),
                    requiredText(n, "name", path), text(n, "zip", path)));
        }
        return out;
    }

    static Page<Leistung> servicePage(JsonNode root, int askedPage, int askedSize) {
        object(root, Loc.ROOT);
        List<Leistung> items = list(root, "content", Loc.ROOT, PvogJson::leistung);
        int number = intValue(root, "number", Loc.ROOT, askedPage);
        int size = intValue(root, "size", Loc.ROOT, askedSize);
        long total = longValue(root, "totalElements", Loc.ROOT, items.size());
        int pages = intValue(root, "totalPages", Loc.ROOT, total == 0 ? 0 : number + 1);
        return new Page<>(items, number, size, total, pages);
    }

    static Leistung leistung(JsonNode n, Loc path) {
        object(n, path);
        Map<String, TextModule> modules = new LinkedHashMap<>();
        for (TextModule m : list(n, "details", path, PvogJson::module)) {
            // a description may carry a module once per language; the first one wins
            modules.putIfAbsent(m.code(), m);
        }
        Instant lastUpdate = instant(n, "lastUpdate", path);
        return new Leistung(requiredText(n, "id", path), requiredText(n, "name", path),
                list(n, "leikakeys", path, (e, p) -> {
                    String k = textNode(e, p);
                    return key(p, () -> LeikaKey.parse(k));
                }),
                arsList(n, "ars", path), modules,
                list(n, "onlineServiceLinks", path, (e, p) -> {
                    object(e, p);
                    return new Leistung.OnlineServiceLink(text(e, "id", p), text(e, "title", p), requiredText(e, "uri", p));
                }),
                list(n, "organisationIds", path, PvogJson::textNode),
                list(n, "organisations", path, PvogJson::zustaendigkeit),
                list(n, "sourcePortals", path, PvogJson::link),
                lastUpdate);
    }

    private static TextModule module(JsonNode n, Loc path) {
        object(n, path);
        return new TextModule(requiredText(n, "code", path), text(n, "title", path), text(n, "text", path),
                list(n, "links", path, PvogJson::link), date(n, "date", path),
                list(n, "details", path, (e, p) -> {
                    object(e, p);
                    return new TextModule.Entry(text(e, "title", p), text(e, "text", p));
                }));
    }

    private static Zustaendigkeit zustaendigkeit(JsonNode n, Loc path) {
        object(n, path);
        Role role = role(n, path);
        if (role == null) {
            throw protocol(path.child("role") + " is missing; a responsibility needs a role");
        }
        return new Zustaendigkeit(requiredText(n, "id", path), text(n, "title", path), role, arsList(n, "ars", path),
                list(n, "secondaryIds", path, (e, p) -> {
                    object(e, p);
                    return new SecondaryId(text(e, "schemeId", p), text(e, "schemeAgencyId", p),
                            requiredText(e, "value", p));
                }));
    }

    static Organisationseinheit organisationUnit(JsonNode n) {
        Loc path = Loc.ROOT;
        object(n, path);
        JsonNode location = member(n, "location");
        List<Organisationseinheit.Address> addresses = List.of();
        List<Organisationseinheit.OpeningTime> hours = List.of();
        String hoursNote = null;
        if (location != null) {
            Loc lp = path.child("location");
            object(location, lp);
            addresses = list(location, "addresses", lp, (e, p) -> {
                object(e, p);
                return new Organisationseinheit.Address(text(e, "type", p), text(e, "street", p),
                        text(e, "houseNumber", p), text(e, "zip", p), text(e, "city", p));
            });
            hours = list(location, "openingHours", lp, PvogJson::openingTime);
            hoursNote = text(location, "openingHoursNote", lp);
        }
        return new Organisationseinheit(requiredText(n, "id", path), requiredText(n, "title", path), role(n, path),
                addresses,
                list(n, "communicationSystems", path, (e, p) -> {
                    object(e, p);
                    JsonNode channel = member(e, "channel");
                    String code = null;
                    String name = null;
                    if (channel != null) {
                        Loc c = p.child("channel");
                        object(channel, c);
                        code = text(channel, "code", c);
                        name = text(channel, "name", c);
                    }
                    return new Organisationseinheit.Contact(code, name, requiredText(e, "value", p));
                }),
                hours, hoursNote,
                list(n, "bankAccounts", path, (e, p) -> {
                    object(e, p);
                    return new Organisationseinheit.BankAccount(text(e, "accountHolder", p), requiredText(e, "iban", p),
                            text(e, "bic", p), text(e, "bankName", p));
                }),
                list(n, "internetAddresses", path, PvogJson::link),
                instant(n, "lastUpdate", path));
    }

    private static Organisationseinheit.OpeningTime openingTime(JsonNode e, Loc p) {
        object(e, p);
        String day = requiredText(e, "dayOfWeek", p);
        DayOfWeek dayOfWeek;
        try {
            dayOfWeek = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw protocol(p.child("dayOfWeek") + " must be MONDAY to SUNDAY, was " + quote(day));
        }
        return new Organisationseinheit.OpeningTime(dayOfWeek, time(e, "from", p), time(e, "until", p));
    }

    static Onlinedienst onlineService(JsonNode n) {
        Loc path = Loc.ROOT;
        object(n, path);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String[] pair : list(n, "parameters", path, (e, p) -> {
            object(e, p);
            return new String[] {requiredText(e, "name", p), text(e, "value", p)};
        })) {
            if (pair[1] != null) {
                parameters.putIfAbsent(pair[0], pair[1]);
            }
        }
        return new Onlinedienst(requiredText(n, "id", path), requiredText(n, "title", path),
                text(n, "description", path), list(n, "links", path, PvogJson::link),
                text(n, "levelOfAssurance", path), list(n, "organisationIds", path, PvogJson::textNode),
                arsList(n, "ars", path), parameters);
    }

    // ---------------------------------------------------------------------------------- helpers

    private static Role role(JsonNode n, Loc path) {
        JsonNode role = member(n, "role");
        if (role == null) {
            return null;
        }
        Loc r = path.child("role");
        object(role, r);
        return new Role(requiredText(role, "code", r), text(role, "name", r));
    }

    private static Link link(JsonNode e, Loc p) {
        object(e, p);
        return new Link(text(e, "title", p), requiredText(e, "uri", p));
    }

    private static List<Ars> arsList(JsonNode n, String field, Loc path) {
        return list(n, field, path, (e, p) -> {
            String a = textNode(e, p);
            return key(p, () -> Ars.parse(a));
        });
    }

    private interface Reader<T> {
        T read(JsonNode node, Loc path);
    }

    private static <T> List<T> list(JsonNode n, String field, Loc path, Reader<T> reader) {
        JsonNode array = member(n, field);
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw protocol(path.child(field) + " must be an array, was " + array.getNodeType());
        }
        List<T> out = new ArrayList<>(array.size());
        Loc p = path.child(field);
        int i = 0;
        for (JsonNode e : array) {
            out.add(reader.read(e, p.at(i++)));
        }
        return out;
    }

    private static JsonNode member(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static void object(JsonNode n, Loc path) {
        if (!n.isObject()) {
            throw protocol(path + " must be an object, was " + n.getNodeType());
        }
    }

    private static String textNode(JsonNode e, Loc p) {
        if (!e.isTextual()) {
            throw protocol(p + " must be a string, was " + e.getNodeType());
        }
        return e.textValue();
    }

    private static String text(JsonNode n, String field, Loc path) {
        JsonNode v = member(n, field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw protocol(path.child(field) + " must be a string, was " + v.getNodeType());
        }
        return v.textValue();
    }

    private static String requiredText(JsonNode n, String field, Loc path) {
        String v = text(n, field, path);
        if (v == null) {
            throw protocol(path.child(field) + " is missing");
        }
        return v;
    }

    private static int intValue(JsonNode n, String field, Loc path, int dflt) {
        long v = longValue(n, field, path, dflt);
        if (v > Integer.MAX_VALUE) {
            throw protocol(path.child(field) + " must be at most " + Integer.MAX_VALUE + ", was " + v);
        }
        return (int) v;
    }

    private static long longValue(JsonNode n, String field, Loc path, long dflt) {
        JsonNode v = member(n, field);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw protocol(path.child(field) + " must be a non-negative whole number, was " + oneLine(v.toString()));
        }
        return v.longValue();
    }

    private static LocalDate date(JsonNode n, String field, Loc path) {
        String v = text(n, field, path);
        if (v == null) {
            return null;
        }
        try {
            // a date, or the date part of a date-time
            return IsoTimes.date(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
        } catch (DateTimeException e) {
            throw protocol(path.child(field) + " must be an ISO date (yyyy-MM-dd), was " + quote(v));
        }
    }

    private static LocalTime time(JsonNode n, String field, Loc path) {
        String v = requiredText(n, field, path);
        try {
            return IsoTimes.time(v);
        } catch (DateTimeException e) {
            throw protocol(path.child(field) + " must be a time (HH:mm), was " + quote(v));
        }
    }

    private static Instant instant(JsonNode n, String field, Loc path) {
        String v = text(n, field, path);
        if (v == null) {
            return null;
        }
        try {
            return IsoTimes.instant(v);
        } catch (DateTimeException e) {
            throw protocol(path.child(field) + " must be an ISO date-time with offset, was " + quote(v));
        }
    }

    private static <T> T key(Loc path, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidIdentifierException e) {
            throw protocol(path + ": " + e.getMessage());
        }
    }

    static OzgClientException protocol(String message) {
        return new OzgClientException(OzgClientException.Kind.PROTOCOL, message, null, 0);
    }

    /** Quotes a value from the answer for a message: shortened, control characters escaped. */
    static String quote(String value) {
        String v = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.append('"').toString();
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
