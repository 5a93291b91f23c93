//! The reviews of a plan in the report and the handout: when the plan was reviewed and
//! when it is next, its progress, what changed at the last review, and each row's
//! history. A session never reviewed and with no next review set has no such section,
//! so a workshop's report reads as it always did.

use super::html::esc;
use super::markdown::inline;
use crate::domain::dates;
use crate::domain::progress::{PlanProgress, followed_table};
use crate::domain::review::Meeting;
use crate::domain::session::Session;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt::Write;

pub(super) struct ReviewsView {
    /// "review 1 on Sat 19 Dec 2026", oldest first.
    pub held: Vec<String>,
    /// The next review's date in words, or as typed; empty when not set.
    pub next: String,
    pub progress: Option<PlanProgress>,
    /// "review 2, Sat 16 Jan 2027": the review the changes below were reported at.
    pub last: Option<String>,
    /// Rows changed at the last review, each with what changed.
    pub since_last: Vec<RowChanges>,
    /// Every row with a history, each line "when: what".
    pub history: Vec<RowChanges>,
}

pub(super) struct RowChanges {
    pub action: String,
    /// Its initiative's name, empty in a table of the whole plan.
    pub initiative: String,
    pub lines: Vec<String>,
}

impl ReviewsView {
    pub fn of(session: &Session, today: NaiveDate) -> Option<ReviewsView> {
        if session.reviews.is_empty() && session.next_review.is_empty() {
            return None;
        }
        let held = session
            .reviews
            .iter()
            .enumerate()
            .map(|(i, r)| match r.attendees.as_slice() {
                [] => format!("review {} on {}", i + 1, dates::long(r.on)),
                who => format!(
                    "review {} on {} ({})",
                    i + 1,
                    dates::long(r.on),
                    who.join(", ")
                ),
            })
            .collect();
        // Said as `convene status` says it: passed, or typed but not a date.
        let next = if session.next_review.is_empty() {
            String::new()
        } else {
            super::status::next_review(session, today)
        };
        let last_number = session.reviews.len() as u32;
        let last = session
            .reviews
            .last()
            .map(|r| format!("review {last_number}, {}", dates::long(r.on)));
        let mut since_last = Vec::new();
        let mut history = Vec::new();
        // "Sat 19 Dec 2026, review 1", written once for every row it heads.
        let mut whens: HashMap<(NaiveDate, Meeting), String> = HashMap::new();
        for table in &session.workshop.tables {
            for row in session
                .tables
                .rows(&table.key)
                .iter()
                .filter(|r| !r.history.is_empty())
            {
                let action = table
                    .columns
                    .first()
                    .map_or("", |c| row.cell(&c.key))
                    .to_string();
                let initiative = session
                    .initiative(row.initiative)
                    .map_or(String::new(), |i| i.name.clone());
                let reported: Vec<String> = row
                    .history
                    .iter()
                    .filter(|c| last_number > 0 && c.meeting.reported_at(last_number))
                    .map(|c| c.describe(table))
                    .collect();
                if !reported.is_empty() {
                    since_last.push(RowChanges {
                        action: action.clone(),
                        initiative: initiative.clone(),
                        lines: reported,
                    });
                }
                // One line per meeting: "Sat 19 Dec 2026, review 1: Status: … ; Progress: …".
                let mut lines: Vec<String> = Vec::new();
                let mut last = None;
                for c in &row.history {
                    let key = (c.on, c.meeting);
                    let what = c.describe(table);
                    match lines.last_mut() {
                        Some(line) if last == Some(key) => {
                            line.push_str("; ");
                            line.push_str(&what);
                        }
                        _ => {
                            let when = whens.entry(key).or_insert_with(|| c.when());
                            lines.push(format!("{when}: {what}"));
                        }
                    }
                    last = Some(key);
                }
                history.push(RowChanges {
                    action,
                    initiative,
                    lines,
                });
            }
        }
        Some(ReviewsView {
            held,
            next,
            progress: followed_table(session).and_then(|_| PlanProgress::of(session, today)),
            last,
            since_last,
            history,
        })
    }

