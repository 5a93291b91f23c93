//! Calendar entries for the plan's deadlines (RFC 5545).
//!
//! Each dated action becomes an all-day VEVENT on its due date, not a VTODO. A deadline
//! is, strictly, a to-do with a due date, and VTODO with `DUE;VALUE=DATE` says exactly
//! that; but the owners who receive this file open it in Google Calendar, Outlook or a
//! phone's calendar, and those ignore VTODOs, so the deadline would silently never
//! arrive. An all-day event (`DTSTART;VALUE=DATE`, `DTEND` the next day) shows on the
//! due date in every calendar, and `TRANSP:TRANSPARENT` keeps it from marking the owner
//! busy all day. The summary is the action step; the description holds the owner,
//! resources, KPI, status and initiative. Each event's UID is made from the row's id and
//! the session (its creation time and title), so importing a newer export updates the
//! events instead of adding copies.
//!
//! Only rows whose date cell holds an ISO date (YYYY-MM-DD) are exported; the plan
//! check points out the others.

use super::report::{capitalized, iso_date};
use super::tables::{self, Columns, shown};
use crate::domain::plan::PlanRow;
use crate::domain::roster::Person;
use crate::domain::session::Session;
use crate::domain::template::TableDef;
use chrono::{DateTime, Days, SecondsFormat, Utc};

pub(super) fn render(session: &Session, now: DateTime<Utc>) -> String {
    let mut out = String::new();
    let mut line = |text: String| out.push_str(&fold(&text));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//convene//convene action plan//EN".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!("X-WR-CALNAME:{}", escape(&session.title)));
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    for view in tables::views(session, false) {
        for group in &view.groups {
            for row in &group.rows {
                event(session, view.def, row.row, None, &stamp, &mut line);
                for (child, rows) in &row.children {
                    for r in rows {
                        let parent = Some((view.def, row.row));
                        event(session, child, r, parent, &stamp, &mut line);
                    }
                }
            }
        }
    }
    next_review(session, &stamp, &mut line);
    line("END:VCALENDAR".into());
    out
}

/// The next review meeting, all day on its date (its hour is the room's to set). Its
/// UID names the session, not the date, so moving the review moves the event.
fn next_review(session: &Session, stamp: &str, line: &mut impl FnMut(String)) {
    let Some(day) = iso_date(&session.next_review) else {
        return;
    };
    let number = session.reviews.len() + 1;
    let next_day = day.checked_add_days(Days::new(1)).unwrap_or(day);
    let description = format!(
        "Review {number} of the plan of {}: what is done, what is due or late, who must be told.",
        session.title
    );
    line("BEGIN:VEVENT".into());
    line(format!(
        "UID:next-review-{:016x}@convene",
        session_hash(session)
    ));
    line(format!("DTSTAMP:{stamp}"));
    line(format!("DTSTART;VALUE=DATE:{}", day.format("%Y%m%d")));
    line(format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")));
    line(format!(
        "SUMMARY:{}",
        escape(&format!("Plan review: {}", session.title))
    ));
    line(format!("DESCRIPTION:{}", escape(&description)));
    for person in &session.roster {
        attendee(person, line);
    }
    line("TRANSP:TRANSPARENT".into());
    line("END:VEVENT".into());
}

/// The all-day event of a dated row (none for a row with no ISO date). A row under
/// another names it: "Commitment: Open budget data".
fn event(
    session: &Session,
    table: &TableDef,
    row: &PlanRow,
    parent: Option<(&TableDef, &PlanRow)>,
    stamp: &str,
    line: &mut impl FnMut(String),
) {
    let columns = Columns::of(table);
    let Some(due) = columns.date.and_then(|c| iso_date(row.cell(&c.key))) else {
        return;
    };
    let initiative = session.initiative(row.initiative).map(|i| i.name.as_str());
    let action = columns.action.map(|c| row.cell(&c.key)).unwrap_or("");
    let summary = if !action.trim().is_empty() {
        action.to_string()
    } else {
        let noun = capitalized(&table.noun);
        match initiative {
            Some(name) => format!("{noun} for {name}"),
            None => noun,
        }
    };
    let mut description = Vec::new();
    for column in [
        columns.owner,
        columns.resources,
        columns.kpi,
        columns.status,
    ]
    .into_iter()
    .flatten()
    {
        let value = shown(row, column);
        if !value.trim().is_empty() {
            description.push(format!("{}: {value}", column.title));
        }
    }
    if let Some((table, parent)) = parent
        && let Some(first) = table.columns.first()
    {
        description.push(format!(
            "{}: {}",
            capitalized(&table.noun),
            parent.cell(&first.key)
        ));
    }
    if let Some(name) = initiative {
        description.push(format!("Initiative: {name}"));
    }
    description.push(format!("Workshop: {}", session.title));
    let next_day = due.checked_add_days(Days::new(1)).unwrap_or(due);

    line("BEGIN:VEVENT".into());
    line(format!("UID:{}", uid(session, row.id)));
    line(format!("DTSTAMP:{stamp}"));
    line(format!("DTSTART;VALUE=DATE:{}", due.format("%Y%m%d")));
    line(format!("DTEND;VALUE=DATE:{}", next_day.format("%Y%m%d")));
    line(format!("SUMMARY:{}", escape(&summary)));
    line(format!("DESCRIPTION:{}", escape(&description.join("\n"))));
    // The owner is invited when the roster knows their email.
    let owner = columns.owner.map_or("", |c| row.cell(&c.key));
    let first = owner.split(',').next().unwrap_or("").trim();
    if let Some(person) = session.person(first) {
        attendee(person, line);
    }
    line("TRANSP:TRANSPARENT".into());
    line("END:VEVENT".into());
}

/// `ATTENDEE;CN="Ana Lopez":mailto:ana@city.example`, for a person with an email.
fn attendee(person: &Person, line: &mut impl FnMut(String)) {
    let email: String = person
        .email
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '"' | '<' | '>'))
        .collect();
    if !email.contains('@') {
        return;
    }
    // A parameter value is quoted and may not hold a quote or a control character.
    let name: String = person
        .name
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    line(format!(
        "ATTENDEE;CN=\"{name}\";ROLE=REQ-PARTICIPANT:mailto:{email}"
    ));
}

