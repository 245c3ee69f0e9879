package io.jenkins.plugins.sagemaker.connection;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import io.jenkins.plugins.sagemaker.engine.aws.AssumeRoleSettings;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSummary;

/** Lists the algorithm names of the account for the form's algorithm combo box. */
public final class AlgorithmLister {

    /** Upper bound on listed names, so a large account does not slow the form down. */
    private static final int MAX_ALGORITHMS = 200;

    private AlgorithmLister() {
    }

    /**
     * Calls ListAlgorithms with the item's credentials. ListAlgorithms returns the account's own
     * algorithms; AWS Marketplace algorithms are entered by ARN.
     *
     * @throws RuntimeException when the credentials are not found or the call fails
     */
    public static List<String> list(@CheckForNull Item item, String credentialsId, String region, String endpointUrl,
            String stsEndpointUrl, String assumeRoleArn, String assumeRoleExternalId) {
        AwsClientSettings.Builder settings = AwsClientSettings.builder()
                .region(region)
                .credentialsProvider(AwsCredentialsLookup.forItem(item, credentialsId))
                .proxy(JenkinsProxy.current());
        if (Util.fixEmptyAndTrim(endpointUrl) != null) {
            settings.sageMakerEndpoint(URI.create(endpointUrl.trim()));
        }
        if (Util.fixEmptyAndTrim(stsEndpointUrl) != null) {
            settings.stsEndpoint(URI.create(stsEndpointUrl.trim()));
        }
        if (Util.fixEmptyAndTrim(assumeRoleArn) != null) {
            settings.assumeRole(AssumeRoleSettings.of(assumeRoleArn, assumeRoleExternalId, "jenkins-form"));
        }
        List<String> names = new ArrayList<>();
        // TODO: move this call into the engine (for example AlgorithmCatalog.list(factory)) so the plugin
        // holds no AWS call of its own.
        try (AwsClientFactory factory = AwsClientFactory.create(settings.build())) {
            for (AlgorithmSummary summary : factory.sageMaker().listAlgorithmsPaginator(request -> request.maxResults(100))
                    .algorithmSummaryList()) {
                names.add(summary.algorithmName());
                if (names.size() >= MAX_ALGORITHMS) {
                    break;
                }
            }
        }
        return names;
    }
}
