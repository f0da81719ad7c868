package dev.safestream.server.app.runtime;

import dev.safestream.server.transport.http.ReadinessResource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The process's meters next to the chat's: Micrometer's JVM and system binders ({@code jvm_memory_*},
 * {@code jvm_gc_*}, {@code jvm_threads_*}, {@code process_cpu_usage}, ...) and {@code safestream_ready}, 1 while
 * {@code /readyz} would answer 200 (evaluated on each scrape: one database validation). The dashboard and alerts in
 * {@code deploy/} use these names. Close it with the server: the GC binder listens to the JVM's collectors, and in a
 * test JVM that starts many servers every listener would keep its registry alive.
 */
public final class RuntimeMeters implements AutoCloseable {
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public RuntimeMeters(MeterRegistry registry, Supplier<Map<String, ReadinessResource.Check>> readiness) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder("safestream_ready", readiness, RuntimeMeters::ready)
                .description("1 while every readiness check passes (GET /readyz says which fails)")
                .strongReference(true)
                .register(registry);
    }

    private static double ready(Supplier<Map<String, ReadinessResource.Check>> readiness) {
        return readiness.get().values().stream().allMatch(ReadinessResource.Check::ok) ? 1 : 0;
    }

    @Override
    public void close() {
        gc.close();
    }
}
