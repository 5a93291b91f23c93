//! Reading the dates a room calls out ("Dec 15", "next friday", "+3w") and showing them
//! with their weekday. Dates are stored as ISO `YYYY-MM-DD`; what cannot be read is kept
//! as typed and the reason is shown beside it.

use super::text::sanitize_line;
use chrono::{Datelike, Days, Months, NaiveDate, TimeZone, Utc, Weekday};

/// What the parser accepts, for hints and error messages.
pub const EXAMPLES: &str = "2026-12-15, 15/12/2026, Dec 15, next friday, in 2 weeks, +3w";

/// Reads a date typed by a person, relative to `today`.
///
/// Accepted: ISO `2026-12-15`; day first `15/12/2026`, `15.12.26`, `15/12` (month first
/// when only that reading is a real date, e.g. `12/15`); month names `Dec 15`, `15 December
/// 2026`, `December 15, 2026`, `end of march`; `today`, `tomorrow`; weekdays `friday`,
/// `next fri` (the first one after today); offsets `+3w`, `+10d`, `+2m`, `+1y`,
/// `in 2 weeks`, `in a month`; and whatever else the `interim` crate understands
/// (`next week`, `next month`, `3 days`). A date without a year is the next time that
/// day comes (today included). The error says why an entry is not a date.
pub fn parse_date(input: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    let text = normalize(input);
    if text.is_empty() {
        return Err(format!("no date typed (try {EXAMPLES})"));
    }
    let date = match text.as_str() {
        "today" | "now" | "tod" => Some(today),
        "tomorrow" | "tmrw" | "tmr" => today.checked_add_days(Days::new(1)),
        _ => None,
    };
    if let Some(date) = date {
        return Ok(date);
    }
    if let Some(result) = with_weekday(&text, today) {
        return result;
    }
    if let Some(result) = known_form(&text, today) {
        return result.and_then(in_range);
    }
    if let Some(why) = too_vague(&text) {
        return Err(why);
    }
    let midnight = Utc.from_utc_datetime(&today.and_hms_opt(0, 0, 0).expect("midnight exists"));
    match interim::parse_date_string(&text, midnight, interim::Dialect::Uk) {
        Ok(when) => in_range(when.date_naive()),
        Err(_) => Err(format!("I cannot read it (try {EXAMPLES})")),
    }
}

/// The forms read here rather than by `interim`.
fn known_form(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    offset(text, today)
        .or_else(|| weekday(text, today))
        .or_else(|| numeric(text, today))
        .or_else(|| end_of(text, today))
        .or_else(|| named_month(text, today))
        .or_else(|| day_alone(text, today))
}

/// A date with its weekday in front, the way it is shown ("Tue 15 Dec 2026", "friday
/// 27 november"): the weekday must be that date's.
fn with_weekday(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let (first, rest) = text.split_once(' ')?;
    let first = first.trim_end_matches([',', '.']);
    if first.len() < 3 {
        return None;
    }
    let (name, day) = WEEKDAYS.iter().find(|(full, _)| full.starts_with(first))?;
    // Only a calendar date: "fri next week" is not "next week" on a Friday.
    let rest = rest.trim();
    let date = match numeric(rest, today)
        .or_else(|| named_month(rest, today))
        .or_else(|| day_alone(rest, today))?
    {
        Ok(date) => date,
        Err(_) => return None,
    };
    if date.weekday() == *day {
        Some(in_range(date))
    } else {
        let said = format!("{}{}", name[..1].to_uppercase(), &name[1..]);
        Some(Err(format!(
            "{} is a {}, not a {said}",
            date.format("%-d %B %Y"),
            date.format("%A")
        )))
    }
}

