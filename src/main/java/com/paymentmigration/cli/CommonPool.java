package com.paymentmigration.cli;

/**
 * The Pulumi SDK runs each asynchronous step of a resource on CompletableFuture's default executor. With fewer
 * than three CPUs the JDK's common pool gets a parallelism of 1, and CompletableFuture then starts a new thread for
 * every asynchronous step instead of using the pool: about 4,600 threads for one plan of the dev stack on two CPUs.
 * Two workers are what a three-CPU machine gets by default.
 */
public final class CommonPool {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPool() {
    }

    /**
     * Must run before anything asynchronous: the pool reads the property once, when it is created. A value the user
     * set on the command line wins.
     */
    public static void atLeastTwoWorkers() {
        if (System.getProperty(PARALLELISM) == null && Runtime.getRuntime().availableProcessors() < 3) {
            System.setProperty(PARALLELISM, "2");
        }
    }
}
