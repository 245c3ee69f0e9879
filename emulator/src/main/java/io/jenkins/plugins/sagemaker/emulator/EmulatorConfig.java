package io.jenkins.plugins.sagemaker.emulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/** Immutable settings of one {@link SageMakerEmulator}: bind address, ports, region, account and clock. */
public final class EmulatorConfig {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String host;
    private final int port;
    private final int s3Port;
    private final String region;
    private final String accountId;
    private final EmulatorClock clock;

    private EmulatorConfig(Builder builder) {
        this.host = builder.host;
        this.port = builder.port;
        this.s3Port = builder.s3Port;
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.clock = builder.clock != null
                ? builder.clock
                : EmulatorClock.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the defaults: 127.0.0.1, free ports, us-east-2, account 123456789012, a manual clock at the current second. */
    public static EmulatorConfig defaults() {
        return builder().build();
    }

    public String host() {
        return host;
    }

    /** Port of the SageMaker and CloudWatch Logs endpoint; 0 picks a free port. */
    public int port() {
        return port;
    }

    /** Port of the embedded S3Proxy; 0 picks a free port. */
    public int s3Port() {
        return s3Port;
    }

    public String region() {
        return region;
    }

    public String accountId() {
        return accountId;
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** Builder of {@link EmulatorConfig}. */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port;
        private int s3Port;
        private String region = "us-east-2";
        private String accountId = "123456789012";
        private EmulatorClock clock;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        public Builder port(int port) {
            this.port = checkPort("port", port);
            return this;
        }

        public Builder s3Port(int s3Port) {
            this.s3Port = checkPort("s3Port", s3Port);
            return this;
        }

        public Builder region(String region) {
            if (region == null || !REGION.matcher(region).matches()) {
                throw new IllegalArgumentException("region must look like us-east-2, got " + region);
            }
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException("accountId must be 12 digits, got " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /** Sets the clock; without one the emulator uses a manual clock at the current second. */
        public Builder clock(EmulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public EmulatorConfig build() {
            return new EmulatorConfig(this);
        }

        private static int checkPort(String name, int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535 (0 picks a free port), got " + value);
            }
            return value;
        }
    }
}
