package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.ScoreJudge;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.Verdict;
import dev.safestream.server.workers.SupervisedThread;
import dev.safestream.server.workers.WorkerMeters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shadow mode: scores every message the model scored live with a second set of thresholds (and, when configured, a
 * second classifier) without acting on it, and counts how often the shadow decision (allow, flag or block) agrees
 * with what the live thresholds decided. Rule decisions and the channel's mode are outside the comparison.
 *
 * <p>Threads: the pipeline thread hands over each batch with a non-blocking offer; one daemon thread
 * ({@code safestream-shadow}) evaluates, so a slow shadow classifier cannot slow chat. When it falls behind, batches
 * are skipped and counted ({@code safestream_shadow_skipped}); only metrics are lost, never messages.
 */
public final class ShadowEvaluator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShadowEvaluator.class);
    private static final int BACKLOG = 64;
    private static final String WORKER = "safestream-shadow";

    /** One message the model scored live. */
    public record Case(ModerationPolicy policy, String text, Assessment live) {}

    private final Thresholds thresholds;
    private final ToxicityClassifier classifier;
    private final ChatMeters meters;
    private final BlockingQueue<List<Case>> queue = new ArrayBlockingQueue<>(BACKLOG);
    private final WorkerMeters workerMeters;
    private final SupervisedThread worker;
    private volatile boolean running = true;

    /**
     * @param classifier the shadow classifier, or {@code null} to judge the live verdicts with the shadow thresholds
     */
    public ShadowEvaluator(
            Thresholds thresholds, ToxicityClassifier classifier, ChatMeters meters, WorkerMeters workerMeters) {
        this.thresholds = thresholds;
        this.classifier = classifier;
        this.meters = meters;
        this.workerMeters = workerMeters;
        this.worker = new SupervisedThread(WORKER, true, this::run, workerMeters);
    }

    public void start() {
        worker.start();
    }

    /** Hands over a batch's scored messages. Pipeline thread; never blocks. */
    public void submit(List<Case> cases) {
        if (!cases.isEmpty() && (!running || !queue.offer(cases))) {
            meters.shadowSkipped(cases.size());
        }
    }

    private void run() {
        while (running) {
            try {
                List<Case> cases = queue.poll(100, TimeUnit.MILLISECONDS);
                if (cases != null) {
                    evaluate(cases);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                workerMeters.failed(WORKER);
                log.warn("Shadow evaluation failed", e);
            }
        }
    }

    void evaluate(List<Case> cases) {
        List<Verdict> verdicts = classifier == null ? null : classifier.classifyAll(inputs(cases));
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Decision shadow = verdicts == null
                    ? ScoreJudge.thresholds(
                                    thresholds, c.live().score(), c.live().categories(), List.of())
                            .decision()
                    : ScoreJudge.thresholds(
                                    thresholds,
                                    Math.round(verdicts.get(i).score() * 1000) / 1000.0,
                                    verdicts.get(i).categories(),
                                    List.of())
                            .decision();
            meters.shadow(shadow, shadow == c.live().scoreDecision());
        }
    }

    private static List<String> inputs(List<Case> cases) {
        List<String> out = new ArrayList<>(cases.size());
        for (Case c : cases) {
            out.add(c.policy().modelInput(c.text()));
        }
        return out;
    }

    @Override
    public void close() {
        running = false;
    }
}
