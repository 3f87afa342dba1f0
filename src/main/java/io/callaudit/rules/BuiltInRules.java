package io.callaudit.rules;

import io.callaudit.rules.config.ConsentMissing;
import io.callaudit.rules.config.PauseAllowed;
import io.callaudit.rules.config.ProfileStale;
import io.callaudit.rules.gap.IvrOnly;
import io.callaudit.rules.gap.NotCheckable;
import io.callaudit.rules.gap.ParallelLeg;
import io.callaudit.rules.gap.PausedByUser;
import io.callaudit.rules.gap.RecordingDisabled;
import io.callaudit.rules.gap.SettingsUnassigned;
import io.callaudit.rules.gap.ShortTalk;
import io.callaudit.rules.gap.ShortVoicemail;
import io.callaudit.rules.gap.TooLong;
import io.callaudit.rules.gap.Unanswered;
import io.callaudit.rules.gap.Unexplained;
import io.callaudit.rules.ingest.EmailMismatch;
import io.callaudit.rules.ingest.IntegrationInactive;
import io.callaudit.rules.ingest.NoRecording;
import io.callaudit.rules.ingest.NoRecordingSeat;
import io.callaudit.rules.ingest.PrivateCall;
import io.callaudit.rules.ingest.SharedLine;
import io.callaudit.rules.ingest.TooShort;
import io.callaudit.rules.input.DuplicateCall;
import io.callaudit.rules.input.PendingCall;
import io.callaudit.rules.input.RejectedRecord;
import io.callaudit.rules.link.AccountCancelled;
import io.callaudit.rules.link.AudioDeleted;
import io.callaudit.rules.link.NumberDeleted;
import io.callaudit.rules.link.NumberNotInInventory;
import io.callaudit.rules.link.RetentionExpired;
import io.callaudit.rules.link.UrlExpired;
import io.callaudit.rules.plan.CustomStorageNotInPlan;
import io.callaudit.rules.plan.DualChannelNeedsWav;
import io.callaudit.rules.plan.DualChannelNotInPlan;
import io.callaudit.rules.plan.RetentionOutOfRange;
import io.callaudit.rules.plan.SelectiveRetentionNotInPlan;
import io.callaudit.rules.waiver.WaiverExpired;
import io.callaudit.rules.waiver.WaiverMalformed;
import java.util.List;

/**
 * Every rule callaudit ships, in DOMAIN.md's precedence order: the first reason that fires on a call is its
 * primary reason. An explicit list, not a classpath scan, so a reviewer sees the whole set and a native
 * image needs no scanning. Adding a rule means: the class, a line here, both bundles, a test with fixtures.
 */
public final class BuiltInRules {

    private BuiltInRules() {}

    static List<Rule> all() {
        return List.of(
                // start
                new Unanswered(),
                new ParallelLeg(),
                new RecordingDisabled(),
                new SettingsUnassigned(),
                new IvrOnly(),
                new ShortVoicemail(),
                new ShortTalk(),
                new TooLong(),
                new PausedByUser(),
                new Unexplained(),
                new NotCheckable(),
                new NumberDeleted(),
                new NumberNotInInventory(),
                new AudioDeleted(),
                new AccountCancelled(),
                new RetentionExpired(),
                new UrlExpired(),
                new DualChannelNotInPlan(),
                new DualChannelNeedsWav(),
                new RetentionOutOfRange(),
                new CustomStorageNotInPlan(),
                new SelectiveRetentionNotInPlan(),
                new ConsentMissing(),
                new PauseAllowed(),
                new ProfileStale(),
                new NoRecording(),
                new EmailMismatch(),
                new SharedLine(),
                new NoRecordingSeat(),
                new TooShort(),
                new IntegrationInactive(),
                new PrivateCall(),
                new RejectedRecord(),
                new DuplicateCall(),
                new PendingCall(),
                new WaiverExpired(),
                new WaiverMalformed()
                // end
                );
    }
}
