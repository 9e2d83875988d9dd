/**
 * ozgkit payment: XBezahldienste 1.0.0 payment client: create a payment, send the citizen to the
 * paypage, poll until a final status.
 */
module de.ozgkit.payment {
    requires transitive de.ozgkit.core;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports de.ozgkit.payment;
    // the wire format's records are mapped by Jackson databind
    opens de.ozgkit.payment.internal to com.fasterxml.jackson.databind;
}
