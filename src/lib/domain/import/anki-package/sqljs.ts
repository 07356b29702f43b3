/** `OpenSqlite` over sql.js, once the caller has loaded it (the worker in the browser, tests in Node). */
import type { SqlJsStatic } from 'sql.js';
import type { OpenSqlite } from './collection-types';

export function sqlJsOpener(SQL: SqlJsStatic): OpenSqlite {
  return (bytes) => {
    const db = new SQL.Database(bytes);
    return {
      rows: (sql) => db.exec(sql)[0]?.values ?? [],
      close: () => db.close()
    };
  };
}
