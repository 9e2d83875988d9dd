package de.ozgkit.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import de.ozgkit.core.internal.Json;
import de.ozgkit.sandbox.http.MethodHandler;
import de.ozgkit.sandbox.http.Requests;
import de.ozgkit.sandbox.http.Responses;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The example of docs/sandbox.md, "Writing a simulator", run as written. */
class WritingASimulatorTest {

    /** A mailbox per owner: GET lists its notices, POST adds one. */
    public static final class NoticeService implements SandboxService {

        public record Notice(String text) {
        }

        private final Map<String, List<Notice>> mailboxes = new ConcurrentHashMap<>();

        @Override
        public String name() {
            return "notices";                                  // served under /notices
        }

        @Override
        public void mount(SandboxContext context) {
            context.routes().addMapping(new UriTemplatePathSpec("/mailbox/{owner}"), new MethodHandler()
                    .get(this::list)
                    .post(this::add));
        }

        private boolean list(Request request, Response response, Callback callback) {
            String owner = Requests.pathParam(request, "owner");   // percent-decoded
            List<Notice> notices = mailboxes.get(owner);
            if (notices == null) {
                Responses.problem(response, callback, 404, "Not Found", "there is no mailbox for this owner",
                        Map.of("code", "NO_MAILBOX"));
                return true;
            }
            Responses.json(response, callback, 200, notices);
            return true;
        }

        private boolean add(Request request, Response response, Callback callback) {
            Notice notice = Requests.json(request, Notice.class);  // 415, 400 (with line and column), 413
            if (notice.text() == null || notice.text().isBlank()) {
                Responses.problem(response, callback, 400, "Bad Request", "text must not be empty");
                return true;
            }
            mailboxes.computeIfAbsent(Requests.pathParam(request, "owner"), k -> new CopyOnWriteArrayList<>()).add(notice);
            Responses.json(response, callback, 201, notice);
            return true;
        }
    }

    @Test
    void noticeService_storesListsAndRefuses_andALostAnswerStillStores() throws IOException {
        try (Sandbox sandbox = Sandbox.builder().service(new NoticeService()).start(); Http http = new Http()) {
            URI anna = URI.create(sandbox.baseUri("notices") + "/mailbox/anna");
            FaultRule lost = sandbox.faults().add(FaultRule.on("POST", "/notices/mailbox/*").times(1).dropAnswer());

            Http.Answer missing = http.get(anna);
            assertThat(missing.status()).isEqualTo(404);
            assertThat(Json.mapper().readTree(missing.body()).path("code").asText()).isEqualTo("NO_MAILBOX");

            // first POST: stored, but the client sees the connection reset (a lost answer)
            assertThatThrownBy(() -> http.postJson(anna, "{\"text\":\"Bescheid\\r\\n\\u1E9E\"}")).isInstanceOf(IOException.class);
            assertThat(http.postJson(anna, "{\"text\":\"zweiter\"}").status()).isEqualTo(201);
            assertThat(lost.firedCount()).isEqualTo(1);

            JsonNode list = Json.mapper().readTree(http.get(anna).body());
            assertThat(list.get(0).path("text").asText()).isEqualTo("Bescheid\r\n\u1E9E");
            assertThat(list.get(1).path("text").asText()).isEqualTo("zweiter");

            assertThat(http.postJson(anna, "{\"text\":\" \"}").status()).isEqualTo(400);
            assertThat(http.postJson(anna, "{\"text\":").status()).isEqualTo(400);
            assertThat(http.send("PUT", anna).header("Allow")).contains("GET, POST");
        }
    }
}