    fn progress_rows(&self) -> Vec<(String, String, String)> {
        let Some(p) = &self.progress else {
            return Vec::new();
        };
        std::iter::once(("Whole plan".to_string(), p.whole))
            .chain(p.initiatives.iter().cloned())
            .map(|(name, p)| (name, format!("{} of {}", p.done, p.total), p.bar(10)))
            .collect()
    }

    fn held_line(&self) -> String {
        let held = match self.held.len() {
            0 => "Not reviewed yet.".to_string(),
            n => format!(
                "Reviewed {} time{}: {}.",
                n,
                if n == 1 { "" } else { "s" },
                self.held.join("; ")
            ),
        };
        match self.next.as_str() {
            "" => held,
            next => format!("{held} Next review: {next}."),
        }
    }
}

fn row_title(row: &RowChanges) -> String {
    match row.initiative.as_str() {
        "" => row.action.clone(),
        initiative => format!("{} ({initiative})", row.action),
    }
}

pub(super) fn markdown(out: &mut String, view: &ReviewsView) {
    out.push_str("## Reviews\n\n");
    let _ = writeln!(out, "{}\n", inline(&view.held_line()));
    let progress = view.progress_rows();
    if !progress.is_empty() {
        out.push_str("| Progress | Done | |\n| --- | ---: | --- |\n");
        for (name, done, bar) in progress {
            let _ = writeln!(out, "| {} | {done} | {bar} |", inline(&name));
        }
        out.push('\n');
    }
    if let Some(last) = &view.last {
        let _ = writeln!(out, "### Since the last review ({})\n", inline(last));
        if view.since_last.is_empty() {
            out.push_str("_Nothing changed._\n\n");
        }
        for row in &view.since_last {
            let _ = writeln!(
                out,
                "- **{}**: {}",
                inline(&row_title(row)),
                inline(&row.lines.join("; "))
            );
        }
        if !view.since_last.is_empty() {
            out.push('\n');
        }
    }
    if !view.history.is_empty() {
        out.push_str("### History of each row\n\n");
        for row in &view.history {
            let _ = writeln!(out, "**{}**\n", inline(&row_title(row)));
            for line in &row.lines {
                let _ = writeln!(out, "- {}", inline(line));
            }
            out.push('\n');
        }
    }
}

pub(super) fn html(out: &mut String, view: &ReviewsView) {
    out.push_str("<section id=\"reviews\">\n<h2>Reviews</h2>\n");
    let _ = writeln!(out, "<p>{}</p>", esc(&view.held_line()));
    let progress = view.progress_rows();
    if !progress.is_empty() {
        out.push_str("<table class=\"progress\">\n<thead><tr><th>Progress</th><th>Done</th><th></th></tr></thead>\n<tbody>\n");
        for (name, done, bar) in progress {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"num\">{done}</td><td aria-hidden=\"true\">{bar}</td></tr>",
                esc(&name)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if let Some(last) = &view.last {
        let _ = writeln!(out, "<h3>Since the last review ({})</h3>", esc(last));
        if view.since_last.is_empty() {
            out.push_str("<p class=\"empty\">Nothing changed.</p>\n");
        } else {
            out.push_str("<ul>\n");
            for row in &view.since_last {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>: {}</li>",
                    esc(&row_title(row)),
                    esc(&row.lines.join("; "))
                );
            }
            out.push_str("</ul>\n");
        }
    }
    if !view.history.is_empty() {
        out.push_str("<h3>History of each row</h3>\n");
        for row in &view.history {
            let _ = writeln!(out, "<h4>{}</h4>\n<ul>", esc(&row_title(row)));
            for line in &row.lines {
                let _ = writeln!(out, "<li>{}</li>", esc(line));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</section>\n");
}
