package dev.connect.oauth.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.connect.oauth.bootstrap.e2e.TokenTraffic.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 7, "kill -9 of a node under load": two nodes on one MariaDB share bounded token traffic
 * ({@link TokenTraffic}: client credentials and refresh rotations); mid-load one node is killed
 * with {@code kill -9} and its calls in flight go to the survivor. Then every token answered 200 is
 * checked through the survivor: access tokens still active (RFC 7662 introspection), the newest
 * refresh token of every chain still rotates. A fresh node replaces the dead one for the next
 * round, started while the survivor serves. Clients retry a call whose connection broke, so the
 * retry grace for ambiguous commits is what keeps a rotation in flight at the kill from counting
 * as a replay.
 */
class KillNodeUnderLoadIT {
    private static final int ROUNDS = 3;
    private static final int CHAINS = 6;
    private static final int CALLS_PER_ROUND = 400;

    @RegisterExtension
    static final Fleet fleet = Fleet.onMariaDb();

    @Test
    void killWhenUnderLoadThenNoTokenLostAndNo5xx() throws Exception {
        FleetNode first = fleet.start("node-1", SharedDatabase.MARIADB_PORT);
        FleetNode second = fleet.start("node-2", SharedDatabase.MARIADB_PORT);
        FleetClient client = FleetClient.register(first);
        List<String> chains = IntStream.range(0, CHAINS)
                .mapToObj(chain -> client.newRefreshToken(chain % 2 == 0 ? first : second)).toList();
        List<FleetNode> up = List.of(first, second);
        List<Answer> answers = new ArrayList<>();
        long tokens = 0;
        long lost = 0;
        int dropped = 0;
        int brokenChains = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            FleetNode victim = up.get(round % 2);
            FleetNode survivor = up.get(1 - round % 2);
            String name = "node-" + (round + 2);
            Optional<CompletableFuture<FleetNode>> replacement;
            TokenTraffic traffic = TokenTraffic.start(client, up, chains);
            try {
                traffic.await(() -> traffic.answered() >= CALLS_PER_ROUND / 2);
                traffic.inService(List.of(survivor));
                victim.kill();
                replacement = round < ROUNDS
                        ? Optional.of(CompletableFuture.supplyAsync(() -> startQuietly(name)))
                        : Optional.empty();
                traffic.await(() -> traffic.answered() >= CALLS_PER_ROUND);
            } finally {
                traffic.stop();
            }

            answers.addAll(traffic.answers());
            tokens += traffic.accessTokens().size() + traffic.refreshTokens().size();
            dropped += traffic.dropped();
            brokenChains += traffic.brokenChains();
            lost += client.inactive(survivor, traffic.accessTokens()) + traffic.brokenChains();
            List<String> rotated = new ArrayList<>();
            for (String refreshToken : traffic.refreshTokens()) {
                Reply reply = client.refresh(survivor, refreshToken);
                lost += reply.status() == 200 ? 0 : 1;
                if (reply.status() == 200) {
                    rotated.add(reply.json().getString("refresh_token"));
                }
            }
            chains = rotated;
            up = replacement.map(next -> List.of(survivor, next.join())).orElse(List.of(survivor));
        }

        long ok = answers.stream().filter(answer -> answer.status() == 200).count();
        List<Answer> serverErrors = answers.stream().filter(answer -> answer.status() >= 500).toList();
        fleet.figure("FLEET kill-9: rounds=%d calls=%d answered_200=%d tokens_checked=%d in_flight_at_kill=%d broken_chains=%d lost=%d 5xx=%d"
                .formatted(ROUNDS, answers.size(), ok, tokens, dropped, brokenChains, lost, serverErrors.size()));
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(lost).as("tokens answered 200 that no longer work").isZero();
        assertThat(chains).as("refresh chains alive after %d rounds", ROUNDS).hasSize(CHAINS);
    }

    private static FleetNode startQuietly(String name) {
        try {
            return fleet.start(name, SharedDatabase.MARIADB_PORT);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }
}
