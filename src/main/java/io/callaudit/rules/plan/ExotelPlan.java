package io.callaudit.rules.plan;

import io.callaudit.model.Plan;
import io.callaudit.model.Profile;
import io.callaudit.model.Provider;

/** Plan gates are Exotel's (seed 004); other providers' profiles have no plan to check against. */
final class ExotelPlan {

    private ExotelPlan() {
    }

    /** The Exotel plan the profile is on, or null when plan rules do not apply. */
    static Plan of(Profile profile) {
        return profile.provider() == Provider.EXOTEL ? profile.plan() : null;
    }
}
