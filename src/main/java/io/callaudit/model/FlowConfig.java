package io.callaudit.model;

/**
 * An Exotel call flow's recording override. Null components inherit the account setting.
 */
public record FlowConfig(String id, Boolean record, RecordingMode mode, Boolean consentGreeting, int index) {

    public String key() {
        return "flows[" + index + "]";
    }
}
