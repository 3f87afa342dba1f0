package io.callaudit.rules.plan;

import io.callaudit.model.Plan;
import io.callaudit.model.Provider;
import io.callaudit.model.Storage;
import io.callaudit.rules.ProfileContext;
import io.callaudit.rules.ProfileRule;
import io.callaudit.rules.RuleSpec;
import io.callaudit.rules.Seed;
import io.callaudit.rules.Severity;

/** Writing recordings to your own S3, Azure or SFTP storage is Enterprise-only (seed 004, "Custom Storage"). */
@RuleSpec(
        id = "plan.custom-storage-not-in-plan",
        severity = Severity.ERROR,
        seed = Seed.EXOTEL,
        providers = Provider.EXOTEL)
public final class CustomStorageNotInPlan implements ProfileRule {

    @Override
    public void check(ProfileContext ctx) {
        Plan plan = ExotelPlan.of(ctx.profile());
        Storage storage = ctx.profile().recording().storageOrDefault();
        if (!ExotelPlan.offersCustomStorage(ctx.profile()) && storage != Storage.PROVIDER) {
            ctx.report("recording.storage", storage.wire(), plan.wire());
        }
    }
}
