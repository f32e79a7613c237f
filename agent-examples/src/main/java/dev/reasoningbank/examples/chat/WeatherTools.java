package dev.reasoningbank.examples.chat;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.reasoningbank.examples.demo.WeatherTool;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weather API of the seed story as a LangChain4j {@code @Tool}: the model picks the host, the
 * city and the key; failures are thrown, so the learning AI service can reflect on them.
 */
public final class WeatherTools {

    private final WeatherTool weather;

    public WeatherTools(WeatherTool weather) {
        this.weather = weather;
    }

    @Tool("Current weather of a city, from a weather host (api.weather.example, or archive.weather.example for history)")
    public String weather(
            @P("the weather host, e.g. api.weather.example") String host,
            @P("the city") String city,
            @P("the API key of the weather service") String apiKey) throws Exception {
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("host", host);
        arguments.put("city", city);
        arguments.put("apiKey", apiKey);
        return String.valueOf(weather.invoke(arguments));
    }
}
