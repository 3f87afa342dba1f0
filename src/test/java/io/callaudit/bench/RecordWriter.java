package io.callaudit.bench;

import io.callaudit.bench.CallMix.Call;
import io.callaudit.bench.CallMix.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Spells one drawn call as one NDJSON line of a provider's export. The Aircall records are full call objects
 * as the Public API returns them (user, number, teams, tags, comments, pre-signed recording links, keys present
 * with null values), about a kilobyte each, because a benchmark on trimmed records would measure a reader that
 * never meets the bytes a real export carries.
 *
 * <p>Cosmetic values (sids, customer numbers, tags, comments, signatures) come from a random stream of their
 * own, so that they never disturb the call mix.
 */
abstract class RecordWriter {

    /**
     * The time the export was made, which is when Aircall signs its recording links: half an hour before the
     * profile's {@code as_of}, as when an audit pulls the API right before it runs, so the hour-long links are
     * still valid and the mix stays the mix (an expired link is {@code link.url-expired}, tested on its own).
     */
    static final String SIGNED_AT = "20261119T233000Z";

    final SplitMix cosmetic;

    RecordWriter(long seed) {
        this.cosmetic = new SplitMix(seed ^ 0x5DEECE66DL);
    }

    /** Appends the call as one line, newline included. */
    abstract void write(Call c, AsciiBuffer b);

    static RecordWriter of(CallFormat format, long seed) {
        return switch (format) {
            case AIRCALL -> new Aircall(seed);
            case EXOTEL -> new Exotel(seed);
            case CTM -> new Ctm(seed);
            case CANONICAL -> new Canonical(seed);
        };
    }

    /** Aircall Public API call objects (shared/research/vendor-formats.md §1). */
    static final class Aircall extends RecordWriter {

        private static final long FIRST_ID = 412_000_000L;
        private static final String[][] TAGS = {
            {"Billing", "#00B388", "Invoice or payment question"},
            {"Bug report", "#E5484D", "Customer reports a defect"},
            {"Churn risk", "#F5A524", "Customer mentioned cancelling"},
            {"Upsell", "#3E63DD", "Interested in a higher plan"},
            {"VIP", "#8E4EC6", "Key account"},
            {"Callback", "#12A594", "Promised a callback"}
        };
        private static final String[] COMMENTS = {
            "Customer asked for a callback about the last invoice.",
            "Escalated to tier 2, ticket opened.",
            "Follow-up email sent with the setup guide.",
            "Caller wants to change the billing address on the account.",
            "Left a message, will try again tomorrow morning."
        };

        private final byte[][] users = new byte[Fleet.AGENTS][];
        private final byte[][] postedBy = new byte[Fleet.AGENTS][];
        private final byte[][] numbers = new byte[Fleet.LINES][];
        private final byte[][] teams = new byte[Fleet.TEAMS][];
        private final byte[][] tags = new byte[TAGS.length][];

