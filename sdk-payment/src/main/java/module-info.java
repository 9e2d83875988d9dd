/**
 * ozgkit payment: XBezahldienste 1.0.0 payment client: create a payment, send the citizen to the paypage, poll until a final status.
 */
module de.ozgkit.payment {
    requires transitive de.ozgkit.core;

    exports de.ozgkit.payment;
}
