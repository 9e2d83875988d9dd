/**
 * Service and responsibility information from the PVOG search service (Portalverbund Suchdienst)
 * in the XZuFi vocabulary: places and their regional keys, service descriptions (Leistung) with
 * their text modules, responsibilities (Zustaendigkeit), organisation units
 * (Organisationseinheit) and online services (Onlinedienst), and the routing question in one call.
 *
 * <pre>{@code
 * try (DirectoryClient directory = DirectoryClient.builder()
 *         .config(OzgClientConfig.builder().baseUri("https://pvog.fitko.net/suchdienst/api").build())
 *         .clientId("your-client-id")
 *         .cache(1_000, Duration.ofMinutes(10))
 *         .build()) {
 *     Location mainz = directory.locations("Mainz").get(0);          // ARS 073150000000
 *     LeikaKey trade = LeikaKey.parse("99050012104000");            // Gewerbeanmeldung
 *     Page<Leistung> page = directory.serviceDescriptions(trade, mainz.ars(), 0, 10);
 *     Optional<String> costs = page.items().get(0).text(ModuleCode.COSTS);
 *
 *     Routing routing = directory.route(trade, mainz.ars()).orElseThrow();
 *     Route route = routing.routes().get(0);
 *     route.unit().title();                                          // the responsible authority
 *     route.fitConnectDestination().map(FitConnectDestination::destinationId);
 *     route.payment().map(PaymentEndpoint::endPointId);
 * }
 * }</pre>
 *
 * <p>Look-ups that find nothing answer empty; see {@link de.ozgkit.directory.DirectoryClient} for
 * errors, retries and the cache.
 */
package de.ozgkit.directory;
