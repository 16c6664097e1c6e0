package cn.opengov.tracker.platform.publicaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The access code (查询码) an applicant gets with an online application's number (查询号): 10 characters drawn by
 * {@link SecureRandom} from 31 that cannot be mistaken for one another (no 0/O, 1/I/L), about 49 bits. Only its
 * hash is kept — SHA-256 of number and code, so the same code under two numbers hashes apart — and a code is
 * checked by comparing hashes in constant time ({@link MessageDigest#isEqual}). A slow password hash is not needed:
 * the code is random, not chosen by a person, and guessing is throttled per address.
 */
public final class AccessCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What a lookup with an unknown number compares against, so that it costs what a known number costs. */
    private static final byte[] NOBODY = hash("-", "-");

    private AccessCodes() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A random number of {@code digits} decimal digits (the application number's tail). */
    public static String randomDigits(int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return s.toString();
    }

    public static byte[] hash(String applicationNo, String code) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((applicationNo + "\n" + normalized(code)).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether the code matches the stored hash, in time that does not depend on where they differ; with no stored
     * hash (unknown number) it does the same work and answers false.
     */
    public static boolean matches(byte[] storedHash, String applicationNo, String code) {
        byte[] given = hash(applicationNo, code == null ? "" : code);
        boolean equal = MessageDigest.isEqual(storedHash == null ? NOBODY : storedHash, given);
        return storedHash != null && equal;
    }

    /** Codes are read back from paper: case and spaces do not matter. */
    static String normalized(String code) {
        return code.strip().replace(" ", "").replace("-", "").toUpperCase(java.util.Locale.ROOT);
    }
}
