package dev.reasoningbank.bench.run;

import dev.reasoningbank.bench.scenario.ApiTool;
import dev.reasoningbank.core.tool.Tool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Wraps a scenario tool and records every call, so that every policy is measured the same way. */
final class RecordingTool implements Tool {

    private final ApiTool delegate;
    private final List<CallRecord> calls;

    RecordingTool(ApiTool delegate, List<CallRecord> calls) {
        this.delegate = delegate;
        this.calls = calls;
    }

    static List<Tool> wrap(List<ApiTool> tools, List<CallRecord> calls) {
        List<Tool> wrapped = new ArrayList<>();
        tools.forEach(t -> wrapped.add(new RecordingTool(t, calls)));
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
            calls.add(new CallRecord(name(), delegate.hostFor(copy), copy, null, System.nanoTime() - start));
            return result;
        } catch (Exception e) {
            calls.add(new CallRecord(name(), delegate.hostFor(copy), copy, e, System.nanoTime() - start));
            throw e;
        }
    }
}
