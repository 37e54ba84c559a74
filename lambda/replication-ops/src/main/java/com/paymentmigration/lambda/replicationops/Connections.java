package com.paymentmigration.lambda.replicationops;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a connection to one of the databases; {@link SecretConnections} is the real one. */
@FunctionalInterface
public interface Connections {

    Connection open(Database database) throws SQLException;
}
