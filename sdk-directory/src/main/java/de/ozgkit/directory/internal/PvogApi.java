package de.ozgkit.directory.internal;

/**
 * The PVOG search service's request side, in one place: versioned paths, query parameter names
 * and the client id header. Where the public description of the service could not be read, the
 * names follow public client code that calls the service; {@code docs/directory.md} lists which
 * is which.
 */
final class PvogApi {

    /** Header carrying the client id FITKO issues. */
    static final String CLIENT_ID_HEADER = "pvog-sud-api-client-id";

    /** Location search by name or postcode: answers a JSON array of locations. */
    static final String LOCATIONS = "/v3/locations";
    /** Service descriptions by LeiKa key and ARS: answers a page. */
    static final String BY_LEIKA = "/v3/servicedescriptions/leikaid";
    /** Detail of a service description: {@code /v6/servicedescriptions/{id}/detail}, the part before the id. */
    static final String SERVICE_DETAIL_BEFORE_ID = "/v6/servicedescriptions/";
    /** Detail of a service description, the part after the id. */
    static final String SERVICE_DETAIL_AFTER_ID = "/detail";
    /** Organisation unit detail. */
    static final String ORGANISATION_UNIT = "/v5/organisationunits/detail";
    /** Online service detail. */
    static final String ONLINE_SERVICE = "/v2/onlineservices/detail";

    static final String Q = "q";
    static final String ARS = "ars";
    static final String LEIKA_IDS = "leikaIds";
    static final String LB_ID = "lbId";
    static final String PAGE = "page";
    static final String SIZE = "size";

    /**
     * Online service parameters that carry the XBezahldienste endpoint of the fees (assumption of
     * ozgkit: no public convention names them).
     */
    static final String PARAM_PAYMENT_BASE = "xbezahldienste.baseUri";
    static final String PARAM_PAYMENT_ORIGINATOR = "xbezahldienste.originatorId";
    static final String PARAM_PAYMENT_END_POINT = "xbezahldienste.endPointId";

    private PvogApi() {
    }
}
