package dev.safestream.tools.loadtest;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * CPU time and resident memory of another process on the same Linux machine, from {@code /proc}: how the load tool
 * measures the server during the send window ({@code --server-pid}).
 */
final class ProcessSampler {
    private final long pid;
    private final long ticksPerSecond;

    ProcessSampler(long pid) {
        this.pid = pid;
        this.ticksPerSecond = clockTicks();
    }

    /** User plus system CPU time of all the process's threads, in milliseconds; -1 when unreadable. */
    long cpuMillis() {
        try {
            return cpuMillis(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), ticksPerSecond);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in KiB ({@code VmRSS}); -1 when unreadable. */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** utime (field 14) + stime (field 15) of a {@code /proc/PID/stat} line, in milliseconds. */
    static long cpuMillis(String stat, long ticksPerSecond) {
        // the command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).strip().split(" ");
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return ticks * 1000 / ticksPerSecond;
    }

    /** This JVM's own CPU time in milliseconds; -1 when the platform does not say. */
    static long ownCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(nanos);
        }
        return -1;
    }

    /** {@code getconf CLK_TCK}; 100 (Linux's value nearly everywhere) when it cannot be run. */
    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
