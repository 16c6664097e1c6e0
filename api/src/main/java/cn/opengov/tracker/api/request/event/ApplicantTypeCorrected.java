package cn.opengov.tracker.api.request.event;

import cn.opengov.tracker.api.request.ApplicantType;

import java.util.UUID;

/** A wrongly entered applicant type fixed. */
public record ApplicantTypeCorrected(UUID requestId, ApplicantType previousType, ApplicantType type, String reason) implements RequestEvent {

    @Override
    public String label() {
        return "更正申请人类型";
    }
}