/// `end of month`, `end of next month`, `end of year`, `end of week` (Friday),
/// `end of q3`, and their short forms `eom`, `eoy`, `eow`.
fn end_of(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let what = match text {
        "eow" => "week",
        "eom" => "month",
        "eoy" => "year",
        _ => {
            let rest = text
                .strip_prefix("end of ")
                .or_else(|| text.strip_prefix("the end of "))?;
            rest.strip_prefix("the ")
                .or_else(|| rest.strip_prefix("this "))
                .unwrap_or(rest)
        }
    };
    let month_end = |first: NaiveDate| first.checked_add_months(Months::new(1))?.pred_opt();
    let this_month = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
    let date = match what {
        "week" => {
            let ahead = (7 + Weekday::Fri.num_days_from_monday()
                - today.weekday().num_days_from_monday())
                % 7;
            today.checked_add_days(Days::new(u64::from(ahead)))
        }
        "month" => month_end(this_month),
        "next month" => month_end(this_month.checked_add_months(Months::new(1))?),
        "year" => NaiveDate::from_ymd_opt(today.year(), 12, 31),
        "next year" => NaiveDate::from_ymd_opt(today.year() + 1, 12, 31),
        _ => return Some(Ok(last_day_of(quarter_of(what)? * 3, today))),
    };
    Some(date.ok_or_else(|| "too far away".to_string()))
}

/// `q1` … `q4`.
fn quarter_of(word: &str) -> Option<u32> {
    match word {
        "q1" => Some(1),
        "q2" => Some(2),
        "q3" => Some(3),
        "q4" => Some(4),
        _ => None,
    }
}

/// `the 15th`, `15th`: the next time that day of a month comes (today included).
fn day_alone(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let word = text.strip_prefix("the ").unwrap_or(text);
    let ordinal = ["st", "nd", "rd", "th"].iter().any(|s| word.ends_with(s));
    if !(ordinal || text.starts_with("the ")) {
        return None;
    }
    let day = day_of(word)?;
    if day == 0 || day > 31 {
        return Some(Err(format!("no month has a day {day}")));
    }
    let date = (0..13)
        .filter_map(|k| {
            let first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1)?;
            let month = first.checked_add_months(Months::new(k))?;
            NaiveDate::from_ymd_opt(month.year(), month.month(), day)
        })
        .find(|d| *d >= today);
    Some(date.ok_or_else(|| format!("no month has a day {day}")))
}

/// The stored form of a date cell, if it holds one: `YYYY-MM-DD`.
pub fn stored(cell: &str) -> Option<NaiveDate> {
    let b = cell.trim().as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

/// How a date is stored in the session file.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The full form shown to the room: "Tue 15 Dec 2026".
pub fn long(date: NaiveDate) -> String {
    date.format("%a %-d %b %Y").to_string()
}

/// Shorter forms for narrow columns, longest first: "Tue 15 Dec 2026", "Tue 15 Dec",
/// "15 Dec 26", "15/12".
pub fn forms(date: NaiveDate) -> [String; 4] {
    [
        long(date),
        date.format("%a %-d %b").to_string(),
        date.format("%-d %b %y").to_string(),
        date.format("%d/%m").to_string(),
    ]
}

fn in_range(date: NaiveDate) -> Result<NaiveDate, String> {
    if (1970..=2199).contains(&date.year()) {
        Ok(date)
    } else {
        Err(format!("the year {} is out of range", date.year()))
    }
}

/// Lower case, single spaces, no filler words around the date itself.
fn normalize(input: &str) -> String {
    let lower = sanitize_line(input).to_lowercase();
    let mut text = lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['.', '!'])
        .to_string();
    for filler in ["by ", "on ", "due ", "before ", "until ", "till "] {
        if let Some(rest) = text.strip_prefix(filler) {
            text = rest.to_string();
        }
    }
    text
}

