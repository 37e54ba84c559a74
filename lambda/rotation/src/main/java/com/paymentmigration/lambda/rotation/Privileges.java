package com.paymentmigration.lambda.rotation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one role may do that the logged-in role may not, from PostgreSQL's own privilege functions
 * ({@code has_*_privilege}, {@code pg_has_role}), which follow grants to PUBLIC, role membership and inheritance
 * exactly as the server does when it checks a statement. It covers every relation, sequence, schema and function
 * outside the system schemas, the current database, every other role's membership and the role attributes that
 * membership does not pass on (REPLICATION, CREATEDB, ...). Any role may ask these functions about any role.
 */
final class Privileges {

    private static final String OWN_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)'";

    static final String MISSING = """
            WITH tpl AS (SELECT CAST(? AS name) AS name),
            relations AS (
              SELECT c.oid, c.relkind,
                     format('%s %s', CASE c.relkind WHEN 'S' THEN 'sequence' ELSE 'table' END, c.oid::regclass) AS object
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND OWN_SCHEMAS
            ),
            checks(object, privilege, template_has, target_has) AS (
              SELECT r.object, p, has_table_privilege(tpl.name, r.oid, p), has_table_privilege(r.oid, p)
                FROM relations r, tpl, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) p
               WHERE r.relkind <> 'S'
              UNION ALL
              SELECT r.object, p || ' on some columns', has_any_column_privilege(tpl.name, r.oid, p),
                     has_any_column_privilege(r.oid, p)
                FROM relations r, tpl, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'REFERENCES']) p
               WHERE r.relkind <> 'S'
              UNION ALL
              SELECT r.object, p, has_sequence_privilege(tpl.name, r.oid, p), has_sequence_privilege(r.oid, p)
                FROM relations r, tpl, unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) p
               WHERE r.relkind = 'S'
              UNION ALL
              SELECT format('schema %I', n.nspname), p, has_schema_privilege(tpl.name, n.oid, p), has_schema_privilege(n.oid, p)
                FROM pg_namespace n, tpl, unnest(ARRAY['USAGE', 'CREATE']) p
               WHERE OWN_SCHEMAS
              UNION ALL
              SELECT format('database %I', d.datname), p, has_database_privilege(tpl.name, d.oid, p),
                     has_database_privilege(d.oid, p)
                FROM pg_database d, tpl, unnest(ARRAY['CONNECT', 'CREATE', 'TEMPORARY']) p
               WHERE d.datname = current_database()
              UNION ALL
              SELECT format('function %s', f.oid::regprocedure), 'EXECUTE', has_function_privilege(tpl.name, f.oid, 'EXECUTE'),
                     has_function_privilege(f.oid, 'EXECUTE')
                FROM pg_proc f JOIN pg_namespace n ON n.oid = f.pronamespace, tpl
               WHERE OWN_SCHEMAS
              UNION ALL
              SELECT format('role %I', r.rolname), p, pg_has_role(tpl.name, r.oid, p), pg_has_role(r.oid, p)
                FROM pg_roles r, tpl, unnest(ARRAY['USAGE', 'MEMBER']) p
               WHERE r.rolname NOT IN (tpl.name, current_user)
              UNION ALL
              SELECT 'role attribute', a.attribute, a.template_has, a.target_has
                FROM pg_roles t JOIN tpl ON t.rolname = tpl.name, pg_roles c,
                     LATERAL (VALUES ('SUPERUSER', t.rolsuper, c.rolsuper), ('CREATEROLE', t.rolcreaterole, c.rolcreaterole),
                                     ('CREATEDB', t.rolcreatedb, c.rolcreatedb), ('REPLICATION', t.rolreplication, c.rolreplication),
                                     ('BYPASSRLS', t.rolbypassrls, c.rolbypassrls)) a(attribute, template_has, target_has)
               WHERE c.rolname = current_user
            )
            SELECT object || ': ' || privilege FROM checks WHERE template_has AND NOT target_has ORDER BY 1
            """.replace("OWN_SCHEMAS", OWN_SCHEMAS);

    private Privileges() {
    }

    /** Everything {@code template} may do that the connection's own user may not; empty when it may do all of it. */
    static List<String> missing(Connection connection, String template) throws SQLException {
        var missing = new ArrayList<String>();
        try (var query = connection.prepareStatement(MISSING)) {
            query.setString(1, template);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    missing.add(rows.getString(1));
                }
            }
        }
        return missing;
    }
}
