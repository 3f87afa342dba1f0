package io.callaudit.rules.plan;

import io.callaudit.model.Plan;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;
import io.callaudit.model.SelectiveRetention;
import io.callaudit.model.Storage;
import java.util.List;

/**
 * Plan gates are Exotel's (seed 004); other providers' profiles have no plan to check against. What a plan
 * offers is decided here once: the {@code plan.*} rules report a setting the plan does not offer, and the call
 * rules judge calls by what Exotel really does with it, which is to keep the account default.
 */
public final class ExotelPlan {

    private ExotelPlan() {}

    /** The Exotel plan the profile is on, or null when plan rules do not apply. */
    static Plan of(Profile profile) {
        return profile.provider() == Provider.EXOTEL ? profile.plan() : null;
    }

    /** Custom storage (own S3, Azure, SFTP) is Enterprise-only (seed 004, "Custom Storage"). */
    static boolean offersCustomStorage(Profile profile) {
        Plan plan = of(profile);
        return plan == null || plan == Plan.ENTERPRISE;
    }

    /** Selective retention is Enterprise-only (seed 004, "Selective Retention"). */
    static boolean offersSelectiveRetention(Profile profile) {
        Plan plan = of(profile);
        return plan == null || plan == Plan.ENTERPRISE;
    }

    /**
     * Where recordings really go: the profile's storage when the plan offers it, else the provider's own
     * ({@code plan.custom-storage-not-in-plan} reports the setting).
     */
    public static Storage storage(Profile profile) {
        return offersCustomStorage(profile) ? profile.recording().storageOrDefault() : Storage.PROVIDER;
    }

    /**
     * The selective-retention entries that really apply: none when the plan does not offer the feature
     * ({@code plan.selective-retention-not-in-plan} reports them).
     */
    public static List<SelectiveRetention> selectiveRetention(Profile profile) {
        return offersSelectiveRetention(profile) ? profile.recording().selectiveRetention() : List.of();
    }
}
