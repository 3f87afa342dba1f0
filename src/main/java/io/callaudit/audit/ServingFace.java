package io.callaudit.audit;

/**
 * A face that serves events for as long as the process lives, instead of running one command and exiting.
 *
 * <p>The process has one {@code main}: a native Lambda {@code bootstrap} runs the same program as the CLI.
 * If the command line took the process over there, it would print its usage and exit 2 on every cold
 * start. So {@code main} asks each serving face first whether the environment it was started in belongs to
 * that face (the Lambda: a Runtime API address); only when none claims it does the command line run.
 */
public interface ServingFace {

    /** True when this process was started to serve this face's events (decided from the environment). */
    boolean claimsProcess();

    /** Serves until the process is asked to stop; returns the process's exit status. */
    int serve();
}
