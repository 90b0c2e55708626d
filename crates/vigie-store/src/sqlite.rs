//! The SQLite backend: one file, write-ahead log, foreign keys on.

use crate::query::Value;
use crate::sql::{Cell, Db, Param, SqlStore};
use crate::StoreError;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::Connection;

/// Migrations, in order.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/sqlite/0001_init.sql")),
    (
        2,
        include_str!("../migrations/sqlite/0002_date_position.sql"),
    ),
    (
        3,
        include_str!("../migrations/sqlite/0003_near_duplicates.sql"),
    ),
    (4, include_str!("../migrations/sqlite/0004_watch.sql")),
];

/// A SQLite connection.
#[derive(Debug)]
pub struct SqliteDb {
    conn: Connection,
    path: String,
}

/// The store on a SQLite file.
pub type SqliteStore = SqlStore<SqliteDb>;

impl SqliteStore {
    /// Opens (or creates) the database file and brings its schema up to
    /// date.
    pub fn open(path: &str) -> Result<SqliteStore, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: path.to_string(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(err)?;
        conn.execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        )
        .map_err(err)?;
        let mut store = SqlStore::new(SqliteDb {
            conn,
            path: path.to_string(),
        })?;
        // A database written by an older vigie may lack statistics.
        store.db.refresh_statistics()?;
        Ok(store)
    }

    /// `PRAGMA integrity_check` (for tests and `vigie` diagnostics).
    pub fn integrity_check(&mut self) -> Result<String, StoreError> {
        let rows = self.db.query("PRAGMA integrity_check", &[])?;
        Ok(rows
            .iter()
            .filter_map(|r| r.first().and_then(Cell::text))
            .collect::<Vec<_>>()
            .join("; "))
    }
}

impl rusqlite::ToSql for Param {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(match self {
            Param::V(Value::Text(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Param::V(Value::Int(i)) => ToSqlOutput::Owned(rusqlite::types::Value::Integer(*i)),
            Param::V(Value::Real(r)) => ToSqlOutput::Owned(rusqlite::types::Value::Real(*r)),
            Param::NullText | Param::NullInt | Param::NullReal => {
                ToSqlOutput::Owned(rusqlite::types::Value::Null)
            }
        })
    }
}

impl SqliteDb {
    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }
}

impl Db for SqliteDb {
    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<usize, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        stmt.execute(rusqlite::params_from_iter(params.iter()))
            .map_err(|e| self.err(e))
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.conn.execute_batch(sql).map_err(|e| self.err(e))
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let n = stmt.column_count();
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params.iter()))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        loop {
            let row = match rows.next() {
                Ok(Some(r)) => r,
                Ok(None) => break,
                Err(e) => {
                    return Err(StoreError::Sqlite {
                        path: self.path.clone(),
                        source: e,
                    })
                }
            };
            let mut cells = Vec::with_capacity(n);
            for i in 0..n {
                let cell = match row.get_ref(i) {
                    Ok(ValueRef::Null) | Err(_) => Cell::Null,
                    Ok(ValueRef::Integer(v)) => Cell::Int(v),
                    Ok(ValueRef::Real(v)) => Cell::Real(v),
                    Ok(ValueRef::Text(t)) | Ok(ValueRef::Blob(t)) => {
                        Cell::Text(String::from_utf8_lossy(t).into_owned())
                    }
                };
                cells.push(cell);
            }
            out.push(cells);
        }
        Ok(out)
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.batch("BEGIN IMMEDIATE")
    }

    fn commit(&mut self) -> Result<(), StoreError> {
        self.batch("COMMIT")
    }

    fn rollback(&mut self) -> Result<(), StoreError> {
        self.batch("ROLLBACK")
    }

    fn migrations(&self) -> &'static [(i64, &'static str)] {
        MIGRATIONS
    }

    fn describe(&self) -> String {
        format!("SQLite {}", self.path)
    }

    fn refresh_statistics(&mut self) -> Result<(), StoreError> {
        // ANALYZE the tables whose size changed enough to matter (and those
        // never analysed), on a bounded sample: without statistics the
        // planner picks the latitude index for "date window and bounding
        // box" queries and reads a tenth of the table.
        self.conn
            .execute_batch("PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;")
            .map_err(|e| self.err(e))
    }
}
