//! Event filters, shared by every query and both backends, compiled to a
//! parameterised SQL `WHERE` clause (`$1`, `$2`... placeholders, which
//! SQLite and PostgreSQL both accept).

use serde::Deserialize;

/// Filters on merged events (all optional; `None` = no constraint).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct EventQuery {
    /// min_lon, min_lat, max_lon, max_lat.
    pub bbox: Option<[f64; 4]>,
    /// Inclusive `YYYY-MM-DD` bounds on the event date.
    pub from: Option<String>,
    pub to: Option<String>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub event_type: Option<String>,
    pub sub_event_type: Option<String>,
    /// actor1, actor2 or an associated actor.
    pub actor: Option<String>,
    /// Text in notes, location, actors or evidence (case-insensitive).
    pub text: Option<String>,
    pub min_fatalities: Option<u32>,
    pub limit: usize,
    pub offset: usize,
    pub sort: Sort,
}

/// Order of an event list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    #[default]
    DateDesc,
    DateAsc,
    FatalitiesDesc,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "date_desc" => Some(Sort::DateDesc),
            "date_asc" => Some(Sort::DateAsc),
            "fatalities_desc" => Some(Sort::FatalitiesDesc),
            _ => None,
        }
    }

    pub(crate) fn sql(self) -> &'static str {
        match self {
            Sort::DateDesc => "e.event_date DESC, e.id",
            Sort::DateAsc => "e.event_date ASC, e.id",
            Sort::FatalitiesDesc => "COALESCE(e.fatalities, -1) DESC, e.event_date DESC, e.id",
        }
    }
}

/// Timeline bucket size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Interval {
    Day,
    Week,
    #[default]
    Month,
}

impl Interval {
    pub fn parse(s: &str) -> Option<Interval> {
        match s {
            "day" => Some(Interval::Day),
            "week" => Some(Interval::Week),
            "month" => Some(Interval::Month),
            _ => None,
        }
    }

    pub(crate) fn column(self) -> &'static str {
        match self {
            Interval::Day => "e.event_date",
            Interval::Week => "e.week_start",
            Interval::Month => "e.month_start",
        }
    }
}

/// A bound SQL parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Real(f64),
    Int(i64),
}

/// A `WHERE` clause over the `events e` table and its parameters.
#[derive(Debug, Clone, Default)]
pub struct Where {
    pub sql: String,
    pub params: Vec<Value>,
}

impl Where {
    fn push(&mut self, cond: &str, values: Vec<Value>) {
        // Placeholders are numbered in order: `?` in `cond` become `$n`.
        let mut out = String::new();
        let mut values = values.into_iter();
        for ch in cond.chars() {
            if ch == '?' {
                if let Some(v) = values.next() {
                    self.params.push(v);
                    out.push_str(&format!("${}", self.params.len()));
                }
            } else {
                out.push(ch);
            }
        }
        self.sql.push_str(if self.sql.is_empty() {
            " WHERE "
        } else {
            " AND "
        });
        self.sql.push_str(&out);
    }

    /// The next placeholder number.
    pub fn next(&self) -> usize {
        self.params.len() + 1
    }
}

/// Escapes `%`, `_` and `\` for a LIKE pattern with `ESCAPE '\'`.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl EventQuery {
    /// The filters as a `WHERE` clause on `events e`.
    pub fn where_clause(&self) -> Where {
        let mut w = Where::default();
        if let Some([min_lon, min_lat, max_lon, max_lat]) = self.bbox {
            w.push(
                "e.latitude >= ? AND e.latitude <= ? AND e.longitude >= ? AND e.longitude <= ?",
                vec![
                    Value::Real(min_lat),
                    Value::Real(max_lat),
                    Value::Real(min_lon),
                    Value::Real(max_lon),
                ],
            );
        }
        if let Some(f) = &self.from {
            w.push("e.event_date >= ?", vec![Value::Text(f.clone())]);
        }
        if let Some(t) = &self.to {
            w.push("e.event_date <= ?", vec![Value::Text(t.clone())]);
        }
        if let Some(c) = &self.country {
            w.push("e.country = ?", vec![Value::Text(c.to_uppercase())]);
        }
        if let Some(a) = &self.admin1 {
            w.push("e.admin1 = ?", vec![Value::Text(a.clone())]);
        }
        if let Some(t) = &self.event_type {
            w.push("e.event_type = ?", vec![Value::Text(t.clone())]);
        }
        if let Some(t) = &self.sub_event_type {
            w.push("e.sub_event_type = ?", vec![Value::Text(t.clone())]);
        }
        if let Some(a) = &self.actor {
            w.push(
                "EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = e.id AND ea.actor = ?)",
                vec![Value::Text(a.clone())],
            );
        }
        if let Some(q) = &self.text {
            let pattern = format!("%{}%", like_escape(&q.to_lowercase()));
            w.push("e.search LIKE ? ESCAPE '\\'", vec![Value::Text(pattern)]);
        }
        if let Some(n) = self.min_fatalities {
            w.push("e.fatalities >= ?", vec![Value::Int(i64::from(n))]);
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_become_numbered_placeholders() {
        let q = EventQuery {
            bbox: Some([35.0, 32.0, 42.0, 37.0]),
            from: Some("2017-08-01".into()),
            actor: Some("Islamic State".into()),
            text: Some("50%_off".into()),
            ..EventQuery::default()
        };
        let w = q.where_clause();
        assert!(w
            .sql
            .starts_with(" WHERE e.latitude >= $1 AND e.latitude <= $2"));
        assert!(w.sql.contains("e.event_date >= $5"));
        assert!(w.sql.contains("ea.actor = $6"));
        assert!(w.sql.contains("e.search LIKE $7"));
        assert_eq!(w.params.len(), 7);
        assert_eq!(w.params[6], Value::Text("%50\\%\\_off%".into()));
        assert_eq!(w.next(), 8);
        assert!(EventQuery::default().where_clause().sql.is_empty());
    }
}