        Aircall(long seed) {
            super(seed);
            AsciiBuffer b = new AsciiBuffer();
            for (int a = 0; a < Fleet.AGENTS; a++) {
                long id = 1_719_000 + a;
                b.reset();
                b.raw("{\"id\":")
                        .num(id)
                        .raw(",\"name\":")
                        .str(Fleet.agentName(a))
                        .raw(",\"email\":")
                        .str(Fleet.agentEmail(a))
                        .raw(",\"available\":true}");
                users[a] = b.toByteArray();
                b.reset();
                b.raw("{\"id\":")
                        .num(id)
                        .raw(",\"name\":")
                        .str(Fleet.agentName(a))
                        .ch('}');
                postedBy[a] = b.toByteArray();
            }
            for (int n = 0; n < Fleet.LINES; n++) {
                String id = CallFormat.AIRCALL.lineId(n);
                b.reset();
                b.raw("{\"id\":")
                        .raw(id)
                        .raw(",\"name\":")
                        .str(Fleet.lineName(n))
                        .raw(",\"digits\":")
                        .str(CallFormat.AIRCALL.lineDigits(n))
                        .raw(",\"country\":")
                        .str(Fleet.lineCountry(n))
                        .raw(",\"is_ivr\":")
                        .bool(n % 3 == 0)
                        .raw(",\"live_recording_activated\":")
                        .bool(Fleet.recordsInbound(n) || Fleet.recordsOutbound(n))
                        .ch('}');
                numbers[n] = b.toByteArray();
            }
            for (int t = 0; t < Fleet.TEAMS; t++) {
                long id = 50_100 + t;
                b.reset();
                b.raw("[{\"id\":")
                        .num(id)
                        .raw(",\"name\":")
                        .str(Fleet.TEAM_NAMES[t])
                        .raw("}]");
                teams[t] = b.toByteArray();
            }
            for (int i = 0; i < TAGS.length; i++) {
                long id = 8_800 + i;
                b.reset();
                b.raw("{\"id\":")
                        .num(id)
                        .raw(",\"name\":")
                        .str(TAGS[i][0])
                        .raw(",\"color\":")
                        .str(TAGS[i][1])
                        .raw(",\"description\":")
                        .str(TAGS[i][2])
                        .ch('}');
                tags[i] = b.toByteArray();
            }
        }

        @Override
        void write(Call c, AsciiBuffer b) {
            long id = FIRST_ID + c.index;
            long r1 = cosmetic.nextLong();
            long r2 = cosmetic.nextLong();
            long r3 = cosmetic.nextLong();
            int decor = cosmetic.nextInt(1000);
            b.raw("{\"id\":")
                    .num(id)
                    .raw(",\"sid\":\"CA")
                    .hex(r1)
                    .hex(r2)
                    .raw("\",\"direct_link\":\"https://api.aircall.io/v1/calls/")
                    .num(id)
                    .raw("\",\"direction\":")
                    .raw(c.inbound ? "\"inbound\"" : "\"outbound\"")
                    .raw(",\"status\":\"done\",\"started_at\":")
                    .num(c.startedAt)
                    .raw(",\"answered_at\":");
            if (c.answered()) {
                b.num(c.answeredAt);
            } else {
                b.nul();
            }
            b.raw(",\"ended_at\":")
                    .num(c.endedAt)
                    .raw(",\"duration\":")
                    .num(c.endedAt - c.startedAt)
                    .raw(",\"raw_digits\":\"+336")
                    .digits((r3 >>> 1) % 100_000_000L, 8)
                    .raw("\",\"missed_call_reason\":");
            if (c.missedReason >= 0) {
                b.ch('"').raw(CallMix.MISSED_REASONS[c.missedReason]).ch('"');
            } else {
                b.nul();
            }
            boolean voicemail = c.kind == Kind.VOICEMAIL;
            if (voicemail) {
                b.raw(",\"asset\":\"https://assets.aircall.io/calls/")
                        .num(id)
                        .raw("/voicemail\"")
                        .raw(",\"recording\":null,\"recording_short_url\":null,\"voicemail\":");
                signedUrl(b, id, "voicemail", r1, r2, r3);
                b.raw(",\"voicemail_short_url\":\"https://short-urls.aircall.io/v1/")
                        .hex(r2)
                        .hex(r1)
                        .ch('"');
            } else if (c.recorded) {
                b.raw(",\"asset\":\"https://assets.aircall.io/calls/").num(id).raw("/recording\",\"recording\":");
                signedUrl(b, id, "recording", r1, r2, r3);
                b.raw(",\"recording_short_url\":\"https://short-urls.aircall.io/v1/")
                        .hex(r2)
                        .hex(r1)
                        .raw("\",\"voicemail\":null,\"voicemail_short_url\":null");
            } else {
                b.raw(",\"asset\":null,\"recording\":null,\"recording_short_url\":null,\"voicemail\":null")
                        .raw(",\"voicemail_short_url\":null");
            }
            b.raw(",\"archived\":").bool(decor % 7 == 0).raw(",\"cost\":\"0\",\"country_code_a2\":\"FR\",\"user\":");
            if (c.agent >= 0) {
                b.raw(users[c.agent]);
            } else {
                b.nul();
            }
            b.raw(",\"assigned_to\":null,\"contact\":null,\"number\":")
                    .raw(numbers[c.line])
                    .raw(",\"teams\":");
            if (c.inbound) {
                b.raw(teams[Fleet.team(c.line)]);
            } else {
                b.raw("[]");
            }
            b.raw(",\"transferred_by\":null,\"transferred_to\":null,\"tags\":[");
            int tagCount = decor < 650 ? 0 : decor < 950 ? 1 : 2;
            for (int i = 0; i < tagCount; i++) {
                if (i > 0) {
                    b.ch(',');
                }
                b.raw(tags[(decor + i * 3) % tags.length]);
            }
            b.raw("],\"comments\":[");
            if (c.agent >= 0 && decor % 5 == 0) {
                b.raw("{\"id\":")
                        .num(2_300_000_000L + c.index)
                        .raw(",\"content\":")
                        .str(COMMENTS[decor % COMMENTS.length])
                        .raw(",\"posted_at\":")
                        .num(c.endedAt + 60 + decor)
                        .raw(",\"posted_by\":")
                        .raw(postedBy[c.agent])
                        .ch('}');
            }
            b.raw("]}\n");
        }

