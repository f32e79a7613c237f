package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.scenario.ApiTool;
import dev.reasoningbank.core.failure.Failure;
import dev.reasoningbank.core.judge.OutcomeJudge;
import dev.reasoningbank.core.judge.Verdict;
import dev.reasoningbank.core.tool.Tool;
import dev.reasoningbank.core.tool.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Wraps a track's tool and records every call, failed when it threw or the default judge fails its result, so that every policy is measured the same way. */
public final class RecordingTool implements Tool {

    private final Tool delegate;
    private final Function<Map<String, Object>, String> hostFor;
    private final List<CallRecord> calls;

    private RecordingTool(Tool delegate, Function<Map<String, Object>, String> hostFor, List<CallRecord> calls) {
        this.delegate = delegate;
        this.hostFor = hostFor;
        this.calls = calls;
    }

    static List<Tool> wrap(List<ApiTool> tools, List<CallRecord> calls) {
        List<Tool> wrapped = new ArrayList<>();
        tools.forEach(t -> wrapped.add(new RecordingTool(t, t::hostFor, calls)));
        return wrapped;
    }

    /** Wraps tools whose calls all go to {@code host}. */
    public static List<Tool> wrap(List<? extends Tool> tools, String host, List<CallRecord> calls) {
        List<Tool> wrapped = new ArrayList<>();
        tools.forEach(t -> wrapped.add(new RecordingTool(t, arguments -> host, calls)));
        return wrapped;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<String> parameters() {
        return delegate.parameters();
    }

    @Override
    public Object invoke(Map<String, Object> arguments) throws Exception {
        Map<String, Object> copy = new LinkedHashMap<>(arguments);
        long start = System.nanoTime();
        try {
            Object result = delegate.invoke(arguments);
            // a result the agents' default judge fails (an HTTP 200 whose body reports an error) is a failed call, as every policy sees it
            Verdict verdict = OutcomeJudge.ruleBased().judge(ToolCall.of(name(), copy), result);
            calls.add(new CallRecord(name(), hostFor.apply(copy), copy, verdict.success() ? null : new Failure.WrongResultException(verdict.reason()),
                    System.nanoTime() - start));
            return result;
        } catch (Exception e) {
            calls.add(new CallRecord(name(), hostFor.apply(copy), copy, e, System.nanoTime() - start));
            throw e;
        }
    }
}
