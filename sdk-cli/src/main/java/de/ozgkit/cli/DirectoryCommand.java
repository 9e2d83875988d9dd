package de.ozgkit.cli;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.OzgClientException;
import de.ozgkit.core.OzgServiceException;
import de.ozgkit.core.id.Ars;
import de.ozgkit.core.id.InvalidIdentifierException;
import de.ozgkit.core.id.LeikaKey;
import de.ozgkit.directory.DirectoryClient;
import de.ozgkit.directory.InvalidQueryException;
import de.ozgkit.directory.Leistung;
import de.ozgkit.directory.Location;
import de.ozgkit.directory.Onlinedienst;
import de.ozgkit.directory.Page;
import de.ozgkit.directory.Route;
import de.ozgkit.directory.Routing;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.directory.DirectorySimulator;
import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ozgkit directory}: ask the PVOG search service (or an embedded sandbox simulator) for
 * places, service descriptions and the responsible authority of a service at a place.
 */
@Command(name = "directory",
        mixinStandardHelpOptions = true,
        description = "Ask the PVOG search service: places, service descriptions, who is responsible where.",
        subcommands = {DirectoryCommand.Locations.class, DirectoryCommand.Services.class, DirectoryCommand.RouteCmd.class})
public final class DirectoryCommand {

    /** Creates the command (picocli instantiates it). */
    public DirectoryCommand() {
    }

    /** Where the search service is (options shared by the subcommands). */
    public static final class Connection {

        /** Creates the options (picocli instantiates them). */
        public Connection() {
        }

        @Option(names = "--base", paramLabel = "URI",
                description = "the search service's base URI, e.g. https://pvog.fitko.net/suchdienst/api or the"
                        + " 'directory' line of 'ozgkit sandbox'; without it an embedded sandbox simulator answers")
        URI base;

        @Option(names = "--client-id", paramLabel = "ID", defaultValue = "${env:OZGKIT_PVOG_CLIENT_ID}",
                description = "value of the pvog-sud-api-client-id header (default: environment variable"
                        + " OZGKIT_PVOG_CLIENT_ID)")
        String clientId;

        /**
         * Runs a call against the configured or an embedded service: usage errors in the words of
         * the command line (exit code 2), an error answer of the service as one line (exit code 1),
         * a line on standard error when the embedded simulator answered successfully.
         */
        int run(CommandSpec spec, Function<DirectoryClient, Integer> call) {
            CommandLine cl = spec.commandLine();
            if (base != null) {
                requireHttpBase(cl, base);
            }
            Sandbox embedded = null;
            try {
                URI uri = base;
                if (uri == null) {
                    embedded = Sandbox.builder().service(DirectorySimulator.create()).start();
                    uri = embedded.baseUri(DirectorySimulator.SERVICE_NAME);
                }
                try (DirectoryClient client = DirectoryClient.builder()
                        .config(OzgClientConfig.builder().baseUri(uri).build()).clientId(clientId).build()) {
                    int code = call.apply(client);
                    if (embedded != null) {
                        cl.getErr().println(spec.qualifiedName() + ": answered by an embedded sandbox simulator (its"
                                + " fixture of Rheinland-Pfalz, not the real search service); pass --base for another"
                                + " service");
                        cl.getErr().flush();
                    }
                    return code;
                }
            } catch (InvalidQueryException e) {
                throw new CommandLine.ParameterException(cl, inOptionWords(e.getMessage()));
            } catch (OzgClientException e) {
                if (base == null) {
                    throw e;
                }
                throw new CommandFailure(ExitCode.USAGE_OR_IO, OzgkitCommand.oneLine(e.getMessage()) + " (--base " + base + ")");
            } catch (OzgServiceException e) {
                throw new CommandFailure(ExitCode.NEGATIVE, "the search service at " + (base == null ? "the embedded"
                        + " simulator" : base) + " answered with an error: " + OzgkitCommand.oneLine(e.getMessage()));
            } finally {
                if (embedded != null) {
                    embedded.close();
                }
            }
        }

