package cn.opengov.tracker.api.request.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Make {@code assignee}, a staff member of the request's agency (checked before it is sent), the request's 承办人. */
public record AssignRequest(@TargetAggregateIdentifier UUID requestId, String assignee) {
}
