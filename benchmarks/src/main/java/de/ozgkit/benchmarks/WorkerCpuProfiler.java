package de.ozgkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time of JMH's worker threads per operation ({@code worker.cpu.norm},
 * microseconds per op): the work of the benchmarked client on the calling thread, without the
 * in-process server's threads, JIT and GC that {@link ProcessCpuProfiler} includes. A thread's CPU
 * time does not grow while it waits for the server or for other processes, so on a shared machine
 * this separates the client side's cost most steadily. Use with
 * {@code -prof de.ozgkit.benchmarks.WorkerCpuProfiler}.
 */
public final class WorkerCpuProfiler implements InternalProfiler {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Map<Long, Long> start = Map.of();

    /** Creates the profiler (JMH instantiates it). */
    public WorkerCpuProfiler() {
    }

    /** @return CPU nanoseconds by thread id of the live JMH worker threads */
    private static Map<Long, Long> workerCpu() {
        Map<Long, Long> cpu = new HashMap<>();
        Thread.getAllStackTraces().keySet().forEach(t -> {
            if (t.getName().contains("jmh-worker")) {
                long nanos = THREADS.getThreadCpuTime(t.getId());
                if (nanos >= 0) {
                    cpu.put(t.getId(), nanos);
                }
            }
        });
        return cpu;
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        start = workerCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                      IterationResult result) {
        long used = 0;
        for (Map.Entry<Long, Long> e : workerCpu().entrySet()) {
            // a worker started during the iteration counts from zero
            used += e.getValue() - start.getOrDefault(e.getKey(), 0L);
        }
        long ops = result.getMetadata().getMeasuredOps();
        double perOp = ops == 0 ? Double.NaN : used / 1000.0 / ops;
        return List.of(new ScalarResult("worker.cpu.norm", perOp, "us/op", AggregationPolicy.AVG));
    }
}
