package io.jenkins.plugins.sagemaker.engine.dryrun;

import io.jenkins.plugins.sagemaker.engine.algorithm.NetworkIsolation;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a dry run beyond the job specification.
 *
 * @param networkIsolation what the user chose for network isolation, when the caller knows more than
 *     the specification's boolean; {@link NetworkIsolation#UNSET} takes the choice from the
 *     specification
 * @param workspaceChannels names of channels whose data a real run uploads from the workspace first;
 *     their S3 prefixes are not required to contain objects yet
 */
public record DryRunOptions(NetworkIsolation networkIsolation, Set<String> workspaceChannels) {

    public DryRunOptions {
        Objects.requireNonNull(networkIsolation, "networkIsolation");
        workspaceChannels = Set.copyOf(workspaceChannels);
    }

    /** Returns options that take network isolation from the specification and upload no channel. */
    public static DryRunOptions defaults() {
        return new DryRunOptions(NetworkIsolation.UNSET, Set.of());
    }
}
