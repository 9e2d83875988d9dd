package de.ozgkit.sandbox.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.ozgkit.sandbox.directory.DirectoryFixture.Hyperlink;
import de.ozgkit.sandbox.directory.DirectoryFixture.Module;
import de.ozgkit.sandbox.directory.DirectoryFixture.OnlineService;
import de.ozgkit.sandbox.directory.DirectoryFixture.Place;
import de.ozgkit.sandbox.directory.DirectoryFixture.Responsibility;
import de.ozgkit.sandbox.directory.DirectoryFixture.Service;
import de.ozgkit.sandbox.directory.DirectoryFixture.Unit;
import java.util.List;
import java.util.Map;

/**
 * The simulator's answers in the search service's JSON shape (member names as the public
 * description and public client code show them; see {@code docs/directory.md}). Written from
 * that shape, independently of ozgkit's directory client.
 */
final class DirectoryWire {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DirectoryWire() {
    }

    static ObjectNode location(Place place, String zip) {
        ObjectNode o = F.objectNode();
        o.put("ars", place.ars());
        o.put("ags", place.ags());
        o.put("name", place.name());
        o.put("zip", zip);
        return o;
    }

    /** A service description as the search lists it; {@code onlineServices} resolves the links. */
    static ObjectNode service(Service s, List<OnlineService> onlineServices) {
        ObjectNode o = F.objectNode();
        o.put("id", s.id());
        o.put("name", s.name());
        strings(o.putArray("leikakeys"), s.leikaKeys());
        strings(o.putArray("ars"), s.ars());
        ArrayNode details = o.putArray("details");
        for (Module m : s.modules()) {
            ObjectNode d = details.addObject();
            d.put("code", m.code());
            d.put("title", m.title());
            d.put("text", m.text());
            links(d.putArray("links"), m.links());
            d.put("date", m.date());
            ArrayNode entries = d.putArray("details");
            m.entries().forEach(e -> entries.addObject().put("title", e.title()).put("text", e.text()));
        }
        ArrayNode online = o.putArray("onlineServiceLinks");
        for (OnlineService od : onlineServices) {
            ObjectNode link = online.addObject();
            link.put("id", od.id());
            link.put("title", od.title());
            link.put("uri", od.links().isEmpty() ? "" : od.links().get(0).uri());
        }
        strings(o.putArray("organisationIds"), s.responsibilities().stream().map(Responsibility::organisationId)
                .distinct().toList());
        links(o.putArray("sourcePortals"), s.sourcePortals());
        o.put("lastUpdate", s.lastUpdate());
        return o;
    }

    /** The detail view adds the responsibilities covering the place. */
    static ObjectNode serviceDetail(Service s, List<OnlineService> onlineServices, List<Responsibility> responsibilities,
                                    Map<String, Unit> units) {
        ObjectNode o = service(s, onlineServices);
        ArrayNode organisations = o.putArray("organisations");
        for (Responsibility r : responsibilities) {
            ObjectNode org = organisations.addObject();
            org.put("id", r.organisationId());
            org.put("title", units.get(r.organisationId()).title());
            org.putObject("role").put("code", r.roleCode()).put("name", r.roleName());
            strings(org.putArray("ars"), r.ars());
            ArrayNode ids = org.putArray("secondaryIds");
            r.secondaryIds().forEach(i -> ids.addObject().put("schemeId", i.schemeId())
                    .put("schemeAgencyId", i.schemeAgencyId()).put("value", i.value()));
        }
        return o;
    }

    static ObjectNode unit(Unit u, String roleCode, String roleName) {
        ObjectNode o = F.objectNode();
        o.put("id", u.id());
        o.put("title", u.title());
        o.put("lastUpdate", u.lastUpdate());
        o.putObject("role").put("code", roleCode).put("name", roleName);
        ObjectNode location = o.putObject("location");
        ArrayNode addresses = location.putArray("addresses");
        u.addresses().forEach(a -> addresses.addObject().put("type", a.type()).put("street", a.street())
                .put("houseNumber", a.houseNumber()).put("zip", a.zip()).put("city", a.city()));
        ArrayNode hours = location.putArray("openingHours");
        u.openingHours().forEach(h -> hours.addObject().put("dayOfWeek", h.day()).put("from", h.from())
                .put("until", h.until()));
        location.put("openingHoursNote", u.openingHoursNote());
        ArrayNode comms = o.putArray("communicationSystems");
        u.communications().forEach(c -> {
            ObjectNode entry = comms.addObject();
            entry.putObject("channel").put("code", c.code()).put("name", c.name());
            entry.put("value", c.value());
        });
        ArrayNode banks = o.putArray("bankAccounts");
        u.bankAccounts().forEach(b -> banks.addObject().put("accountHolder", b.accountHolder()).put("iban", b.iban())
                .put("bic", b.bic()).put("bankName", b.bankName()));
        links(o.putArray("internetAddresses"), u.internetAddresses());
        return o;
    }

    static ObjectNode onlineService(OnlineService od, String sandboxRoot) {
        ObjectNode o = F.objectNode();
        o.put("id", od.id());
        o.put("title", od.title());
        o.put("description", od.description());
        links(o.putArray("links"), od.links());
        o.put("levelOfAssurance", od.levelOfAssurance());
        strings(o.putArray("organisationIds"), od.organisationIds());
        strings(o.putArray("ars"), od.ars());
        ArrayNode params = o.putArray("parameters");
        od.parameters().forEach((name, value) -> params.addObject().put("name", name)
                .put("value", value.replace("{sandbox}", sandboxRoot)));
        return o;
    }

    static ObjectNode page(List<ObjectNode> all, int page, int size) {
        ObjectNode o = F.objectNode();
        ArrayNode content = o.putArray("content");
        long from = (long) page * size;
        for (long i = from; i < Math.min(all.size(), from + size); i++) {
            content.add(all.get((int) i));
        }
        int totalPages = (all.size() + size - 1) / size;
        o.put("totalElements", all.size());
        o.put("totalPages", totalPages);
        o.put("number", page);
        o.put("size", size);
        o.put("numberOfElements", content.size());
        o.put("first", page == 0);
        o.put("last", page >= totalPages - 1);
        return o;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void links(ArrayNode array, List<Hyperlink> links) {
        links.forEach(l -> array.addObject().put("title", l.title()).put("uri", l.uri()));
    }
}
