package cn.opengov.tracker.api.request.state;

import java.time.LocalDate;

/** 延迟答复 (条例第三十五条): decided on {@code decidedOn}, the answer now due on {@code dueOn}. */
public record Deferral(LocalDate decidedOn, LocalDate dueOn, String reason) {
}
