package de.ozgkit.sandbox.directory;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.id.Ags;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.InvalidIdentifierException;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.SandboxException;
import de.ozgkit.sandbox.directory.DirectoryFixture.Address;
import de.ozgkit.sandbox.directory.DirectoryFixture.Bank;
import de.ozgkit.sandbox.directory.DirectoryFixture.Communication;
import de.ozgkit.sandbox.directory.DirectoryFixture.Entry;
import de.ozgkit.sandbox.directory.DirectoryFixture.Hyperlink;
import de.ozgkit.sandbox.directory.DirectoryFixture.Module;
import de.ozgkit.sandbox.directory.DirectoryFixture.OnlineService;
import de.ozgkit.sandbox.directory.DirectoryFixture.Opening;
import de.ozgkit.sandbox.directory.DirectoryFixture.Place;
import de.ozgkit.sandbox.directory.DirectoryFixture.Responsibility;
import de.ozgkit.sandbox.directory.DirectoryFixture.SecondaryId;
import de.ozgkit.sandbox.directory.DirectoryFixture.Service;
import de.ozgkit.sandbox.directory.DirectoryFixture.Unit;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads and checks the directory fixture format: every key (ARS, AGS, LeiKa) valid, ids unique,
 * every reference (responsible unit, online service, unit of an online service) resolvable, dates
 * and times well-formed. A broken file fails with a {@link SandboxException} naming the member.
 */
final class FixtureReader {

    private final String source;

    private FixtureReader(String source) {
        this.source = source;
    }

    static DirectoryFixture read(byte[] json, String source) {
        return new FixtureReader(source).read(json);
    }

