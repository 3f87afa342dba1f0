package io.callaudit.rules;

/**
 * The help articles every rule comes from. A rule that cannot name its seed has no business firing: the
 * seed is what a support engineer would quote back.
 */
public enum Seed {
    AIRCALL("000_4d8b39d72bcb8e56.txt", "Aircall: calls without recordings"),
    AIRCALL_ES("001_70c7fd9348c7605d.txt", "Aircall: llamadas sin grabación"),
    AIRSPEED("002_4a6c325123246d34.txt", "Airspeed: why Aircall calls are missing"),
    CTM("003_c68e25c7b8642b26.txt", "CallTrackingMetrics: call recordings"),
    EXOTEL("004_0df3aecd09fb4f60.txt", "Exotel: call recording configuration"),
    DOMAIN("DOMAIN.md", "callaudit contract: input handling");

    private final String file;
    private final String title;

    Seed(String file, String title) {
        this.file = file;
        this.title = title;
    }

    public String file() {
        return file;
    }

    public String title() {
        return title;
    }
}
