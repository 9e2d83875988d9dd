package de.ozgkit.einvoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One validator shared by many threads gives every thread the same reports as a lone thread. */
class ValidatorConcurrencyTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 2;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // turns a deadlock into a failure; not a performance assertion
    void manyThreads_sameValidator_sameVerdictsAsSingleThreaded() throws Exception {
        TestSuiteFiles.assumePresent();
        List<byte[]> documents = new ArrayList<>();
        List<Path> suite = TestSuiteFiles.all();
        for (int i = 0; i < suite.size(); i += 4) {
            byte[] xml = Files.readAllBytes(suite.get(i));
            if (xml.length < 40_000) { // the small ones keep the test short; the suite test covers the rest
                documents.add(xml);
            }
        }
        for (NegativeCases.Case c : NegativeCases.ALL) {
            documents.add(c.xml().getBytes(StandardCharsets.UTF_8));
        }
        documents.add("not xml".getBytes(StandardCharsets.UTF_8));

        // a fresh builder each time, so that compiling on first use races too
        EInvoiceValidator shared = EInvoiceValidator.builder().preload(true).build();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<ValidationReport>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<ValidationReport> reports = new ArrayList<>();
                    for (int r = 0; r < ROUNDS; r++) {
                        for (int i = 0; i < documents.size(); i++) {
                            // each thread walks the documents from another starting point
                            int d = (i + offset * 3) % documents.size();
                            reports.add(shared.validate(documents.get(d)));
                        }
                    }
                    return reports;
                }));
            }
            start.countDown();

            EInvoiceValidator lone = EInvoiceValidator.create();
            List<ValidationReport> expected = documents.stream().map(lone::validate).toList();
            assertThat(expected.stream().filter(ValidationReport::valid).count())
                    .isEqualTo(documents.size() - NegativeCases.ALL.size() - 1L);
            for (int t = 0; t < THREADS; t++) {
                List<ValidationReport> reports = results.get(t).get();
                assertThat(reports).hasSize(ROUNDS * documents.size());
                for (int k = 0; k < reports.size(); k++) {
                    int d = (k % documents.size() + t * 3) % documents.size();
                    assertThat(reports.get(k)).isEqualTo(expected.get(d));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
