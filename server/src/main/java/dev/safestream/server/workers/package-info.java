/**
 * Supervision of the server's long-lived threads: {@link dev.safestream.server.workers.SupervisedThread} restarts a
 * worker whose loop dies, {@link dev.safestream.server.workers.Guarded} keeps one failing task from killing an
 * executor's thread; both count what happened in {@link dev.safestream.server.workers.WorkerMeters}.
 */
package dev.safestream.server.workers;
