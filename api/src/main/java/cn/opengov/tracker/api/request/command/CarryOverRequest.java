package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * At year close: carry the request over from every year up to {@code throughYear} on whose 31 December it was
 * open and from which it was not carried yet.
 */
public record CarryOverRequest(@TargetAggregateIdentifier UUID requestId, int throughYear) {
}