/// `+3w`, `+ 10 d`, `in 2 weeks`, `in a month`, `2 weeks from now`.
fn offset(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    // interim reads only three letters, so "next month" would be next Monday.
    if let Some(unit) = text.strip_prefix("next ")
        && matches!(unit, "week" | "month" | "year")
    {
        return offset_by(1, unit, today, true);
    }
    let (body, explicit) = if let Some(rest) = text.strip_prefix('+') {
        (rest.trim_start(), true)
    } else if let Some(rest) = text.strip_prefix("in ") {
        (rest, true)
    } else {
        (text, false)
    };
    let body = body
        .trim_end_matches(" from now")
        .trim_end_matches(" from today")
        .trim_end_matches(" later")
        .trim();
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (number, unit) = body.split_at(split);
    let unit = unit.trim();
    let n: u32 = if number.is_empty() {
        let (word, rest) = unit.split_once(' ')?;
        let n = match word {
            "a" | "an" | "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            "eleven" => 11,
            "twelve" => 12,
            _ => return None,
        };
        return offset_by(n, rest, today, explicit);
    } else {
        number.parse().ok()?
    };
    offset_by(n, unit, today, explicit)
}

fn offset_by(
    n: u32,
    unit: &str,
    today: NaiveDate,
    explicit: bool,
) -> Option<Result<NaiveDate, String>> {
    let too_far = || format!("{n} {unit} from today is too far away");
    let date = match unit {
        "d" | "day" | "days" => today.checked_add_days(Days::new(u64::from(n))),
        "w" | "wk" | "wks" | "week" | "weeks" => {
            today.checked_add_days(Days::new(u64::from(n) * 7))
        }
        "fortnight" | "fortnights" => today.checked_add_days(Days::new(u64::from(n) * 14)),
        "m" | "mo" | "mon" | "month" | "months" => today.checked_add_months(Months::new(n)),
        "y" | "yr" | "yrs" | "year" | "years" => n
            .checked_mul(12)
            .and_then(|m| today.checked_add_months(Months::new(m))),
        // "in 3" or "+3" without a unit: say which units there are.
        "" if explicit => {
            return Some(Err(format!(
                "{n} what? add d, w, m or y (e.g. +{n}w for {n} weeks)"
            )));
        }
        _ => return None,
    };
    Some(date.ok_or_else(too_far))
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// `friday`, `fri`, `this friday`, `next friday`: the first such day after today.
fn weekday(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let name = text
        .strip_prefix("next ")
        .or_else(|| text.strip_prefix("this "))
        .or_else(|| text.strip_prefix("coming "))
        .unwrap_or(text);
    if name.len() < 3 {
        return None;
    }
    let (_, day) = WEEKDAYS.iter().find(|(full, _)| full.starts_with(name))?;
    let ahead = (7 + day.num_days_from_monday() - today.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 { 7 } else { ahead };
    Some(
        today
            .checked_add_days(Days::new(u64::from(ahead)))
            .ok_or_else(|| "too far away".to_string()),
    )
}

/// `2026-12-15`, `15/12/2026`, `15.12.26`, `15/12`, `12/15/2026`.
fn numeric(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.'))
    {
        return None;
    }
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    if parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return Some(Err(format!("I cannot read it (try {EXAMPLES})")));
    }
    let nums: Vec<u32> = parts.iter().map(|p| p.parse().unwrap_or(0)).collect();
    match nums.as_slice() {
        [y, m, d] if parts[0].len() == 4 => Some(exact(*y as i32, *m, *d)),
        [a, b, y] => {
            let year = if parts[2].len() <= 2 { 2000 + y } else { *y } as i32;
            Some(day_month(*a, *b, |d, m| exact(year, m, d)))
        }
        [a, b] => Some(day_month(*a, *b, |d, m| next_occurrence(d, m, today))),
        [n] if parts[0].len() == 4 => Some(Err(format!("{n}: which day? e.g. 15/12/{n}"))),
        [n] => Some(Err(format!("{n}: which month? e.g. 15/12 or Dec 15"))),
        _ => Some(Err(format!("I cannot read it (try {EXAMPLES})"))),
    }
}

/// Day first; month first only when the day-first reading is impossible (`12/15`).
fn day_month(
    a: u32,
    b: u32,
    make: impl Fn(u32, u32) -> Result<NaiveDate, String>,
) -> Result<NaiveDate, String> {
    match make(a, b) {
        Ok(date) => Ok(date),
        Err(e) if b > 12 && a <= 12 => make(b, a).map_err(|_| e),
        Err(e) => Err(e),
    }
}

fn exact(year: i32, month: u32, day: u32) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| format!("{} has no day {day} in {year}", month_name(month)))
        .and_then(in_range)
}