        private static void requireHttpBase(CommandLine cl, URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
                throw new CommandLine.ParameterException(cl, "--base must be an absolute http or https URI such as"
                        + " https://pvog.fitko.net/suchdienst/api or the 'directory' line of 'ozgkit sandbox', was '"
                        + uri + "'");
            }
        }
    }

    /** A refused query value of the client in the words of the command line (its option or parameter). */
    static String inOptionWords(String message) {
        for (String[] word : new String[][] {{"query ", "QUERY "}, {"page ", "--page "}, {"size ", "--size "}}) {
            if (message.startsWith(word[0])) {
                return word[1] + message.substring(word[0].length());
            }
        }
        return message;
    }

    /** Parses {@code --leika}, refusing a malformed key in the words of the command line. */
    static LeikaKey leika(CommandSpec spec, String text) {
        try {
            return LeikaKey.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--leika " + e.reason()
                    + " (a LeiKa key such as 99050012104000)");
        }
    }

    /** Parses an ARS option or parameter, refusing a malformed key in the words of the command line. */
    static Ars ars(CommandSpec spec, String name, String text) {
        try {
            return Ars.parse(text);
        } catch (InvalidIdentifierException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), name + " " + e.reason()
                    + " (a regional key such as 073150000000)");
        }
    }

    /** Text from the directory for a terminal: control characters become U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
        return sb.toString();
    }

    /** Ends the command with exit code 1 and the reason on standard error. */
    static int noHit(String what) {
        throw new CommandFailure(ExitCode.NEGATIVE, what);
    }

    /** {@code ozgkit directory locations QUERY}. */
    @Command(name = "locations", mixinStandardHelpOptions = true,
            description = "Find places by name or postcode; prints '<ARS> <AGS> <name> [postcode]' per place.")
    public static final class Locations implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Parameters(paramLabel = "QUERY", description = "place name or postcode")
        String query;

        /** Creates the command (picocli instantiates it). */
        public Locations() {
        }

        @Override
        public Integer call() {
            return connection.run(spec, client -> {
                List<Location> hits = client.locations(query);
                if (hits.isEmpty()) {
                    return noHit("no place matches \"" + clean(query) + "\"");
                }
                PrintWriter out = spec.commandLine().getOut();
                for (Location l : hits) {
                    out.println(l.ars() + " " + (l.ags() == null ? "-" : l.ags()) + " " + clean(l.name())
                            + (l.postcode() == null ? "" : " " + clean(l.postcode())));
                }
                out.flush();
                return ExitCode.OK;
            });
        }
    }

    /** {@code ozgkit directory services --leika KEY --ars ARS}. */
    @Command(name = "services", mixinStandardHelpOptions = true,
            description = "List the service descriptions for a LeiKa key at a place; prints '<id> <name>' per description.")
    public static final class Services implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--leika", paramLabel = "KEY", required = true, description = "14-digit LeiKa key")
        String leika;

        @Option(names = "--ars", paramLabel = "ARS", required = true, description = "12-digit regional key")
        String ars;

        @Option(names = "--page", paramLabel = "N", defaultValue = "0", description = "zero-based page (default: 0)")
        int page;

        @Option(names = "--size", paramLabel = "N", defaultValue = "20", description = "page size (default: 20)")
        int size;

        /** Creates the command (picocli instantiates it). */
        public Services() {
        }

        @Override
        public Integer call() {
            LeikaKey key = leika(spec, leika);
            Ars area = ars(spec, "--ars", ars);
            return connection.run(spec, client -> {
                Page<Leistung> p = client.serviceDescriptions(key, area, page, size);
                if (p.items().isEmpty()) {
                    return noHit("no service description for " + leika + " at " + ars + " on page " + page);
                }
                PrintWriter out = spec.commandLine().getOut();
                p.items().forEach(l -> out.println(clean(l.id()) + " " + clean(l.name())));
                out.flush();
                spec.commandLine().getErr().println(spec.qualifiedName() + ": page " + p.number() + " of "
                        + p.totalPages() + ", " + p.totalElements() + " in all");
                spec.commandLine().getErr().flush();
                return ExitCode.OK;
            });
        }
    }

    /** {@code ozgkit directory route --leika KEY PLACE}. */
    @Command(name = "route", mixinStandardHelpOptions = true,
            description = {"Who is responsible for a service at a place: prints the service description, then per"
                    + " responsible unit its online services, payment endpoint and FIT-Connect destination."})
    public static final class RouteCmd implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Connection connection;

        @Option(names = "--leika", paramLabel = "KEY", required = true, description = "14-digit LeiKa key")
        String leika;

        @Parameters(paramLabel = "PLACE", description = "place name, postcode or 12-digit ARS")
        String place;

        /** Creates the command (picocli instantiates it). */
        public RouteCmd() {
        }

        @Override
        public Integer call() {
            LeikaKey key = leika(spec, leika);
            Ars area = place.matches("[0-9]{12}") ? ars(spec, "PLACE", place) : null;
            return connection.run(spec, client -> {
                Optional<Routing> routing;
                try {
                    routing = area != null ? client.route(key, area) : client.route(key, place);
                } catch (InvalidQueryException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            e.getMessage().replaceFirst("^query ", "PLACE "));
                }
                if (routing.isEmpty()) {
                    return noHit("no service description for " + leika + " at \"" + clean(place) + "\"");
                }
                PrintWriter out = spec.commandLine().getOut();
                Routing r = routing.get();
                out.println("service " + clean(r.service().id()) + " " + clean(r.service().name()));
                out.println("ars " + r.ars());
                for (Route route : r.routes()) {
                    out.println("unit " + clean(route.unit().id()) + " " + clean(route.unit().title()) + " (role "
                            + clean(route.responsibility().role().code()) + ")");
                    for (Onlinedienst od : route.onlineServices()) {
                        out.println("  online " + clean(od.id()) + " "
                                + (od.links().isEmpty() ? "-" : clean(od.links().get(0).uri())));
                    }
                    route.payment().ifPresent(p -> out.println("  payment " + p.baseUri() + " originatorId="
                            + clean(p.originatorId()) + " endPointId=" + clean(p.endPointId())));
                    route.fitConnectDestination().ifPresent(d -> out.println("  fit-connect "
                            + clean(d.destinationId())));
                }
                out.flush();
                return r.routes().isEmpty() ? noHit("the service description names no responsible unit")
                        : ExitCode.OK;
            });
        }
    }
}
