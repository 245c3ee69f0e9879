package io.jenkins.plugins.sagemaker.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import jenkins.model.Jenkins;

/**
 * Permission gate of every form endpoint. A user who may not configure the item (or, outside an item,
 * administer Jenkins) gets an empty list or an OK validation, so the endpoints reveal nothing.
 */
public final class FormPermissions {

    private FormPermissions() {
    }

    /** Returns whether the current user may configure {@code item}, or administer Jenkins when it is null. */
    public static boolean canConfigure(@CheckForNull Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.CONFIGURE);
    }
}