/// The next time `day month` comes, today included.
fn next_occurrence(day: u32, month: u32, today: NaiveDate) -> Result<NaiveDate, String> {
    if !(1..=12).contains(&month) {
        return Err(format!("there is no month {month}"));
    }
    if day == 0 || day > 31 {
        return Err(format!("{} has no day {day}", month_name(month)));
    }
    // 29 February waits for the next leap year.
    (today.year()..today.year() + 9)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|d| *d >= today)
        .ok_or_else(|| format!("{} has no day {day}", month_name(month)))
}

/// The next last day of `month` (1-12), today included: "end of march" on 15 March is
/// this March's end, not next year's.
fn last_day_of(month: u32, today: NaiveDate) -> NaiveDate {
    (today.year()..)
        .filter_map(|y| {
            NaiveDate::from_ymd_opt(y, month, 1)?
                .checked_add_months(Months::new(1))?
                .pred_opt()
        })
        .find(|d| *d >= today)
        .expect("a month ends every year")
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_name(month: u32) -> &'static str {
    const NAMES: &[&str] = &[
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES[(month as usize).clamp(1, 12) - 1]
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let word = if word == "sept" { "sep" } else { word };
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u32 + 1)
}

fn day_of(word: &str) -> Option<u32> {
    let digits = word
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// `2026`, or `26` for 2026 (the short form the table shows in narrow columns).
fn year_of(word: &str) -> Option<i32> {
    if !word.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match word.len() {
        4 => word.parse().ok(),
        2 => word.parse::<i32>().ok().map(|y| 2000 + y),
        _ => None,
    }
}

/// `Dec 15`, `15 Dec`, `December 15, 2026`, `15th of december 2026`, `end of march`.
fn named_month(text: &str, today: NaiveDate) -> Option<Result<NaiveDate, String>> {
    let words: Vec<&str> = text
        .split([' ', ',', '.', '-'])
        .filter(|w| !w.is_empty() && *w != "of" && *w != "the")
        .collect();
    let (month, day, year) = match words.as_slice() {
        // "mid march", "mid-march", "middle of march": the 15th.
        ["mid" | "middle", m] => (month_of(m)?, 15, None),
        ["mid" | "middle", m, y] => (month_of(m)?, 15, Some(year_of(y)?)),
        ["end", m] => return Some(Ok(last_day_of(month_of(m)?, today))),
        ["end", m, y] => {
            let (month, year) = (month_of(m)?, year_of(y)?);
            let first = NaiveDate::from_ymd_opt(year, month, 1)?;
            return Some(in_range(
                first.checked_add_months(Months::new(1))?.pred_opt()?,
            ));
        }
        [m, d] if month_of(m).is_some() && day_of(d).is_some() => (month_of(m)?, day_of(d)?, None),
        [d, m] if month_of(m).is_some() && day_of(d).is_some() => (month_of(m)?, day_of(d)?, None),
        [m, d, y] if month_of(m).is_some() && day_of(d).is_some() => {
            (month_of(m)?, day_of(d)?, Some(year_of(y)?))
        }
        [d, m, y] if month_of(m).is_some() && day_of(d).is_some() => {
            (month_of(m)?, day_of(d)?, Some(year_of(y)?))
        }
        [m] | ["next" | "this", m] if month_of(m).is_some() => {
            let name = month_name(month_of(m)?);
            return Some(Err(format!(
                "which day in {name}? e.g. 15 {name} or end of {name}"
            )));
        }
        [m, y] if month_of(m).is_some() && year_of(y).is_some() => {
            let name = month_name(month_of(m)?);
            let y = year_of(y)?;
            return Some(Err(format!(
                "which day in {name} {y}? e.g. 15 {name} {y} or end of {name} {y}"
            )));
        }
        [q] if quarter_of(q).is_some() => {
            let q = quarter_of(q)?;
            let name = month_name(q * 3);
            return Some(Err(format!(
                "which day in Q{q}? e.g. end of Q{q} (the end of {name})"
            )));
        }
        _ => return None,
    };
    Some(match year {
        Some(year) => exact(year, month, day),
        None => next_occurrence(day, month, today),
    })
}

/// Words that sound like a date but name none.
fn too_vague(text: &str) -> Option<String> {
    let vague = [
        "asap",
        "soon",
        "later",
        "someday",
        "tbd",
        "tbc",
        "ongoing",
        "eventually",
    ];
    vague
        .contains(&text)
        .then(|| format!("agree on a real one (e.g. {EXAMPLES})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saturday 21 November 2026, the day of the workshop in every test.
    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 21).unwrap()
    }

    #[test]
    fn the_forms_a_room_calls_out() {
        let cases: &[(&str, &str)] = &[
            ("2026-12-15", "2026-12-15"),
            ("2027-1-5", "2027-01-05"),
            ("15/12/2026", "2026-12-15"),
            ("15.12.2026", "2026-12-15"),
            ("15/12/26", "2026-12-15"),
            ("12/15/2026", "2026-12-15"),
            ("15/12", "2026-12-15"),
            ("3/1", "2027-01-03"),
            ("21/11", "2026-11-21"),
            ("Dec 15", "2026-12-15"),
            ("dec 15th", "2026-12-15"),
            ("15 December", "2026-12-15"),
            ("December 15, 2027", "2027-12-15"),
            ("15th of December 2027", "2027-12-15"),
            ("March 3", "2027-03-03"),
            ("Nov 20", "2027-11-20"),
            ("end of March", "2027-03-31"),
            ("end of feb 2028", "2028-02-29"),
            ("Feb 29", "2028-02-29"),
            ("today", "2026-11-21"),
            ("Tomorrow", "2026-11-22"),
            ("friday", "2026-11-27"),
            ("next friday", "2026-11-27"),
            ("next Fri", "2026-11-27"),
            ("saturday", "2026-11-28"),
            ("monday", "2026-11-23"),
            ("by Monday", "2026-11-23"),
            ("in 2 weeks", "2026-12-05"),
            ("in a month", "2026-12-21"),
            ("in 10 days", "2026-12-01"),
            ("2 weeks", "2026-12-05"),
            ("+3w", "2026-12-12"),
            ("+10d", "2026-12-01"),
            ("+ 2m", "2027-01-21"),
            ("+1y", "2027-11-21"),
            ("next week", "2026-11-28"),
            ("next month", "2026-12-21"),
            ("next year", "2027-11-21"),
            ("3 days", "2026-11-24"),
            ("1 January 2027", "2027-01-01"),
            ("  2026-12-15  ", "2026-12-15"),
        ];
        for (input, want) in cases {
            let got = parse_date(input, today()).map(iso);
            assert_eq!(got.as_deref(), Ok(*want), "{input:?}");
        }
    }

    #[test]
    fn what_is_not_a_date_says_why() {
        let cases: &[(&str, &str)] = &[
            ("", "no date typed"),
            ("someday", "agree on a real one"),
            ("ASAP", "agree on a real one"),
            ("2026-02-30", "February has no day 30"),
            ("31/11/2026", "November has no day 31"),
            ("2026-13-01", "no month 13"),
            ("December", "which day in December"),
            ("15", "which month"),
            ("+3", "3 what?"),
            ("in 3", "3 what?"),
            ("next blursday", "cannot read it"),
            ("15/12/1850", "out of range"),
            ("1/2/3/4", "cannot read it"),
        ];
        for (input, reason) in cases {
            let err = parse_date(input, today()).unwrap_err();
            assert!(err.contains(reason), "{input:?} gave {err:?}");
        }
    }

    #[test]
    fn dates_show_their_weekday() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        assert_eq!(long(d), "Tue 15 Dec 2026");
        assert_eq!(forms(d)[1], "Tue 15 Dec");
        assert_eq!(stored("2026-12-15"), Some(d));
        assert_eq!(stored("Dec 15"), None);
    }
}
