package de.ozgkit.cli;

/**
 * One step of {@code ozgkit demo}. A step does one thing against the embedded sandbox through the
 * SDK and returns a short line of what it saw; it throws when the outcome is not the expected one.
 *
 * <pre>{@code
 * DemoStep health = DemoStep.of("check sandbox health", context -> {
 *     ...
 *     return "GET /health -> 200 UP";
 * });
 * }</pre>
 */
public interface DemoStep {

    /** @return what the step does, e.g. {@code "check sandbox health over HTTP"} */
    String title();

    /**
     * Runs the step.
     *
     * @param context the sandbox, client configuration and transport shared by all steps
     * @return one line describing the outcome
     * @throws Exception when the step fails; the message is shown as the reason
     */
    String run(DemoContext context) throws Exception;

    /**
     * Creates a step from a title and an action.
     *
     * @param title  what the step does
     * @param action the action
     * @return the step
     */
    static DemoStep of(String title, Action action) {
        return new DemoStep() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public String run(DemoContext context) throws Exception {
                return action.run(context);
            }
        };
    }

    /** The body of a step created with {@link #of(String, Action)}. */
    @FunctionalInterface
    interface Action {
        /**
         * @param context the demo context
         * @return one line describing the outcome
         * @throws Exception when the step fails
         */
        String run(DemoContext context) throws Exception;
    }
}
