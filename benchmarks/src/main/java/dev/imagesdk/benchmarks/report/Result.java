package dev.imagesdk.benchmarks.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The measurements of one contender on one workload: every repetition's value, summarized by median,
 * minimum and maximum. A failed contender has no samples and says why in {@code note}.
 *
 * @param workload workload id, for example {@code download-verify-1GiB@glance}
 * @param contender who ran it: {@code imagesdk}, {@code curl}, {@code glanceclient}, {@code openstack4j}, ...
 * @param unit unit of the samples ({@code s}, {@code ops/s}, {@code B/image}, {@code MiB})
 * @param higherIsBetter whether a larger sample is better (ops/s) or worse (seconds, bytes)
 * @param samples one value per measured repetition (warm-up excluded)
 * @param bytes payload bytes moved per repetition (to derive MB/s), or 0
 * @param command how it was run (shell command or Java call), for the report
 * @param note anything a reader must know (failure reason, what is included in the time)
 * @param cpuSeconds the client's CPU time (user + system, every thread or child process) per measured
 *                   repetition, in the order of {@code samples}; empty where it was not measured
 */
public record Result(String workload, String contender, String unit, boolean higherIsBetter, List<Double> samples,
                     long bytes, String command, String note, List<Double> cpuSeconds) {
    /** Copies the samples. */
    public Result {
        samples = List.copyOf(samples);
        cpuSeconds = List.copyOf(cpuSeconds);
    }

    /** A result without CPU times. */
    public Result(String workload, String contender, String unit, boolean higherIsBetter, List<Double> samples,
                  long bytes, String command, String note) {
        this(workload, contender, unit, higherIsBetter, samples, bytes, command, note, List.of());
    }

    /**
     * The client's median CPU seconds per GiB moved ({@code bytes} per repetition), or per repetition when
     * {@code bytes} is 0; NaN when CPU time was not measured.
     */
    public double cpuSecondsPerGiB() {
        if (cpuSeconds.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(cpuSeconds);
        Collections.sort(s);
        int n = s.size();
        double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
        return bytes > 0 ? median / (bytes / (double) (1L << 30)) : median;
    }

    /** A contender that could not run the workload. */
    public static Result failed(String workload, String contender, String unit, String command, String why) {
        return new Result(workload, contender, unit, false, List.of(), 0, command, why, List.of());
    }

    /** Whether there is at least one sample. */
    public boolean ok() {
        return !samples.isEmpty();
    }

    /** Median of the samples (mean of the middle two for an even count); NaN without samples. */
    public double median() {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(samples);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Smallest sample; NaN without samples. */
    public double min() {
        return samples.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** Largest sample; NaN without samples. */
    public double max() {
        return samples.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Median throughput in MB/s (10^6 bytes) for timed workloads that move {@code bytes}; NaN otherwise. */
    public double megabytesPerSecond() {
        return bytes > 0 && "s".equals(unit) && ok() ? bytes / median() / 1e6 : Double.NaN;
    }

    /**
     * How much better ours is than this contender, as a factor where {@code > 1} means ours is better:
     * for seconds and bytes {@code peer / ours}, for rates {@code ours / peer}. So for a timed transfer it is
     * ours' throughput over the peer's. NaN if either has no samples.
     */
    public double ratioVsOurs(Result ours) {
        if (ours == null || !ours.ok() || !ok()) {
            return Double.NaN;
        }
        return higherIsBetter ? ours.median() / median() : median() / ours.median();
    }
}
