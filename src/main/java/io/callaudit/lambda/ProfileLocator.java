package io.callaudit.lambda;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an object's profile may be: the configured key, or else {@value #FILE_NAME} in the object's folder,
 * then in each parent folder up to the input prefix. The search never leaves the input prefix, because the
 * function's role can read nothing else (and a profile dropped beside a team's exports is that team's).
 */
final class ProfileLocator {

    /** The name a profile has when it sits beside the batches it describes. */
    static final String FILE_NAME = "callaudit-profile.yaml";

    private ProfileLocator() {}

    /** Keys to try, nearest first. */
    static List<String> candidates(Prefixes prefixes, String key, String configuredKey) {
        if (configuredKey != null) {
            return List.of(configuredKey);
        }
        List<String> keys = new ArrayList<>();
        String folder = key.substring(0, key.lastIndexOf('/') + 1);
        while (folder.length() >= prefixes.input().length() && folder.startsWith(prefixes.input())) {
            keys.add(folder + FILE_NAME);
            if (folder.equals(prefixes.input())) {
                break;
            }
            folder = folder.substring(0, folder.lastIndexOf('/', folder.length() - 2) + 1);
        }
        return keys;
    }

    /** True for a profile: uploading one is not a batch to audit. */
    static boolean isProfile(String key) {
        return key.equals(FILE_NAME) || key.endsWith("/" + FILE_NAME);
    }
}
