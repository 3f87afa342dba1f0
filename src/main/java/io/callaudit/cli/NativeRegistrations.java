package io.callaudit.cli;

import io.callaudit.engine.Outcome;
import io.callaudit.ingest.InputFormat;
import io.callaudit.model.AudioFormat;
import io.callaudit.model.CallStatus;
import io.callaudit.model.Direction;
import io.callaudit.model.Plan;
import io.callaudit.model.Provider;
import io.callaudit.model.RecordingChannels;
import io.callaudit.model.RecordingMode;
import io.callaudit.model.RetentionCriteria;
import io.callaudit.model.StartPoint;
import io.callaudit.model.Storage;
import io.callaudit.model.Visibility;
import io.callaudit.report.ReportFormat;
import io.callaudit.rules.Family;
import io.callaudit.rules.Severity;
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
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection that static analysis cannot see: each rule's
 * {@code @RuleSpec}, read once at registration, and the wire-named enums, whose constants are listed through
 * {@code Class.getEnumConstants()}. {@code NativeRegistrationsTest} keeps the rule list equal to the registry.
 */
@RegisterForReflection(
        targets = {
            AccountCancelled.class,
            AudioDeleted.class,
            ConsentMissing.class,
            CustomStorageNotInPlan.class,
            DualChannelNeedsWav.class,
            DualChannelNotInPlan.class,
            DuplicateCall.class,
            PendingCall.class,
            EmailMismatch.class,
            IntegrationInactive.class,
            IvrOnly.class,
            NoRecording.class,
            NoRecordingSeat.class,
            NumberDeleted.class,
            NumberNotInInventory.class,
            ParallelLeg.class,
            PauseAllowed.class,
            ProfileStale.class,
            PausedByUser.class,
            PrivateCall.class,
            RecordingDisabled.class,
            RejectedRecord.class,
            RetentionExpired.class,
            RetentionOutOfRange.class,
            SelectiveRetentionNotInPlan.class,
            SettingsUnassigned.class,
            SharedLine.class,
            ShortTalk.class,
            ShortVoicemail.class,
            TooLong.class,
            TooShort.class,
            Unanswered.class,
            Unexplained.class,
            NotCheckable.class,
            UrlExpired.class,
            WaiverExpired.class,
            WaiverMalformed.class,
            AudioFormat.class,
            CallStatus.class,
            Direction.class,
            Family.class,
            InputFormat.class,
            Outcome.class,
            Plan.class,
            Provider.class,
            RecordingChannels.class,
            RecordingMode.class,
            ReportFormat.class,
            RetentionCriteria.class,
            Severity.class,
            StartPoint.class,
            Storage.class,
            Visibility.class
        })
public final class NativeRegistrations {

    private NativeRegistrations() {}
}
