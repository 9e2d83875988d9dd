/**
 * ozgkit directory: service and responsibility information from the PVOG search service in the
 * XZuFi vocabulary, with the routing question (service + place to responsible authority, online
 * services, payment endpoint, FIT-Connect destination) in one call.
 */
module de.ozgkit.directory {
    requires transitive de.ozgkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports de.ozgkit.directory;
}
