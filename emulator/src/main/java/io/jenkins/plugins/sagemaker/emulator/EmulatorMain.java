package io.jenkins.plugins.sagemaker.emulator;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator until Ctrl-C, on an accelerated clock so that a default job (about four minutes of
 * emulator time) finishes in seconds.
 *
 * <pre>
 * ./mvnw -q -DskipPlugin -pl emulator compile exec:java -Dexec.args="--speed 60 --create-bucket example-bucket"
 * </pre>
 */
public final class EmulatorMain {

    private static final String USAGE = """
            Usage: EmulatorMain [options]
              --port N              port of the SageMaker and CloudWatch Logs endpoint (default 0: a free port)
              --s3-port N           port of the S3 endpoint (default 0: a free port)
              --region NAME         AWS region the emulator reports (default us-east-2)
              --speed FACTOR        emulator seconds per wall-clock second (default 60)
              --create-bucket NAME  create this S3 bucket at start; repeatable
              --help                print this help
            """;

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorConfig.Builder config = EmulatorConfig.builder();
        double speed = 60;
        List<String> buckets = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                switch (option) {
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    case "--port" -> config.port(Integer.parseInt(value(args, ++i, option)));
                    case "--s3-port" -> config.s3Port(Integer.parseInt(value(args, ++i, option)));
                    case "--region" -> config.region(value(args, ++i, option));
                    case "--speed" -> speed = Double.parseDouble(value(args, ++i, option));
                    case "--create-bucket" -> buckets.add(value(args, ++i, option));
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            config.clock(EmulatorClock.accelerated(speed));
        } catch (IllegalArgumentException e) {
            System.err.println("Invalid arguments: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }

        SageMakerEmulator emulator = SageMakerEmulator.start(config.build());
        for (String bucket : buckets) {
            emulator.createBucket(bucket);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "sagemaker-emulator-shutdown"));

        printBanner(System.out, emulator, speed, buckets);
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static void printBanner(PrintStream out, SageMakerEmulator emulator, double speed, List<String> buckets) {
        out.println("SageMaker emulator running (clock speed " + speed + "x). Press Ctrl-C to stop.");
        out.println("  SageMaker and CloudWatch Logs endpoint: " + emulator.endpoint());
        out.println("  S3 endpoint (path-style):               " + emulator.s3Endpoint());
        out.println("  Region:                                 " + emulator.region());
        out.println("  Access key id:                          " + emulator.accessKeyId());
        out.println("  Secret access key:                      " + emulator.secretAccessKey());
        out.println("  Buckets:                                " + (buckets.isEmpty() ? "(none)" : String.join(", ", buckets)));
        out.println();
        out.println("Try:");
        out.println("  export AWS_ACCESS_KEY_ID=" + emulator.accessKeyId() + " AWS_SECRET_ACCESS_KEY=" + emulator.secretAccessKey()
                + " AWS_DEFAULT_REGION=" + emulator.region());
        out.println("  aws --endpoint-url " + emulator.endpoint() + " sagemaker list-training-jobs");
        out.println("  aws --endpoint-url " + emulator.endpoint() + " logs describe-log-streams --log-group-name /aws/sagemaker/TrainingJobs");
        out.println("  aws --endpoint-url " + emulator.s3Endpoint() + " s3 ls");
        out.flush();
    }
}
