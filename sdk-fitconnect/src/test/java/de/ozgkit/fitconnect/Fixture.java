package de.ozgkit.fitconnect;

import de.ozgkit.core.OzgClientConfig;
import de.ozgkit.core.RetryPolicy;
import de.ozgkit.sandbox.Sandbox;
import de.ozgkit.sandbox.fitconnect.FitConnectSimulator;
import de.ozgkit.sandbox.fitconnect.TestDestination;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/** A sandbox with the FIT-Connect simulator serving one test destination, and clients for it. */
final class Fixture implements AutoCloseable {

    /** A clock tests move forward instead of sleeping. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MovableClock clock = new MovableClock();
    final TestDestination destination;
    final FitConnectSimulator simulator;
    final Sandbox sandbox;

    Fixture() {
        this(d -> { }, s -> { });
    }

    Fixture(Consumer<TestDestination.Builder> destination, Consumer<FitConnectSimulator.Builder> simulator) {
        TestDestination.Builder d = TestDestination.builder(TestKeys.PKI.rootCertificate(), TestKeys.ENCRYPTION,
                TestKeys.SIGNING);
        destination.accept(d);
        this.destination = d.build();
        FitConnectSimulator.Builder s = FitConnectSimulator.builder().destination(this.destination)
                .serviceKey(TestKeys.SERVICE);
        simulator.accept(s);
        this.simulator = s.build();
        this.sandbox = Sandbox.builder().clock(clock).service(this.simulator).start();
    }

    ClientSettings settings(String clientId, String secret) {
        return ClientSettings.builder()
                .config(OzgClientConfig.builder().baseUri(simulator.submissionApi())
                        .retryPolicy(RetryPolicy.DEFAULT.withBackoff(Duration.ofMillis(5), Duration.ofMillis(50))).build())
                .credentials(simulator.tokenUri(), clientId, secret)
                .trustAnchors(TestKeys.PKI.rootCertificate())
                .clock(clock)
                .build();
    }

    FitConnectSender sender() {
        return FitConnectSender.create(settings(FitConnectSimulator.SENDER_CLIENT_ID,
                FitConnectSimulator.SENDER_CLIENT_SECRET), Duration.ofMillis(20));
    }

    DestinationKeys keys() {
        return new DestinationKeys(destination.destinationId(), TestKeys.ENCRYPTION.privateKey(),
                destination.encryptionKid(), TestKeys.SIGNING.privateKey(), destination.signingKid());
    }

    FitConnectSubscriber subscriber(Path workDir) {
        return FitConnectSubscriber.create(settings(destination.clientId(), destination.clientSecret()), keys(), workDir);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
