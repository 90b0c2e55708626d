//! The PostgreSQL backend. Several ingest workers may write to one
//! database at once: each batch takes a transaction-scoped advisory lock
//! before writing, so merges are recomputed one batch at a time.

use crate::query::Value;
use crate::sql::{Cell, Db, Param, SqlStore};
use crate::StoreError;
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls};

/// Migrations, in order.
const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("../migrations/postgres/0001_init.sql")),
    (
        2,
        include_str!("../migrations/postgres/0002_date_position.sql"),
    ),
    (
        3,
        include_str!("../migrations/postgres/0003_near_duplicates.sql"),
    ),
    (4, include_str!("../migrations/postgres/0004_watch.sql")),
];

/// Advisory lock key of vigie's ingest batches.
const INGEST_LOCK: i64 = 0x0076_6967_6965;

/// A PostgreSQL connection.
pub struct PgDb {
    client: Client,
    url: String,
}

impl std::fmt::Debug for PgDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgDb({})", self.url)
    }
}

/// The store on a PostgreSQL database.
pub type PgStore = SqlStore<PgDb>;

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

impl PgStore {
    /// Connects and brings the schema up to date.
    pub fn connect(url: &str) -> Result<PgStore, StoreError> {
        let shown = redact(url);
        // Concurrent workers may race to create the schema: serialise.
        let mut client = Client::connect(url, NoTls).map_err(|source| StoreError::Postgres {
            url: shown.clone(),
            source,
        })?;
        client
            .batch_execute("SET client_min_messages = warning")
            .map_err(|source| StoreError::Postgres {
                url: shown.clone(),
                source,
            })?;
        SqlStore::new(PgDb { client, url: shown })
    }
}

impl PgDb {
    fn err(&self, source: postgres::Error) -> StoreError {
        StoreError::Postgres {
            url: self.url.clone(),
            source,
        }
    }
}

/// `Param` as a PostgreSQL value: text, BIGINT, DOUBLE PRECISION, or a
/// NULL of one of those types.
#[derive(Debug)]
struct PgParam<'a>(&'a Param);

impl ToSql for PgParam<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self.0 {
            Param::V(Value::Text(s)) => s.to_sql(ty, out),
            Param::V(Value::Int(i)) => match *ty {
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                _ => i.to_sql(ty, out),
            },
            Param::V(Value::Real(r)) => match *ty {
                Type::FLOAT4 => (*r as f32).to_sql(ty, out),
                _ => r.to_sql(ty, out),
            },
            Param::NullText | Param::NullInt | Param::NullReal => Ok(postgres::types::IsNull::Yes),
        }
    }

    fn accepts(ty: &Type) -> bool {
        matches!(
            *ty,
            Type::TEXT
                | Type::VARCHAR
                | Type::BPCHAR
                | Type::NAME
                | Type::INT2
                | Type::INT4
                | Type::INT8
                | Type::FLOAT4
                | Type::FLOAT8
        )
    }

    postgres::types::to_sql_checked!();
}

fn to_cell(row: &postgres::Row, i: usize) -> Cell {
    let ty = row.columns()[i].type_();
    let cell = match *ty {
        Type::INT8 => row
            .try_get::<_, Option<i64>>(i)
            .ok()
            .flatten()
            .map(Cell::Int),
        Type::INT4 => row
            .try_get::<_, Option<i32>>(i)
            .ok()
            .flatten()
            .map(|v| Cell::Int(i64::from(v))),
        Type::INT2 => row
            .try_get::<_, Option<i16>>(i)
            .ok()
            .flatten()
            .map(|v| Cell::Int(i64::from(v))),
        Type::FLOAT8 => row
            .try_get::<_, Option<f64>>(i)
            .ok()
            .flatten()
            .map(Cell::Real),
        Type::FLOAT4 => row
            .try_get::<_, Option<f32>>(i)
            .ok()
            .flatten()
            .map(|v| Cell::Real(f64::from(v))),
        Type::BOOL => row
            .try_get::<_, Option<bool>>(i)
            .ok()
            .flatten()
            .map(|v| Cell::Int(i64::from(v))),
        _ => row
            .try_get::<_, Option<String>>(i)
            .ok()
            .flatten()
            .map(Cell::Text),
    };
    cell.unwrap_or(Cell::Null)
}

impl Db for PgDb {
    fn exec(&mut self, sql: &str, params: &[Param]) -> Result<usize, StoreError> {
        let wrapped: Vec<PgParam> = params.iter().map(PgParam).collect();
        let refs: Vec<&(dyn ToSql + Sync)> =
            wrapped.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        let n = self.client.execute(sql, &refs).map_err(|e| self.err(e))?;
        Ok(n as usize)
    }

    fn batch(&mut self, sql: &str) -> Result<(), StoreError> {
        self.client.batch_execute(sql).map_err(|e| self.err(e))
    }

    fn query(&mut self, sql: &str, params: &[Param]) -> Result<Vec<Vec<Cell>>, StoreError> {
        let wrapped: Vec<PgParam> = params.iter().map(PgParam).collect();
        let refs: Vec<&(dyn ToSql + Sync)> =
            wrapped.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
        let rows = self.client.query(sql, &refs).map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| (0..r.len()).map(|i| to_cell(r, i)).collect())
            .collect())
    }

    fn begin_write(&mut self) -> Result<(), StoreError> {
        self.batch(&format!(
            "BEGIN; SELECT pg_advisory_xact_lock({INGEST_LOCK})"
        ))
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
        format!("PostgreSQL {}", self.url)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            super::redact("postgres://vigie:secret@127.0.0.1:5432/vigie"),
            "postgres://vigie:***@127.0.0.1:5432/vigie"
        );
        assert_eq!(
            super::redact("postgres://127.0.0.1/vigie"),
            "postgres://127.0.0.1/vigie"
        );
    }
}
