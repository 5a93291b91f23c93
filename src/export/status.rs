//! `convene status`: where a plan stands, as plain text for a terminal or a script.
//! Progress per initiative, then what needs attention (overdue first, with owners),
//! then the next review.

use crate::domain::dates;
use crate::domain::progress::{Attention, Outlook, PlanProgress, flagged};
use crate::domain::session::Session;
use chrono::NaiveDate;
use std::fmt::Write;

/// The plan's state on `today`, and how many actions are overdue.
pub fn render(session: &Session, today: NaiveDate) -> (String, usize) {
    let mut out = String::new();
    let outlook = Outlook::of_day(session, today);
    let _ = writeln!(out, "{}", session.title);
    let last = match session.reviews.last() {
        Some(r) => format!("review {}, {}", session.reviews.len(), dates::long(r.on)),
        None => "none yet".to_string(),
    };
    let _ = writeln!(
        out,
        "On {} · last review: {last} · next review: {}",
        dates::long(today),
        next_review(session, today)
    );
    let Some(progress) = PlanProgress::of(session, today) else {
        let _ = writeln!(
            out,
            "\nThis plan has no table with a status and a date to follow."
        );
        return (out, 0);
    };
    let width = progress
        .initiatives
        .iter()
        .map(|(name, _)| name.chars().count().min(32))
        .max()
        .unwrap_or(0)
        .max("Whole plan".len());
    let _ = writeln!(out, "\nProgress");
    let named = std::iter::once(("Whole plan".to_string(), progress.whole));
    for (name, p) in named.chain(progress.initiatives) {
        let name = crate::domain::text::shorten(&name, 32);
        let _ = writeln!(out, "  {name:<width$}  {}", p.line(10));
    }
    let list = flagged(session, &outlook);
    for attention in [Attention::Overdue, Attention::DueSoon, Attention::Blocked] {
        let rows: Vec<_> = list.iter().filter(|f| f.attention == attention).collect();
        if rows.is_empty() {
            continue;
        }
        let mut heading = attention.label().to_string();
        heading[..1].make_ascii_uppercase();
        let _ = writeln!(out, "\n{heading} ({})", rows.len());
        for f in rows {
            let due = f.due.map_or("no date".to_string(), dates::long);
            let owner = if f.owner.is_empty() {
                "no owner"
            } else {
                f.owner
            };
            let mut line = format!("  {due:<15}  {} · {owner}", f.action);
            if !f.initiative.is_empty() {
                let _ = write!(line, " · {}", f.initiative);
            }
            let _ = writeln!(out, "{line}");
        }
    }
    (out, progress.whole.overdue)
}

/// "Sat 13 Feb 2027", "Sat 13 Feb 2027 (passed)", a date typed that is not one, or
/// "not set".
pub fn next_review(session: &Session, today: NaiveDate) -> String {
    match dates::stored(&session.next_review) {
        Some(d) if d < today => format!("{} (passed)", dates::long(d)),
        Some(d) => dates::long(d),
        None if session.next_review.is_empty() => "not set".to_string(),
        None => format!("{} (not a date)", session.next_review),
    }
}
