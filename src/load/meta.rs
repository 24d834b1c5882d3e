//! Who published an article, where and when: [`Meta`], and the dates in it made comparable.

use std::cmp::Ordering;

use serde::Serialize;

/// What is known of an article's origin. Every field is optional: plain text often says none of
/// it, a news page most of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publication (`og:site_name`, JSON-LD `publisher.name`).
    pub outlet: Option<String>,
    /// The author(s) as credited ("By …", `author` meta tag, JSON-LD `author`).
    pub byline: Option<String>,
    /// When it was published, normalised: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MMZ` (UTC) when the
    /// time and its zone are known.
    pub date: Option<String>,
    /// The place of a dateline ("KIRKUK, Iraq").
    pub dateline: Option<String>,
    /// The news agency credited in the dateline ("AP", "Reuters").
    pub agency: Option<String>,
    /// The label given with `--label`.
    pub label: Option<String>,
}

impl Meta {
    /// The outlet to show: the outlet, else the agency.
    pub fn source(&self) -> Option<&str> {
        self.outlet.as_deref().or(self.agency.as_deref())
    }

    /// The date as people read it: "2020-01-10", or "2020-01-10 14:03 UTC".
    pub fn date_text(&self) -> Option<String> {
        let date = self.date.as_deref()?;
        Some(match date.strip_suffix('Z') {
            Some(at) => format!("{} UTC", at.replacen('T', " ", 1)),
            None => date.to_string(),
        })
    }

