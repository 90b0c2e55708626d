//! Query-string parameters of the API, validated into store queries.

use vigie_core::{EventType, SubEventType};
use vigie_store::{EventQuery, Interval, Sort};

/// A bad parameter: the message goes back to the client with a 400.
#[derive(Debug, Clone, PartialEq)]
pub struct BadRequest(pub String);

/// The decoded parameters (the last value wins when one is repeated).
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

/// Longest accepted value of any parameter.
const MAX_VALUE: usize = 200;

fn decode(s: &str) -> Result<String, BadRequest> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = s
                    .get(i + 1..i + 3)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| BadRequest(format!("bad percent-encoding in {s:?}")))?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| BadRequest(format!("{s:?} is not UTF-8")))
}

impl Params {
    pub fn parse(raw: Option<&str>) -> Result<Params, BadRequest> {
        let mut out = Vec::new();
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            if v.chars().count() > MAX_VALUE {
                return Err(BadRequest(format!(
                    "{k} is longer than {MAX_VALUE} characters"
                )));
            }
            out.push((k, v));
        }
        Ok(Params(out))
    }

    /// Every (name, value) pair, in order.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The last non-empty value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    pub fn int(&self, name: &str, lo: i64, hi: i64) -> Result<Option<i64>, BadRequest> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        let n: i64 = v
            .parse()
            .map_err(|_| BadRequest(format!("invalid {name}: {v:?} is not an integer")))?;
        if !(lo..=hi).contains(&n) {
            return Err(BadRequest(format!("{name} must be in {lo}..{hi}, got {n}")));
        }
        Ok(Some(n))
    }

    fn date(&self, name: &str) -> Result<Option<String>, BadRequest> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .ok()
            .filter(|_| v.len() == 10)
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .ok_or_else(|| BadRequest(format!("invalid {name}: expected YYYY-MM-DD, got {v:?}")))
    }

    fn bbox(&self) -> Result<Option<[f64; 4]>, BadRequest> {
        let Some(v) = self.get("bbox") else {
            return Ok(None);
        };
        let bad = || {
            BadRequest(format!(
                "invalid bbox {v:?}: expected minLon,minLat,maxLon,maxLat"
            ))
        };
        let nums: Vec<f64> = v
            .split(',')
            .map(|x| x.trim().parse::<f64>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?;
        let [a, b, c, d] = nums[..] else {
            return Err(bad());
        };
        if !nums.iter().all(|x| x.is_finite())
            || !(-90.0..=90.0).contains(&b)
            || !(-90.0..=90.0).contains(&d)
        {
            return Err(bad());
        }
        if a > c || b > d {
            return Err(BadRequest(format!(
                "invalid bbox {v:?}: min greater than max"
            )));
        }
        Ok(Some([a, b, c, d]))
    }

    pub fn interval(&self) -> Result<Interval, BadRequest> {
        match self.get("interval") {
            None => Ok(Interval::Month),
            Some(v) => Interval::parse(v)
                .ok_or_else(|| BadRequest(format!("unknown interval {v:?} (day, week, month)"))),
        }
    }

    /// The event filters; with `paging`, also limit (1..500, default 100),
    /// offset and sort.
    pub fn event_query(&self, paging: bool) -> Result<EventQuery, BadRequest> {
        let event_type = match self.get("event_type").or_else(|| self.get("type")) {
            None => None,
            Some(t) => Some(
                EventType::parse(t)
                    .map(|e| e.as_str().to_string())
                    .ok_or_else(|| BadRequest(format!("unknown event_type {t:?}")))?,
            ),
        };
        let sub_event_type = match self.get("sub_event_type") {
            None => None,
            Some(t) => Some(
                SubEventType::parse(t)
                    .map(|e| e.as_str().to_string())
                    .ok_or_else(|| BadRequest(format!("unknown sub_event_type {t:?}")))?,
            ),
        };
        let country = match self.get("country") {
            Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(c) => {
                return Err(BadRequest(format!(
                    "invalid country {c:?}: expected an ISO alpha-2 code"
                )))
            }
            None => None,
        };
        let from = self.date("from")?;
        let to = self.date("to")?;
        if let (Some(f), Some(t)) = (&from, &to) {
            if f > t {
                return Err(BadRequest(format!("from {f} is after to {t}")));
            }
        }
        let mut q = EventQuery {
            bbox: self.bbox()?,
            from,
            to,
            country,
            admin1: self.get("admin1").map(str::to_string),
            event_type,
            sub_event_type,
            actor: self.get("actor").map(str::to_string),
            text: self.get("q").map(str::to_string),
            min_fatalities: self.int("min_fatalities", 0, 1_000_000)?.map(|n| n as u32),
            ..EventQuery::default()
        };
        if paging {
            q.limit = self.int("limit", 1, 500)?.unwrap_or(100) as usize;
            q.offset = self.int("offset", 0, 1_000_000_000)?.unwrap_or(0) as usize;
            q.sort = match self.get("sort") {
                None => Sort::DateDesc,
                Some(s) => Sort::parse(s).ok_or_else(|| {
                    BadRequest(format!(
                        "unknown sort {s:?} (date_desc, date_asc, fatalities_desc)"
                    ))
                })?,
            };
        }
        Ok(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Result<EventQuery, BadRequest> {
        Params::parse(Some(s))?.event_query(true)
    }

    #[test]
    fn good_parameters() {
        let e = q("bbox=35.5,32,42.5,37.5&from=2017-08-01&to=2017-08-31&event_type=Battles&q=Deir+ez-Zor&actor=Islamic%20State&limit=20&sort=date_asc")
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(e.bbox, Some([35.5, 32.0, 42.5, 37.5]));
        assert_eq!(e.text.as_deref(), Some("Deir ez-Zor"));
        assert_eq!(e.actor.as_deref(), Some("Islamic State"));
        assert_eq!((e.limit, e.offset, e.sort), (20, 0, Sort::DateAsc));
        assert_eq!(q("").unwrap_or_else(|e| panic!("{e:?}")).limit, 100);
        assert_eq!(
            q("country=sy&country=").map(|e| e.country),
            Ok(Some("SY".into()))
        );
    }

    #[test]
    fn bad_parameters_say_what_is_wrong() {
        for (query, want) in [
            ("from=2017-13-45", "invalid from"),
            ("to=yesterday", "invalid to"),
            ("from=2018-01-02&to=2018-01-01", "after"),
            ("bbox=1,2,3", "invalid bbox"),
            ("bbox=10,0,5,1", "min greater"),
            ("limit=501", "limit must be in 1..500"),
            ("limit=ten", "not an integer"),
            ("event_type=Wars", "unknown event_type"),
            ("sub_event_type=Duel", "unknown sub_event_type"),
            ("sort=random", "unknown sort"),
            ("country=Syria", "invalid country"),
            ("min_fatalities=-1", "min_fatalities"),
            ("q=%ZZ", "percent-encoding"),
        ] {
            let e = q(query).expect_err(query);
            assert!(e.0.contains(want), "{query}: {}", e.0);
        }
        let long = format!("q={}", "x".repeat(300));
        assert!(q(&long).is_err());
    }
}
