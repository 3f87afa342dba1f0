package io.callaudit.audit;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.function.UnaryOperator;

/**
 * Normalises phone numbers to E.164 so the inventory and the exports compare equal however they are
 * written ("+33 1 23 45 67 89", "01 23 45 67 89" with region FR, "+33123456789").
 */
public final class PhoneNumbers implements UnaryOperator<String> {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region for numbers written without a country code, or null */
    public PhoneNumbers(String defaultRegion) {
        this.defaultRegion = defaultRegion == null ? "ZZ" : defaultRegion;
    }

    /** The E.164 form, or the bare digits when the number cannot be parsed, or null when there are none. */
    @Override
    public String apply(String written) {
        if (written == null || written.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(written, defaultRegion);
            return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            String digits = written.replaceAll("[^0-9]", "");
            return digits.isEmpty() ? null : digits;
        }
    }
}
