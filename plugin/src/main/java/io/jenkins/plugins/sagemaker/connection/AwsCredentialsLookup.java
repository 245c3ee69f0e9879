package io.jenkins.plugins.sagemaker.connection;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sagemaker.config.FormPermissions;
import java.util.List;
import org.springframework.security.core.Authentication;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Finds the AWS credentials of a run or of a form. An {@link AmazonWebServicesCredentials} is itself an
 * SDK v2 {@link AwsCredentialsProvider} (aws-credentials plugin). The engine requests keys from it again
 * at least every 15 minutes, so a rotated key or a renewed role session is picked up without a new lookup.
 */
public final class AwsCredentialsLookup {

    private AwsCredentialsLookup() {
    }

    /**
     * Returns the credentials of {@code credentialsId} as the run sees them and records their use on the
     * run, or the SDK's default chain (environment, profile, web identity, container or instance role of
     * the controller) when no id is set.
     *
     * @throws AbortException if the id is set but no AWS credentials with that id are visible to the run
     */
    public static AwsCredentialsProvider forRun(@NonNull Run<?, ?> run, @CheckForNull String credentialsId)
            throws AbortException {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return DefaultChain.INSTANCE;
        }
        AmazonWebServicesCredentials credentials =
                CredentialsProvider.findCredentialById(id, AmazonWebServicesCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("credentialsId \"" + id + "\" was not found: add AWS credentials with this id "
                    + "to a credentials store that " + run.getParent().getFullName() + " can use, or choose another id.");
        }
        CredentialsProvider.track(run, credentials);
        return credentials;
    }

    /** Returns the credentials that {@code item} may use, for form endpoints such as the algorithm list. */
    public static AwsCredentialsProvider forItem(@CheckForNull Item item, @CheckForNull String credentialsId) {
        String id = Util.fixEmptyAndTrim(credentialsId);
        if (id == null) {
            return DefaultChain.INSTANCE;
        }
        AmazonWebServicesCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(AmazonWebServicesCredentials.class, item,
                        authenticationOf(item), List.of()),
                CredentialsMatchers.withId(id));
        if (credentials == null) {
            throw new IllegalArgumentException("credentialsId \"" + id + "\" was not found for this item.");
        }
        return credentials;
    }

    /** Lists the AWS credentials that {@code item} may use, keeping the current value for users who cannot see it. */
    public static ListBoxModel fillItems(@CheckForNull Item item, @CheckForNull String currentValue) {
        StandardListBoxModel model = new StandardListBoxModel();
        String current = Util.fixNull(currentValue);
        if (!FormPermissions.canConfigure(item)) {
            model.includeCurrentValue(current);
            return model;
        }
        model.includeEmptyValue()
                .includeMatchingAs(authenticationOf(item), item, AmazonWebServicesCredentials.class, List.of(),
                        CredentialsMatchers.always())
                .includeCurrentValue(current);
        return model;
    }

    /** Warns when the chosen id is no longer visible to {@code item}; an empty id means the default chain. */
    public static FormValidation check(@CheckForNull Item item, @CheckForNull String value) {
        String id = Util.fixEmptyAndTrim(value);
        if (!FormPermissions.canConfigure(item)) {
            return FormValidation.ok();
        }
        if (id == null) {
            return FormValidation.ok("No credentials chosen: the controller's default AWS credential chain is used.");
        }
        try {
            forItem(item, id);
            return FormValidation.ok();
        } catch (IllegalArgumentException e) {
            return FormValidation.warning(e.getMessage() + " Choose credentials from the list.");
        }
    }

    private static Authentication authenticationOf(@CheckForNull Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /**
     * The SDK's default chain (environment, profile, web identity, container and instance roles), one for
     * the controller. It caches the credentials it finds and refreshes them itself, and a chain per build
     * would leave open the STS client that a web-identity role builds.
     */
    private static final class DefaultChain {
        static final AwsCredentialsProvider INSTANCE = DefaultCredentialsProvider.builder().build();
    }
}