        /** A pre-signed S3 link, as the API hands out for the audio (valid an hour); query trimmed to its gist. */
        private static void signedUrl(AsciiBuffer b, long id, String what, long r1, long r2, long r3) {
            b.raw("\"https://aircall-media.s3.amazonaws.com/calls/")
                    .num(id)
                    .ch('/')
                    .raw(what)
                    .raw(".mp3?X-Amz-Date=")
                    .raw(SIGNED_AT)
                    .raw("&X-Amz-Expires=3600&X-Amz-Signature=")
                    .hex(r1 ^ r3)
                    .hex(r2)
                    .hex(r3)
                    .hex(r1 + r2)
                    .ch('"');
        }
    }

    /**
     * Exotel call details (vendor-formats.md §2), bare objects as the bulk API's {@code Calls} holds them, times
     * in India time without an offset, plus the agent fields callaudit reads.
     */
    static final class Exotel extends RecordWriter {

        private static final int IST = 19_800;
        private static final String[] MISSED = {"no-answer", "busy", "failed", "canceled"};

        Exotel(long seed) {
            super(seed);
        }

        @Override
        void write(Call c, AsciiBuffer b) {
            long r1 = cosmetic.nextLong();
            long r2 = cosmetic.nextLong();
            String exoPhone = CallFormat.EXOTEL.lineId(c.line);
            b.raw("{\"Sid\":\"")
                    .hex(r1)
                    .hex(c.index)
                    .raw("\",\"ParentCallSid\":null,\"DateCreated\":\"")
                    .civil(c.startedAt + IST, ' ')
                    .raw("\",\"DateUpdated\":\"")
                    .civil(c.endedAt + 40 + IST, ' ')
                    .raw("\",\"AccountSid\":\"acmesupport1\",");
            if (c.inbound) {
                b.raw("\"To\":\"").raw(exoPhone).raw("\",\"From\":\"09").digits((r2 >>> 1) % 1_000_000_000L, 9);
            } else {
                b.raw("\"To\":\"09")
                        .digits((r2 >>> 1) % 1_000_000_000L, 9)
                        .raw("\",\"From\":\"0")
                        .digits(9_800_000_000L + Math.max(c.agent, 0), 10)
                        .raw("\",\"CallerId\":\"")
                        .raw(exoPhone);
            }
            b.raw("\",\"PhoneNumberSid\":\"")
                    .raw(exoPhone)
                    .raw("\",\"Status\":\"")
                    .raw(c.answered() ? "completed" : MISSED[(int) (r2 & 3)])
                    .raw("\",\"StartTime\":\"")
                    .civil(c.startedAt + IST, ' ')
                    .raw("\",\"EndTime\":\"")
                    .civil(c.endedAt + IST, ' ')
                    .raw("\",\"Duration\":\"")
                    .num(c.endedAt - c.startedAt)
                    .raw("\",\"Price\":\"")
                    .num(1 + (c.endedAt - c.startedAt) / 60)
                    .raw(".000\",\"Direction\":")
                    .raw(c.inbound ? "\"inbound\"" : "\"outbound-api\"")
                    .raw(",\"AnsweredBy\":null,\"RecordingUrl\":");
            if (c.recorded) {
                b.raw("\"https://recordings.exotel.com/exotelrecordings/acmesupport1/")
                        .hex(r1)
                        .hex(c.index)
                        .raw(".mp3\"");
            } else {
                b.nul();
            }
            b.raw(",\"FlowId\":\"").raw(c.inbound ? "support" : "sales").raw("\",\"AgentEmail\":");
            if (c.agent >= 0) {
                b.str(Fleet.agentEmail(c.agent))
                        .raw(",\"AgentId\":\"ag-")
                        .num(c.agent)
                        .ch('"');
            } else {
                b.raw("null,\"AgentId\":null");
            }
            String leg2 = c.answered() ? "completed" : "no-answer";
            b.raw(",\"Details\":{\"ConversationDuration\":")
                    .num(c.talkSeconds)
                    .raw(",\"Leg1Status\":\"completed\",\"Leg2Status\":\"")
                    .raw(leg2)
                    .raw("\"}}\n");
        }
    }