    /// "Outlet, 2020-01-10" (whichever parts are known), or `None`.
    pub fn summary(&self) -> Option<String> {
        let date = self.date_text();
        let parts: Vec<&str> = [self.source(), date.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Orders two normalised dates: by time when both have one, else by day. Two dates of the
/// same day of which one has no time are not ordered (`None`): neither is known to be first.
pub fn compare_dates(a: &str, b: &str) -> Option<Ordering> {
    let (da, db) = (a.get(..10)?, b.get(..10)?);
    match da.cmp(db) {
        Ordering::Equal if a.len() > 10 && b.len() > 10 => Some(a.cmp(b)),
        Ordering::Equal if a.len() == 10 && b.len() == 10 => Some(Ordering::Equal),
        Ordering::Equal => None,
        other => Some(other),
    }
}

/// Among documents with dates (`None` for an unknown date), the one strictly earliest. `None`
/// when any date is unknown, when two share the earliest moment, or when the earliest cannot
/// be told (same day, one without a time).
pub fn earliest<'a>(dates: impl IntoIterator<Item = (usize, Option<&'a str>)>) -> Option<usize> {
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    let mut count = 0;
    for (doc, date) in dates {
        let date = date?;
        count += 1;
        match best {
            None => best = Some((doc, date)),
            Some((_, b)) => match compare_dates(date, b)? {
                Ordering::Less => {
                    best = Some((doc, date));
                    tied = false;
                }
                Ordering::Equal => tied = true,
                Ordering::Greater => {}
            },
        }
    }
    if tied || count < 2 {
        return None;
    }
    best.map(|(doc, _)| doc)
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Normalises a date as pages and articles write it: ISO 8601 (`2020-01-10`,
/// `2020-01-10T14:03:00+03:00`), "January 10, 2020", "Jan. 10, 2020", "10 January 2020",
/// with or without a weekday. `None` when it is not a date.
pub fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    iso(s).or_else(|| written(s))
}

/// The publication date an archive writes into a file name or a URL, for an article whose text
/// and page give none: `2016-02-04` in `nyt_2016-02-04_polls-miss-trump.txt` (PolNeAR's names),
/// or `/2016/02/04/` in a URL's path. No digit may run on either side (`12016-02-04` is no
/// date). `None` when the name holds no valid date, or two different ones.
pub fn date_in_name(name: &str) -> Option<String> {
    let b = name.as_bytes();
    let mut found: Option<String> = None;
    for (i, &c) in b.iter().enumerate() {
        if !c.is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue;
        }
        let at = &name[i..];
        let date = [b'-', b'/'].iter().find_map(|&sep| {
            let (y, m, d) = (
                digits(at, 4)?,
                digits(at.get(5..)?, 2)?,
                digits(at.get(8..)?, 2)?,
            );
            let ab = at.as_bytes();
            (ab.get(4) == Some(&sep)
                && ab.get(7) == Some(&sep)
                && !ab.get(10).is_some_and(u8::is_ascii_digit)
                && valid(y, m, d)
                && d <= days_in_month(y, m))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
        });
        if let Some(date) = date {
            match &found {
                Some(f) if *f != date => return None,
                _ => found = Some(date),
            }
        }
    }
    found
}

/// Days in month `m` of year `y` (Gregorian).
fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn digits(s: &str, n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn iso(s: &str) -> Option<String> {
    let (y, m, d) = (
        digits(s, 4)?,
        digits(s.get(5..)?, 2)?,
        digits(s.get(8..)?, 2)?,
    );
    if s.as_bytes().get(4) != Some(&b'-') || s.as_bytes().get(7) != Some(&b'-') || !valid(y, m, d) {
        return None;
    }
    let rest = &s[10..];
    let time = rest
        .strip_prefix('T')
        .or_else(|| rest.strip_prefix(' '))
        .and_then(|t| {
            let (h, min) = (digits(t, 2)?, digits(t.get(3..)?, 2)?);
            if t.as_bytes().get(2) != Some(&b':') || h > 23 || min > 59 {
                return None;
            }
            // The zone: after the seconds and fractions, `Z` or `±hh:mm` / `±hhmm`.
            let zone_at = t[5..].find(['Z', 'z', '+', '-']).map(|i| i + 5)?;
            let zone = &t[zone_at..];
            let offset = if zone.starts_with(['Z', 'z']) {
                0
            } else {
                let sign = if zone.starts_with('-') { -1 } else { 1 };
                let z = zone[1..].replace(':', "");
                let (oh, om) = (digits(&z, 2)? as i64, digits(z.get(2..)?, 2)? as i64);
                sign * (oh * 60 + om)
            };
            Some(i64::from(h) * 60 + i64::from(min) - offset)
        });
    match time {
        Some(minutes) => {
            let day = days_from_civil(y as i64, m as i64, d as i64) + minutes.div_euclid(1440);
            let minutes = minutes.rem_euclid(1440);
            let (y, m, d) = civil_from_days(day);
            Some(format!(
                "{y:04}-{m:02}-{d:02}T{:02}:{:02}Z",
                minutes / 60,
                minutes % 60
            ))
        }
        None => Some(format!("{y:04}-{m:02}-{d:02}")),
    }
}

/// "January 10, 2020", "Jan. 10 2020", "10 January 2020", "Friday, 10 Jan 2020 14:00 GMT".
fn written(s: &str) -> Option<String> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let month_of = |w: &str| {
        let w = w.trim_end_matches('.').to_ascii_lowercase();
        if w.len() < 3 {
            return None;
        }
        MONTHS
            .iter()
            .position(|m| w.starts_with(m) && w.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|i| i as u32 + 1)
    };
    let number = |w: &str| -> Option<u32> {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        if w.is_empty() || w.len() > 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        w.parse().ok()
    };
    for i in 0..words.len() {
        let Some(m) = month_of(words[i]) else {
            continue;
        };
        // Month Day Year
        if let (Some(d), Some(y)) = (
            words.get(i + 1).and_then(|w| number(w)),
            words.get(i + 2).and_then(|w| number(w)),
        ) && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
        // Day Month Year
        if let (Some(d), Some(y)) = (
            i.checked_sub(1).and_then(|k| number(words[k])),
            words.get(i + 1).and_then(|w| number(w)),
        ) && valid(y, m, d)
        {
            return Some(format!("{y:04}-{m:02}-{d:02}"));
        }
    }
    None
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names_and_urls() {
        for (name, date) in [
            (
                "nyt_2016-02-04_polls-miss-trump-s-fall-in-iowa-.txt",
                Some("2016-02-04"),
            ),
            (
                "https://www.example.com/politics/2016/02/04/story.html",
                Some("2016-02-04"),
            ),
            ("2016-02-04.txt", Some("2016-02-04")),
            ("story-2016-02-04-2016-02-04.txt", Some("2016-02-04")),
            // Two dates: which one is the article's is not told.
            ("story-2016-02-04-to-2016-02-09.txt", None),
            ("12016-02-04.txt", None),
            ("2016-02-041.txt", None),
            ("2016-13-04.txt", None),
            ("2016-02-31.txt", None),
            ("2016-02-29.txt", Some("2016-02-29")),
            ("2016-02.txt", None),
            ("000_7ca41ccce306fdb5.txt", None),
            ("business/001.txt", None),
        ] {
            assert_eq!(date_in_name(name).as_deref(), date, "{name}");
        }
    }

    #[test]
    fn dates_as_pages_write_them() {
        let cases = [
            ("2020-01-10", Some("2020-01-10")),
            ("2020-01-10T14:03:00Z", Some("2020-01-10T14:03Z")),
            ("2020-01-10T01:30:00+03:00", Some("2020-01-09T22:30Z")),
            ("2019-12-31T23:30:00.000-0100", Some("2020-01-01T00:30Z")),
            ("2020-01-10T14:03:00", Some("2020-01-10")),
            ("January 10, 2020", Some("2020-01-10")),
            ("Jan. 10, 2020", Some("2020-01-10")),
            ("Friday, 10 January 2020", Some("2020-01-10")),
            ("10th Jan 2020 14:00 GMT", Some("2020-01-10")),
            ("May the force", None),
            ("2020-13-10", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_date(input).as_deref(), expected, "{input}");
        }
    }

    #[test]
    fn earliest_needs_every_date_and_a_strict_first() {
        let d = |s: &'static str| Some(s);
        assert_eq!(
            earliest([(0, d("2020-01-10")), (1, d("2020-01-09"))]),
            Some(1)
        );
        assert_eq!(
            earliest([(0, d("2020-01-10T09:00Z")), (1, d("2020-01-10T08:59Z"))]),
            Some(1)
        );
        // Same day, one without a time: not known.
        assert_eq!(
            earliest([(0, d("2020-01-10")), (1, d("2020-01-10T08:59Z"))]),
            None
        );
        assert_eq!(earliest([(0, d("2020-01-10")), (1, d("2020-01-10"))]), None);
        assert_eq!(earliest([(0, d("2020-01-10")), (1, None)]), None);
        assert_eq!(earliest([(0, d("2020-01-10"))]), None);
    }
}
