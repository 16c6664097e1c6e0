package cn.opengov.tracker.command.web;

import cn.opengov.tracker.command.request.numbering.TrackingNumbers;
import cn.opengov.tracker.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Two writers racing on one request: exactly one wins, the others get 409, nothing is recorded twice. */
class ConcurrencyAndIdempotencyTest extends CommandSideTest {

    private static final int RACERS = 12;

    @Test
    void manyParallelAnswersRecordExactlyOne() throws Exception {
        String agency = newAgency(null);
        UUID id = log(admin(), agency, "2025-03-03");
        List<ApiClient.Response> answers = race(() -> admin().post("/api/requests/" + id + "/answer",
                Map.of("answeredOn", "2025-03-20", "outcome", "DISCLOSED")));
        assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.status() == 409).hasSize(RACERS - 1);
        assertThat(eventsOf(id, "RequestAnswered")).isEqualTo(1);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        String agency = newAgency(null);
        Map<String, String> key = Map.of("Idempotency-Key", "retry-" + UUID.randomUUID());
        ApiClient.Response first = admin().post("/api/requests", request(agency, "2025-03-03"), key);
        ApiClient.Response again = admin().post("/api/requests", request(agency, "2025-03-03"), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(eventsOf(UUID.fromString(first.field("requestId")), "RequestReceived")).isEqualTo(1);
    }

    @Test
    void racingRetriesWithOneKeyLogOneRequest() throws Exception {
        String agency = newAgency(null);
        Map<String, String> key = Map.of("Idempotency-Key", "race-" + UUID.randomUUID());
        long before = eventCount();
        List<ApiClient.Response> answers = race(() -> admin().post("/api/requests", request(agency, "2025-03-03"), key));
        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
        assertThat(answers.stream().map(r -> r.field("trackingNo")).distinct()).hasSize(1);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String agency = newAgency(null);
        Map<String, String> key = Map.of("Idempotency-Key", "other-" + UUID.randomUUID());
        assertThat(admin().post("/api/requests", request(agency, "2025-03-03"), key).status()).isEqualTo(201);
        ApiClient.Response other = admin().post("/api/requests", request(agency, "2025-03-04"), key);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void trackingNumbersAreUniquePerAgencyAndYear() throws Exception {
        String agency = newAgency(null);
        List<ApiClient.Response> logged = race(() -> admin().post("/api/requests", request(agency, "2025-03-03")));
        assertThat(logged).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
        assertThat(logged.stream().map(r -> r.field("trackingNo")).distinct()).hasSize(RACERS)
                .allSatisfy(no -> assertThat(no).matches(agency + "-2025-\\d{4,}"));
        // more parallel receipts than pooled connections (6), and the register has no gaps
        assertThat(logged.stream().map(r -> r.field("trackingNo")).sorted())
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, RACERS)
                        .mapToObj(i -> TrackingNumbers.format(agency, 2025, i)).toList());
    }

    private static List<ApiClient.Response> race(Callable<ApiClient.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiClient.Response>> futures = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<ApiClient.Response> out = new ArrayList<>();
        for (Future<ApiClient.Response> f : futures) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }
}