    /** CallTrackingMetrics call-log records (vendor-formats.md §3): {@code unix_time} and US Eastern {@code called_at}. */
    static final class Ctm extends RecordWriter {

        private static final ZoneRules EASTERN = ZoneId.of("America/New_York").getRules();
        private static final String[] SOURCES = {"Google Ads", "Organic", "Radio Spot", "Direct", "Facebook"};
        private static final String[] MISSED = {"no-answer", "busy", "no-answer", "canceled"};

        Ctm(long seed) {
            super(seed);
        }

        @Override
        void write(Call c, AsciiBuffer b) {
            long r1 = cosmetic.nextLong();
            long id = 5_000_000L + c.index;
            String source = SOURCES[(int) ((r1 >>> 8) % SOURCES.length)];
            long local = c.startedAt
                    + EASTERN.getOffset(Instant.ofEpochSecond(c.startedAt)).getTotalSeconds();
            long secOfDay = Math.floorMod(local, 86_400L);
            long hour = secOfDay / 3600;
            b.raw("{\"id\":")
                    .num(id)
                    .raw(",\"sid\":\"CAL")
                    .hex(r1)
                    .raw("\",\"account_id\":4242,\"name\":\"")
                    .raw(c.agent >= 0 && c.inbound ? "Jordan Miles" : "Unknown")
                    .raw("\",\"caller_number\":\"(443) 555-")
                    .digits((r1 >>> 1) % 10_000, 4)
                    .raw("\",\"tracking_number\":\"")
                    .raw(CallFormat.CTM.lineDigits(c.line))
                    .raw("\",\"tracking_number_id\":\"")
                    .raw(CallFormat.CTM.lineId(c.line))
                    .raw("\",\"tracking_label\":\"")
                    .raw(source)
                    .raw("\",\"business_number\":\"(410) 555-0199\",\"direction\":")
                    .raw(c.inbound ? "\"inbound\"" : "\"outbound\"")
                    .raw(",\"called_at\":\"");
            // CTM's "2026-11-18 09:15 AM": the civil date, then a 12-hour clock.
            int at = b.length();
            b.civil(local, ' ');
            b.truncate(at + 11);
            b.digits(hour % 12 == 0 ? 12 : hour % 12, 2)
                    .ch(':')
                    .digits(secOfDay / 60 % 60, 2)
                    .raw(hour < 12 ? " AM" : " PM");
            long ring = c.answered() ? c.answeredAt - c.startedAt : c.endedAt - c.startedAt;
            String status = c.kind == Kind.VOICEMAIL ? "voicemail" : c.answered() ? "answered" : MISSED[(int) (r1 & 3)];
            b.raw("\",\"unix_time\":")
                    .num(c.startedAt)
                    .raw(",\"duration\":")
                    .num(c.endedAt - c.startedAt)
                    .raw(",\"ring_time\":")
                    .num(ring)
                    .raw(",\"talk_time\":")
                    .num(c.talkSeconds)
                    .raw(",\"hold_time\":0,\"call_status\":\"")
                    .raw(status)
                    .raw("\",\"source\":\"")
                    .raw(source)
                    .raw("\",\"agent_id\":");
            if (c.agent >= 0) {
                b.raw("\"USR")
                        .num(c.agent)
                        .raw("\",\"agent\":{\"id\":\"USR")
                        .num(c.agent)
                        .raw("\",\"name\":")
                        .str(Fleet.agentName(c.agent))
                        .raw(",\"email\":")
                        .str(Fleet.agentEmail(c.agent))
                        .ch('}');
            } else {
                b.raw("null,\"agent\":null");
            }
            b.raw(",\"audio\":");
            if (c.recorded) {
                b.raw("\"https://app.calltrackingmetrics.com/accounts/4242/calls/")
                        .num(id)
                        .raw("/audio.mp3\"");
            } else {
                b.nul();
            }
            b.raw(",\"is_s3_link\":false,\"tag_list\":[]}\n");
        }
    }

