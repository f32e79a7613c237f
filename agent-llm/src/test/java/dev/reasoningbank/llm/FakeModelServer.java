package dev.reasoningbank.llm;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A WireMock model server on a free port for each test: {@code @RegisterExtension FakeModelServer server = new FakeModelServer();}. */
public final class FakeModelServer implements BeforeEachCallback, AfterEachCallback {

    private WireMockServer wm;

    @Override
    public void beforeEach(ExtensionContext context) {
        wm = new WireMockServer(0);
        wm.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        wm.stop();
    }

    public String baseUrl() {
        return wm.baseUrl();
    }

    public void stubFor(MappingBuilder mapping) {
        wm.stubFor(mapping);
    }

    /** Answers the Ollama {@code /api/chat} requests to come with {@code bodies}, one per request, in order. */
    public void scriptOllama(String... bodies) {
        for (int i = 0; i < bodies.length; i++) {
            wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/api/chat"))
                    .inScenario("model")
                    .whenScenarioStateIs(i == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "turn " + i)
                    .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(bodies[i])).willSetStateTo("turn " + (i + 1)));
        }
    }

    /** Forgets every stub and every request received. */
    public void resetAll() {
        wm.resetAll();
    }

    /** The bodies of the requests received, oldest first. */
    public List<String> requestBodies() {
        List<String> bodies = new ArrayList<>(wm.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .map(r -> r.getBodyAsString()).toList());
        Collections.reverse(bodies);
        return bodies;
    }

    /** The body of the n-th request received (1-based). */
    public String request(int n) {
        return requestBodies().get(n - 1);
    }

    /** A local port nothing listens on: connecting to it is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
