package cn.opengov.tracker.api.request;

/**
 * Who asked. {@code idNumber} is a 居民身份证号码 for a natural person and a 统一社会信用代码 for an
 * organisation; it and the contacts are optional.
 */
public record Applicant(ApplicantType type, String name, String idNumber, String phone, String email,
                        String address) {

    public Applicant withType(ApplicantType newType) {
        return new Applicant(newType, name, idNumber, phone, email, address);
    }
}
