package io.callaudit.ingest;

import io.callaudit.model.WireEnum;
import java.time.ZoneId;

/**
 * The call-log dialects callaudit reads, named as {@code --input-format} spells them. Each has a record mapper
 * and says whether, and with which columns, it has a CSV export.
 */
public enum InputFormat implements WireEnum {
    AIRCALL("aircall"),
    EXOTEL("exotel"),
    CTM("ctm"),
    CANONICAL("canonical");

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final String wire;

    InputFormat(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }

    /** Whether the format has a CSV export callaudit reads. */
    boolean readsCsv() {
        return csv() != null;
    }

    /** The columns of the format's CSV export, or null when it has none. */
    CsvColumns csv() {
        return switch (this) {
            case AIRCALL -> CsvColumns.open(AircallCsvMapper.CSV_REQUIRED);
            case EXOTEL -> CsvColumns.open(ExotelMapper.CSV_REQUIRED);
            case CTM -> CsvColumns.open(CtmMapper.CSV_REQUIRED);
            case CANONICAL -> CsvColumns.closed(CanonicalMapper.FIELDS, CanonicalMapper.REQUIRED);
        };
    }

    /**
     * A reader of the format's usual NDJSON line straight from its bytes, tried before the JSON tree; null for
     * formats read only through the tree.
     */
    AircallLineScanner lineScanner() {
        return this == AIRCALL ? new AircallLineScanner() : null;
    }

    /**
     * The zone a vendor's offset-less times are in when the profile does not say: Exotel's accounts are in India
     * time unless set otherwise; CTM and Aircall document none (Aircall's API writes instants, its dashboard
     * export a UTC column), so UTC, and the report says which zone it assumed.
     */
    public ZoneId defaultZone() {
        return this == EXOTEL ? INDIA : UTC;
    }

    /** The mapper of the format's CSV export: Aircall's dashboard names its columns unlike its API's fields. */
    RecordMapper csvMapper(ZoneId zone) {
        return this == AIRCALL ? new AircallCsvMapper(zone) : mapper(zone);
    }

    /**
     * @param zone the zone of timestamps the input writes without an offset (Exotel, CTM); formats whose
     *        timestamps always carry one ignore it
     */
    RecordMapper mapper(ZoneId zone) {
        return switch (this) {
            case AIRCALL -> new AircallMapper();
            case EXOTEL -> new ExotelMapper(zone);
            case CTM -> new CtmMapper(zone);
            case CANONICAL -> new CanonicalMapper();
        };
    }
}