    private DirectoryFixture read(byte[] json) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw fail("is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw fail("must be a JSON object with places, organisationUnits, onlineServices and services");
        }
        Map<String, Place> places = index(list(root, "places", "", this::place), Place::ars, "places", "ars");
        Map<String, Unit> units = index(list(root, "organisationUnits", "", this::unit), Unit::id,
                "organisationUnits", "id");
        Map<String, OnlineService> online = index(list(root, "onlineServices", "", this::onlineService),
                OnlineService::id, "onlineServices", "id");
        Map<String, Service> services = index(list(root, "services", "", this::service), Service::id, "services", "id");
        for (OnlineService o : online.values()) {
            for (String unit : o.organisationIds()) {
                if (!units.containsKey(unit)) {
                    throw fail("onlineServices " + o.id() + " names organisation unit " + unit + ", which is not listed");
                }
            }
        }
        for (Service s : services.values()) {
            for (String od : s.onlineServiceIds()) {
                if (!online.containsKey(od)) {
                    throw fail("services " + s.id() + " names online service " + od + ", which is not listed");
                }
            }
            for (Responsibility r : s.responsibilities()) {
                if (!units.containsKey(r.organisationId())) {
                    throw fail("services " + s.id() + " names responsible unit " + r.organisationId()
                            + ", which is not listed");
                }
            }
        }
        return new DirectoryFixture(places, units, online, services);
    }

    private Place place(JsonNode n, String p) {
        String ars = ars(n, "ars", p);
        String ags = text(n, "ags", p);
        if (ags != null) {
            check(p + ".ags", () -> Ags.parse(ags));
        }
        return new Place(ars, ags, required(n, "name", p), list(n, "postcodes", p, this::string));
    }

    private Unit unit(JsonNode n, String p) {
        return new Unit(required(n, "id", p), required(n, "title", p), dateTime(n, "lastUpdate", p),
                list(n, "addresses", p, (e, q) -> new Address(text(e, "type", q), text(e, "street", q),
                        text(e, "houseNumber", q), text(e, "zip", q), text(e, "city", q))),
                list(n, "communications", p, (e, q) -> new Communication(text(e, "code", q), text(e, "name", q),
                        required(e, "value", q))),
                list(n, "openingHours", p, this::opening), text(n, "openingHoursNote", p),
                list(n, "bankAccounts", p, (e, q) -> new Bank(text(e, "accountHolder", q), required(e, "iban", q),
                        text(e, "bic", q), text(e, "bankName", q))),
                list(n, "internetAddresses", p, this::link));
    }

    private Opening opening(JsonNode n, String p) {
        String day = required(n, "day", p);
        try {
            DayOfWeek.valueOf(day);
        } catch (IllegalArgumentException e) {
            throw fail(p + ".day must be MONDAY to SUNDAY, was \"" + day + "\"");
        }
        return new Opening(day, time(n, "from", p), time(n, "until", p));
    }

    private OnlineService onlineService(JsonNode n, String p) {
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode params = n.get("parameters");
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw fail(p + ".parameters must be an object of names and string values");
            }
            params.properties().forEach(e -> parameters.put(e.getKey(), string(e.getValue(), p + ".parameters." + e.getKey())));
        }
        return new OnlineService(required(n, "id", p), required(n, "title", p), text(n, "description", p),
                list(n, "links", p, this::link), text(n, "levelOfAssurance", p),
                list(n, "organisationIds", p, this::string), list(n, "ars", p, this::arsValue), parameters);
    }

    private Service service(JsonNode n, String p) {
        return new Service(required(n, "id", p), required(n, "name", p),
                list(n, "leikaKeys", p, (e, q) -> {
                    String k = string(e, q);
                    check(q, () -> LeikaKey.parse(k));
                    return k;
                }),
                list(n, "ars", p, this::arsValue), dateTime(n, "lastUpdate", p),
                list(n, "modules", p, this::module), list(n, "onlineServiceIds", p, this::string),
                list(n, "sourcePortals", p, this::link),
                list(n, "responsibilities", p, (e, q) -> new Responsibility(required(e, "organisationId", q),
                        required(e, "roleCode", q), text(e, "roleName", q), list(e, "ars", q, this::arsValue),
                        list(e, "secondaryIds", q, (s, r) -> new SecondaryId(text(s, "schemeId", r),
                                text(s, "schemeAgencyId", r), required(s, "value", r))))));
    }

    private Module module(JsonNode n, String p) {
        String date = text(n, "date", p);
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw fail(p + ".date must be yyyy-MM-dd, was \"" + date + "\"");
            }
        }
        return new Module(required(n, "code", p), text(n, "title", p), text(n, "text", p), list(n, "links", p, this::link),
                date, list(n, "entries", p, (e, q) -> new Entry(text(e, "title", q), text(e, "text", q))));
    }

    private Hyperlink link(JsonNode n, String p) {
        return new Hyperlink(text(n, "title", p), required(n, "uri", p));
    }

    // ------------------------------------------------------------------------------------ helpers

    private <T> List<T> list(JsonNode n, String field, String path, BiFunction<JsonNode, String, T> reader) {
        String p = path.isEmpty() ? field : path + "." + field;
        JsonNode array = n.get(field);
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw fail(p + " must be an array");
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode e = array.get(i);
            String q = p + "[" + i + "]";
            out.add(reader.apply(e, q));
        }
        return out;
    }

    private <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id, String list, String key) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.putIfAbsent(id.apply(item), item) != null) {
                throw fail(list + " lists " + key + " " + id.apply(item) + " twice; " + key + "s must be unique");
            }
        }
        return map;
    }

    private String string(JsonNode e, String p) {
        if (e == null || !e.isTextual()) {
            throw fail(p + " must be a string");
        }
        return e.textValue();
    }

    private String text(JsonNode n, String field, String p) {
        if (!n.isObject()) {
            throw fail(p + " must be an object");
        }
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : string(v, p + "." + field);
    }

    private String required(JsonNode n, String field, String p) {
        String v = text(n, field, p);
        if (v == null) {
            throw fail(p + "." + field + " is missing");
        }
        return v;
    }

    private String ars(JsonNode n, String field, String p) {
        String v = required(n, field, p);
        check(p + "." + field, () -> Ars.parse(v));
        return v;
    }

    private String arsValue(JsonNode e, String p) {
        String v = string(e, p);
        check(p, () -> Ars.parse(v));
        return v;
    }

    private String time(JsonNode n, String field, String p) {
        String v = required(n, field, p);
        try {
            LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw fail(p + "." + field + " must be HH:mm, was \"" + v + "\"");
        }
        return v;
    }

    private String dateTime(JsonNode n, String field, String p) {
        String v = text(n, field, p);
        if (v != null) {
            try {
                OffsetDateTime.parse(v);
            } catch (DateTimeParseException e) {
                throw fail(p + "." + field + " must be an ISO date-time with offset, was \"" + v + "\"");
            }
        }
        return v;
    }

    private void check(String path, Runnable parse) {
        try {
            parse.run();
        } catch (InvalidIdentifierException e) {
            throw fail(path + ": " + e.getMessage());
        }
    }

    private SandboxException fail(String message) {
        return new SandboxException("directory fixture " + source + ": " + message, null);
    }
}