    /** The canonical record of DOMAIN.md, one leg per line, RFC 3339 UTC times. */
    static final class Canonical extends RecordWriter {

        Canonical(long seed) {
            super(seed);
        }

        @Override
        void write(Call c, AsciiBuffer b) {
            long r1 = cosmetic.nextLong();
            String status = c.kind == Kind.VOICEMAIL
                    ? "voicemail"
                    : c.answered() ? "answered" : CallMix.abandoned(c.missedReason) ? "abandoned" : "missed";
            b.raw("{\"id\":\"c")
                    .num(c.index)
                    .raw("\",\"direction\":")
                    .raw(c.inbound ? "\"inbound\"" : "\"outbound\"")
                    .raw(",\"status\":\"")
                    .raw(status)
                    .raw("\",\"started_at\":\"")
                    .civil(c.startedAt, 'T')
                    .raw("Z\",\"ended_at\":\"")
                    .civil(c.endedAt, 'T')
                    .raw("Z\",\"answered_at\":");
            if (c.answered()) {
                b.ch('"').civil(c.answeredAt, 'T').raw("Z\",\"talk_seconds\":").num(c.talkSeconds);
            } else {
                b.raw("null,\"talk_seconds\":null");
            }
            b.raw(",\"number_id\":\"")
                    .raw(CallFormat.CANONICAL.lineId(c.line))
                    .raw("\",\"number_digits\":")
                    .str(CallFormat.CANONICAL.lineDigits(c.line))
                    .raw(",\"user_id\":");
            if (c.agent >= 0) {
                b.raw("\"u")
                        .num(c.agent)
                        .raw("\",\"user_email\":")
                        .str(Fleet.agentEmail(c.agent))
                        .raw(",\"shared_line\":false");
            } else {
                b.raw("null,\"user_email\":null,\"shared_line\":").bool(c.inbound);
            }
            b.raw(",\"flow_id\":null,\"reached_agent\":")
                    .bool(c.missedReason != CallMix.ABANDONED_IN_IVR)
                    .raw(",\"record_requested\":null,\"recording_channels\":null,\"recording_url\":");
            if (c.recorded) {
                b.raw("\"https://recordings.acme.example/").hex(r1).raw(".mp3\",\"recording_seconds\":");
                if (c.answered()) {
                    b.num(c.talkSeconds);
                } else {
                    b.nul();
                }
            } else {
                b.raw("null,\"recording_seconds\":null");
            }
            b.raw(
                    ",\"recording_created_at\":null,\"paused\":false,\"visibility\":\"public\",\"parent_call_id\":null}\n");
        }
    }
}
