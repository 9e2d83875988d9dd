package de.ozgkit.sandbox.directory;

import de.ozgkit.sandbox.SandboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data the directory simulator serves: places with their regional keys, organisation units,
 * online services and service descriptions with their responsibilities. Immutable and
 * thread-safe.
 *
 * <p>{@link #builtIn()} is the project's fixture (municipalities of Rheinland-Pfalz with their real
 * ARS and AGS, a few services with made-up texts); {@link #load(Path)} reads a file of the same
 * JSON shape, so users can serve their own data. The format is described in
 * {@code docs/directory.md}; {@link FixtureReader} checks it (keys, references, unique ids).
 *
 * @param places            places by their ARS, in file order
 * @param organisationUnits organisation units by id, in file order
 * @param onlineServices    online services by id, in file order
 * @param services          service descriptions by id, in file order
 */
public record DirectoryFixture(Map<String, Place> places, Map<String, Unit> organisationUnits,
                               Map<String, OnlineService> onlineServices, Map<String, Service> services) {

    /** Copies the maps, keeping their order. */
    public DirectoryFixture {
        places = copy(places);
        organisationUnits = copy(organisationUnits);
        onlineServices = copy(onlineServices);
        services = copy(services);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Name of the built-in fixture on the class path. */
    static final String BUILT_IN = "/de/ozgkit/sandbox/directory/fixture-rlp.json";

    /**
     * @return the project's fixture: Mainz, Ludwigshafen am Rhein, Koblenz, Trier and Kaiserslautern
     *         with a few services
     * @throws SandboxException if the bundled file is missing or broken
     */
    public static DirectoryFixture builtIn() {
        try (InputStream in = DirectoryFixture.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new SandboxException("the built-in directory fixture " + BUILT_IN + " is missing from the class path",
                        null);
            }
            return FixtureReader.read(in.readAllBytes(), BUILT_IN);
        } catch (IOException e) {
            throw new SandboxException("the built-in directory fixture could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a fixture file.
     *
     * @param file a JSON file in the fixture format
     * @return the fixture
     * @throws SandboxException if the file cannot be read or breaks a rule of the format (the message
     *                          names the member and the rule)
     */
    public static DirectoryFixture load(Path file) {
        try {
            return FixtureReader.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new SandboxException("directory fixture " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a fixture from bytes.
     *
     * @param json   the JSON
     * @param source a name for messages
     * @return the fixture
     * @throws SandboxException if the JSON breaks a rule of the format
     */
    public static DirectoryFixture parse(byte[] json, String source) {
        return FixtureReader.read(json, source);
    }

    /**
     * @param id a service id
     * @return the service
     */
    public Optional<Service> service(String id) {
        return Optional.ofNullable(services.get(id));
    }

    /**
     * A place.
     *
     * @param ars       12-digit regional key
     * @param ags       8-digit municipality key, may be {@code null}
     * @param name      name
     * @param postcodes postcodes
     */
    public record Place(String ars, String ags, String name, List<String> postcodes) {
        /** Copies. */
        public Place {
            postcodes = List.copyOf(postcodes);
        }
    }

    /**
     * A hyperlink.
     *
     * @param title title, may be {@code null}
     * @param uri   address
     */
    public record Hyperlink(String title, String uri) {
    }

    /**
     * An organisation unit.
     *
     * @param id                id
     * @param title             name
     * @param lastUpdate        ISO date-time, may be {@code null}
     * @param addresses         addresses
     * @param communications    contact channels
     * @param openingHours      opening hours
     * @param openingHoursNote  note, may be {@code null}
     * @param bankAccounts      bank accounts
     * @param internetAddresses web addresses
     */
    public record Unit(String id, String title, String lastUpdate, List<Address> addresses,
                       List<Communication> communications, List<Opening> openingHours, String openingHoursNote,
                       List<Bank> bankAccounts, List<Hyperlink> internetAddresses) {
        /** Copies. */
        public Unit {
            addresses = List.copyOf(addresses);
            communications = List.copyOf(communications);
            openingHours = List.copyOf(openingHours);
            bankAccounts = List.copyOf(bankAccounts);
            internetAddresses = List.copyOf(internetAddresses);
        }
    }

    /**
     * An address.
     *
     * @param type        type, may be {@code null}
     * @param street      street, may be {@code null}
     * @param houseNumber house number, may be {@code null}
     * @param zip         postcode, may be {@code null}
     * @param city        city, may be {@code null}
     */
    public record Address(String type, String street, String houseNumber, String zip, String city) {
    }

    /**
     * A contact channel.
     *
     * @param code  channel code, may be {@code null}
     * @param name  channel name, may be {@code null}
     * @param value number or address
     */
    public record Communication(String code, String name, String value) {
    }

    /**
     * An opening interval.
     *
     * @param day   weekday, MONDAY to SUNDAY
     * @param from  HH:mm
     * @param until HH:mm
     */
    public record Opening(String day, String from, String until) {
    }

    /**
     * A bank account.
     *
     * @param accountHolder holder, may be {@code null}
     * @param iban          IBAN
     * @param bic           BIC, may be {@code null}
     * @param bankName      bank, may be {@code null}
     */
    public record Bank(String accountHolder, String iban, String bic, String bankName) {
    }

    /**
     * An online service.
     *
     * @param id               id
     * @param title            name
     * @param description      description, may be {@code null}
     * @param links            links
     * @param levelOfAssurance level of assurance, may be {@code null}
     * @param organisationIds  units it submits to
     * @param ars              areas served
     * @param parameters       parameters in order; {@code {sandbox}} in a value is replaced by the
     *                         sandbox's root URI when served
     */
    public record OnlineService(String id, String title, String description, List<Hyperlink> links,
                                String levelOfAssurance, List<String> organisationIds, List<String> ars,
                                Map<String, String> parameters) {
        /** Copies. */
        public OnlineService {
            links = List.copyOf(links);
            organisationIds = List.copyOf(organisationIds);
            ars = List.copyOf(ars);
            parameters = copy(parameters);
        }
    }

    /**
     * A service description.
     *
     * @param id               id
     * @param name             name
     * @param leikaKeys        LeiKa keys
     * @param ars              areas it applies to
     * @param lastUpdate       ISO date-time, may be {@code null}
     * @param modules          text modules
     * @param onlineServiceIds online services
     * @param sourcePortals    source portals
     * @param responsibilities responsibilities
     */
    public record Service(String id, String name, List<String> leikaKeys, List<String> ars, String lastUpdate,
                          List<Module> modules, List<String> onlineServiceIds, List<Hyperlink> sourcePortals,
                          List<Responsibility> responsibilities) {
        /** Copies. */
        public Service {
            leikaKeys = List.copyOf(leikaKeys);
            ars = List.copyOf(ars);
            modules = List.copyOf(modules);
            onlineServiceIds = List.copyOf(onlineServiceIds);
            sourcePortals = List.copyOf(sourcePortals);
            responsibilities = List.copyOf(responsibilities);
        }
    }

    /**
     * A text module.
     *
     * @param code    two-digit code
     * @param title   title, may be {@code null}
     * @param text    text, may be {@code null}
     * @param links   links
     * @param date    ISO date, may be {@code null}
     * @param entries structured entries
     */
    public record Module(String code, String title, String text, List<Hyperlink> links, String date,
                         List<Entry> entries) {
        /** Copies. */
        public Module {
            links = List.copyOf(links);
            entries = List.copyOf(entries);
        }
    }

    /**
     * A structured entry of a module.
     *
     * @param title title, may be {@code null}
     * @param text  text, may be {@code null}
     */
    public record Entry(String title, String text) {
    }

    /**
     * A responsibility of a unit for a service.
     *
     * @param organisationId the unit
     * @param roleCode       role code, e.g. {@code 01}
     * @param roleName       role name, may be {@code null}
     * @param ars            areas covered
     * @param secondaryIds   secondary ids
     */
    public record Responsibility(String organisationId, String roleCode, String roleName, List<String> ars,
                                 List<SecondaryId> secondaryIds) {
        /** Copies. */
        public Responsibility {
            ars = List.copyOf(ars);
            secondaryIds = List.copyOf(secondaryIds);
        }
    }

    /**
     * A secondary id.
     *
     * @param schemeId       scheme, may be {@code null}
     * @param schemeAgencyId agency, may be {@code null}
     * @param value          value
     */
    public record SecondaryId(String schemeId, String schemeAgencyId, String value) {
    }
}
