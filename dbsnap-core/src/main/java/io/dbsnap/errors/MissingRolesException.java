package io.dbsnap.errors;

import java.util.List;

/**
 * A restore was refused before it changed anything: the snapshot's owners or grants name roles
 * the server lacks, or owners the restoring role may not hand objects to.
 */
public class MissingRolesException extends DbSnapException {
    private static final long serialVersionUID = 1L;

    private final List<String> roles;

    public MissingRolesException(String message, List<String> roles) {
        super(message);
        this.roles = List.copyOf(roles);
    }

    /** The roles that are missing, or that the restoring role may not act as, as SQL names them. */
    public List<String> roles() {
        return roles;
    }
}