/// `row-<id>-<hash>@convene`: the same row of the same session always gets the same UID.
pub(super) fn uid(session: &Session, row: u64) -> String {
    format!("row-{row}-{:016x}@convene", session_hash(session))
}

/// The session's creation time and title, hashed: what makes its UIDs its own.
fn session_hash(session: &Session) -> u64 {
    let created = session
        .created_at
        .to_rfc3339_opts(SecondsFormat::Nanos, true);
    fnv1a(format!("{created}\n{}", session.title).as_bytes())
}

/// FNV-1a, 64 bits: tiny and, unlike std's hasher, fixed forever.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks. Other control
/// characters are not allowed in TEXT and become U+FFFD.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line exceeds 75 octets (continuations
/// start with a space), ended by CRLF. A fold never falls inside a UTF-8 character nor
/// between a backslash and the character it escapes: RFC 5545 allows the latter, but
/// not every calendar reads it back.
pub(super) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 37 + 2);
    let mut octets = 0;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        // The next unit: one character, or a backslash with the character it escapes.
        let mut n = c.len_utf8();
        if c == '\\'
            && let Some(escaped) = rest[n..].chars().next()
        {
            n += escaped.len_utf8();
        }
        if octets + n > 75 {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push_str(&rest[..n]);
        octets += n;
        rest = &rest[n..];
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
    }

    #[test]
    fn folding_counts_octets_and_never_splits_a_character() {
        let line = format!("SUMMARY:{}", "会".repeat(40));
        let folded = fold(&line);
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
        // "SUMMARY:" is 8 octets, then 22 three-octet characters fit in 75.
        assert_eq!(folded.split("\r\n").next().unwrap().len(), 8 + 22 * 3);
        assert_eq!(fold("SHORT"), "SHORT\r\n");
        assert_eq!(fold(&"x".repeat(75)), format!("{}\r\n", "x".repeat(75)));
        assert_eq!(
            fold(&"x".repeat(76)),
            format!("{}\r\n x\r\n", "x".repeat(75))
        );
    }

    #[test]
    fn folding_keeps_an_escape_whole() {
        let line = format!("SUMMARY:{}\\n{}", "x".repeat(66), "y".repeat(10));
        let folded = fold(&line);
        assert!(
            folded.starts_with(&format!("SUMMARY:{}\r\n \\ny", "x".repeat(66))),
            "{folded:?}"
        );
        assert_eq!(folded.replace("\r\n ", ""), format!("{line}\r\n"));
    }

    #[test]
    fn fnv_is_the_published_function() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
