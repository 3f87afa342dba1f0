package io.callaudit.model;

/** Where recordings live; anything but the provider's storage is Enterprise-only on Exotel. */
public enum Storage implements WireEnum {
    PROVIDER("provider"),
    S3("s3"),
    AZURE("azure"),
    SFTP("sftp");

    private final String wire;

    Storage(String wire) {
        this.wire = wire;
    }

    @Override
    public String wire() {
        return wire;
    }
}
