package vn.congso.training.internal.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import vn.congso.training.internal.exam.DrawRule;
import vn.congso.training.internal.exam.ExamSettings;
import vn.congso.training.internal.exam.GradingMethod;
import vn.congso.training.internal.question.Response;
import vn.congso.training.internal.question.TrueFalseQuestion;

/**
 * Concurrent exam takers against the real services and an on-disk Derby: each saves an answer
 * every 10 s (at a random phase); prints save latency percentiles and errors. A program, not a
 * test: {@code mvn -pl plugins/training test-compile exec:java
 * -Dexec.mainClass=vn.congso.training.internal.service.ExamSaveBenchmark -Dexec.classpathScope=test
 * -Dexec.args="500 60"} (takers, seconds).
 */
public final class ExamSaveBenchmark {

    private ExamSaveBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args number of takers (500), seconds to run (60), threads (32)
     * @throws Exception when setting up fails
     */
    public static void main(String[] args) throws Exception {
        int takers = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        Path folder = Files.createTempDirectory("exam-save-benchmark");
        System.out.println("database in " + folder + " (delete it afterwards)");
        TrainingFixture f = new TrainingFixture(folder, true);
        f.become("trainer", TrainingFixture.TRAINER);
        for (int i = 0; i < 30; i++) {
            f.bank.createQuestion("Benchmark", TrueFalseQuestion.of("Mệnh đề " + i, i % 2 == 0));
        }
        Instant now = f.clock.instant();
        long exam = f.exams.create(new ExamService.ExamDraft("Benchmark", "", null, new ExamSettings(
                Duration.ofHours(2), now, now.plus(Duration.ofDays(1)), 1, 50, GradingMethod.LAST,
                Duration.ofSeconds(30)), List.of(new DrawRule("Benchmark", 25)), ExamService.ReviewOptions.FULL, 0));
        List<ExamService.AttemptSession> attempts = new ArrayList<>();
        long startedAt = System.nanoTime();
        for (int i = 0; i < takers; i++) {
            f.become("taker" + i, TrainingFixture.LEARNER);
            attempts.add(f.exams.startOrResume(exam));
        }
        System.out.printf(Locale.ROOT, "started %d attempts in %.1f s%n", takers,
                (System.nanoTime() - startedAt) / 1e9);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ScheduledExecutorService pool = Executors.newScheduledThreadPool(threads);
        for (int i = 0; i < takers; i++) {
            String user = "taker" + i;
            ExamService.AttemptSession attempt = attempts.get(i);
            pool.scheduleAtFixedRate(() -> {
                f.become(user, TrainingFixture.LEARNER);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long question = attempt.questions().get(random.nextInt(attempt.questions().size())).questionId();
                long t0 = System.nanoTime();
                try {
                    f.exams.saveAnswer(attempt.attemptId(), question, new Response.Truth(random.nextBoolean()));
                    latencies.add(System.nanoTime() - t0);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                }
            }, ThreadLocalRandom.current().nextLong(10_000), 10_000, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(seconds * 1000L);
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%d takers, %d s, %d threads: %d saves, %d errors%n", takers, seconds, threads,
                sorted.length, errors.get());
        System.out.printf(Locale.ROOT, "save latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
