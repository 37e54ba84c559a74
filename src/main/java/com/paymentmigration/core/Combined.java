package com.paymentmigration.core;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Outputs of different types resolved together, each read back through the typed handle {@link #add} gave it:
 * what {@code Output.tuple} does for up to eight, without positions a reader has to count.
 */
public final class Combined {

    private final List<Output<?>> outputs = new ArrayList<>();

    /** A handle to one output's value inside {@link #apply}. */
    public record Value<T>(int index) {
    }

    /** The resolved values, read by handle. */
    public static final class Values {
        private final List<Object> values;

        private Values(List<Object> values) {
            this.values = values;
        }

        @SuppressWarnings("unchecked")
        public <T> T get(Value<T> value) {
            return (T) values.get(value.index());
        }
    }

    public <T> Value<T> add(Output<T> output) {
        outputs.add(output);
        return new Value<>(outputs.size() - 1);
    }

    /** One output of what {@code build} makes from every added output's value. */
    @SuppressWarnings("unchecked")
    public <R> Output<R> apply(Function<Values, R> build) {
        var all = outputs.stream().map(output -> (Output<Object>) output).toList();
        return Output.all(all).applyValue(values -> build.apply(new Values(values)));
    }
}
