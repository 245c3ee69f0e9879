package io.jenkins.plugins.sagemaker.emulator.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque NextToken values that encode an offset into a sorted result list. */
public final class PageTokens {

    private static final String PREFIX = "offset:";

    private PageTokens() {
    }

    public static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token; null means the first page. An invalid token raises the given exception code. */
    public static int decode(String token, String errorCode, String member) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // Falls through to the error below. NumberFormatException is an IllegalArgumentException too.
        }
        throw new ApiException(400, errorCode, "The " + member + " '" + token + "' is invalid; pass the token from the previous response unchanged.");
    }
}
