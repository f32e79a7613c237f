package dev.reasoningbank.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.reasoningbank.core.redact.Redactor;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Why a call to the model failed, with one message for the user that says what was tried and how
 * to fix it. Nothing secret is in the message.
 *
 * @param kind what went wrong
 * @param message what was tried and how to fix it
 */
public record ModelError(Kind kind, String message) {

    /** The kinds of model errors. */
    public enum Kind {
        /** The server cannot be reached (connection refused, unknown host). */
        UNREACHABLE("unreachable", true),
        /** The server does not know the model (HTTP 404). */
        UNKNOWN_MODEL("unknown model", true),
        /** The server rejected the credentials (HTTP 401/403). */
        AUTH("authentication failed", true),
        /** The server did not answer in time. */
        TIMEOUT("timeout", false),
        /** The server failed (HTTP 5xx) or limited the rate (429). */
        SERVER_ERROR("server error", false),
        /** The server rejected the request (HTTP 400). */
        INVALID_REQUEST("request rejected", false),
        /** Anything else. */
        OTHER("model error", false);

        private final String shortText;
        private final boolean permanent;

        Kind(String shortText, boolean permanent) {
            this.shortText = shortText;
            this.permanent = permanent;
        }

        /** A few words for provenance, e.g. "unreachable". */
        public String shortText() {
            return shortText;
        }

        /** Whether retrying in the same run is pointless: the model is then not called again. */
        public boolean permanent() {
            return permanent;
        }
    }

    /**
     * Classifies an exception thrown by a LangChain4j chat model.
     *
     * @param llm the configuration the model was built from, for precise advice; {@code null} when unknown
     */
    public static ModelError of(Throwable error, @Nullable LlmConfig llm) {
        Optional<LlmConfig> config = Optional.ofNullable(llm);
        Redactor redactor = config.map(LlmConfig::apiKey).map(k -> Redactor.standard().withSecretValues(List.of(k)))
                .orElse(Redactor.standard());
        String where = config.map(c -> c.provider().displayName() + " at " + c.printableBaseUrl()).orElse("the model server");
        String model = config.map(LlmConfig::model).orElse("the configured model");
        boolean ollama = config.map(c -> c.provider() == LlmProvider.OLLAMA).orElse(false);
        String detail = redactor.redact(cut(rootMessage(error)));

        if (has(error, ConnectException.class) || has(error, UnresolvedModelServerException.class)
                || has(error, UnknownHostException.class) || has(error, UnresolvedAddressException.class)) {
            String fix = ollama
                    ? "start it with `ollama serve` and pull the model with `ollama pull " + model + "`, or set "
                            + LlmConfig.ENV_OLLAMA_URL + " to where it runs"
                    : "check that the server is running and that " + (config.isPresent() ? envUrl(config.get()) : "its base URL") + " is right";
            return new ModelError(Kind.UNREACHABLE, where + " is unreachable (" + detail + "): " + fix);
        }
        if (has(error, ModelNotFoundException.class) || status(error) == 404) {
            String fix = ollama
                    ? "pull it with `ollama pull " + model + "` or set " + LlmConfig.ENV_OLLAMA_MODEL + " to a model `ollama list` shows"
                    : "set " + LlmConfig.ENV_OPENAI_MODEL + " to a model the server serves";
            return new ModelError(Kind.UNKNOWN_MODEL, where + " has no model '" + model + "' (" + detail + "): " + fix);
        }
        if (has(error, AuthenticationException.class) || status(error) == 401 || status(error) == 403) {
            return new ModelError(Kind.AUTH, where + " rejected the credentials (" + detail + "): check "
                    + (ollama ? "the proxy in front of Ollama" : LlmConfig.ENV_OPENAI_KEY));
        }
        if (has(error, dev.langchain4j.exception.TimeoutException.class) || has(error, HttpTimeoutException.class)
                || has(error, java.util.concurrent.TimeoutException.class)) {
            String after = config.map(c -> " within " + (c.timeout().toMillis() < 1_000 ? c.timeout().toMillis() + " ms"
                    : c.timeout().toSeconds() + " s")).orElse(" in time");
            return new ModelError(Kind.TIMEOUT, where + " did not answer" + after + ": raise " + LlmConfig.ENV_TIMEOUT
                    + " (seconds) or use a smaller model");
        }
        if (has(error, InternalServerException.class) || has(error, RateLimitException.class) || status(error) >= 500) {
            return new ModelError(Kind.SERVER_ERROR, where + " failed with a server error (" + detail + "): check the server's log");
        }
        if (has(error, InvalidRequestException.class)) {
            return new ModelError(Kind.INVALID_REQUEST, where + " rejected the request (" + detail + "): the model '" + model
                    + "' may not support JSON-schema answers");
        }
        return new ModelError(Kind.OTHER, "the call to " + where + " failed (" + detail + ")");
    }

    private static String envUrl(LlmConfig config) {
        return config.provider() == LlmProvider.OLLAMA ? LlmConfig.ENV_OLLAMA_URL + "=" + config.baseUrl()
                : LlmConfig.ENV_OPENAI_URL + "=" + config.baseUrl();
    }

    private static boolean has(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static int status(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                return http.statusCode();
            }
        }
        return 0;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // a message-less cause (ClosedChannelException) is told in words, never by its class name
        String text = message == null || message.isBlank() ? dev.reasoningbank.core.failure.RootCause.of(error).sentence() : message;
        HttpException http = null;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException h) {
                http = h;
            }
        }
        return http == null ? text : "HTTP " + http.statusCode() + ": " + text;
    }

    private static String cut(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }
}
