package dev.imagesdk.core.internal.http;

import okhttp3.Response;

import java.util.List;

/** Steps applied in order, outermost first, around a final {@link Step.Chain} (the network call). */
public final class Pipeline {
    private final List<Step> steps;
    private final Step.Chain terminal;

    /**
     * @param steps outermost first
     * @param terminal what the innermost step calls
     */
    public Pipeline(List<Step> steps, Step.Chain terminal) {
        this.steps = List.copyOf(steps);
        this.terminal = terminal;
    }

    /** Runs {@code exchange} through all steps. */
    public Response execute(Exchange exchange) {
        return at(0).proceed(exchange);
    }

    private Step.Chain at(int index) {
        if (index == steps.size()) {
            return terminal;
        }
        Step step = steps.get(index);
        return exchange -> step.handle(exchange, at(index + 1));
    }
}
