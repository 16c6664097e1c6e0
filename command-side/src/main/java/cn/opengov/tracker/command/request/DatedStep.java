package cn.opengov.tracker.command.request;

import java.time.LocalDate;

/** A step already recorded on a request, with its business date: what later steps are checked against. */
record DatedStep(String label, LocalDate date) {
}
