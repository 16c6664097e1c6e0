package cn.opengov.tracker.query.application;

import cn.opengov.tracker.platform.publicaccess.PublicThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The self-hosted challenge (no third-party service) a caller must answer after repeated failed status lookups:
 * a small sum written in Chinese numerals, kept in PostgreSQL so any node can check it, answered once, within
 * ten minutes. It does not stop a determined program; it makes guessing codes in bulk cost a round trip and some
 * work per guess, on top of the per-address limits.
 */
@Component
public class PublicChallenges {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
            "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PublicThrottle throttle;
    private final int perMinute;

    public PublicChallenges(JdbcTemplate jdbc, PublicThrottle throttle,
                            @Value("${tracker.public.challenges-per-minute:10}") int perMinute) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.perMinute = perMinute;
    }

    /** A new question; at most {@code tracker.public.challenges-per-minute} an address (429 beyond), so none piles up. */
    public Challenge issue(String address) {
        throttle.hit("challenge", address, perMinute, Duration.ofMinutes(1));
        int a = 1 + RANDOM.nextInt(20);
        int b = 1 + RANDOM.nextInt(20);
        UUID id = UUID.randomUUID();
        jdbc.update("DELETE FROM public_challenge WHERE expires_at < clock_timestamp()");
        jdbc.update("INSERT INTO public_challenge (challenge_id, answer, expires_at) VALUES (?, ?, clock_timestamp() + interval '10 minutes')",
                id, a + b);
        return new Challenge(id, DIGITS[a] + "加" + DIGITS[b] + "等于多少？（请填写阿拉伯数字）");
    }

    /** Whether the answer is right; the challenge is used up either way. */
    public boolean solved(String challengeId, String answer) {
        if (challengeId == null || answer == null) {
            return false;
        }
        UUID id;
        int given;
        try {
            id = UUID.fromString(challengeId.strip());
            given = Integer.parseInt(answer.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        List<Integer> expected = jdbc.queryForList(
                "DELETE FROM public_challenge WHERE challenge_id = ? AND expires_at > clock_timestamp() RETURNING answer",
                Integer.class, id);
        return !expected.isEmpty() && expected.get(0) == given;
    }

    /** A question to answer before the next lookup. */
    public record Challenge(UUID challengeId, String question) {
    }
}
