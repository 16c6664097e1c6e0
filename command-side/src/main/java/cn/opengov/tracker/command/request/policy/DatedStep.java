package cn.opengov.tracker.command.request.policy;

import java.time.LocalDate;

/** A step already recorded on a request, with its business date: what later steps are checked against. */
public record DatedStep(String label, LocalDate date) {
}
