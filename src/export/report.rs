//! What a report says, independent of how it is written: the Markdown and the HTML
//! handout both render this, so they always carry the same content.

use super::tables::{self, TableView};
use crate::domain::board::{Board, Note};
use crate::domain::check;
use crate::domain::session::Session;
use crate::domain::template::Activity;
use crate::domain::text::shorten;
use chrono::{DateTime, NaiveDate, Utc};

pub(super) struct Report<'a> {
    pub session: &'a Session,
    /// The day the workshop ran (when its clock started, else when it was created).
    pub date: NaiveDate,
    pub agenda: Agenda<'a>,
    /// Every board but the summary's, in agenda order.
    pub boards: Vec<BoardView<'a>>,
    /// The board of the last summary step: takeaways and next steps.
    pub summary: Option<BoardView<'a>>,
    /// The session's fields that hold text: (title, text), in the template's order.
    pub fields: Vec<(&'a str, &'a str)>,
    pub groups: Vec<GroupRow<'a>>,
    pub tables: Vec<TableView<'a>>,
    pub check: CheckView,
    /// Notes that became rows of a table: the table's title, by note id.
    pub promoted: std::collections::HashMap<u64, &'a str>,
    /// The plan's reviews, once it has one or a next review is set.
    pub reviews: Option<super::reviews::ReviewsView>,
}

pub(super) struct Agenda<'a> {
    pub steps: Vec<AgendaStep<'a>>,
    pub planned_ms: i64,
    pub spent_ms: i64,
    /// Whether the clock was ever started; if not, there are no actual times.
    pub started: bool,
}

pub(super) struct AgendaStep<'a> {
    pub number: usize,
    pub title: &'a str,
    pub planned_ms: i64,
    pub spent_ms: i64,
}

pub(super) struct BoardView<'a> {
    pub id: &'a str,
    /// The steps whose activity shows this board: (1-based number, title).
    pub steps: Vec<(usize, &'a str)>,
    pub panes: Vec<PaneView<'a>>,
}

pub(super) struct PaneView<'a> {
    pub title: &'a str,
    pub groups: Vec<GroupView<'a>>,
}

pub(super) struct GroupView<'a> {
    /// None for the notes in no group.
    pub name: Option<&'a str>,
    /// Most votes first; notes with as many votes keep their board order.
    pub notes: Vec<&'a Note>,
}

/// One group the room formed: its number, who is in it, what it worked on.
pub(super) struct GroupRow<'a> {
    pub number: u32,
    pub members: &'a [String],
    /// An initiative's name or a table's title; empty when none was given.
    pub work: &'a str,
}

pub(super) struct CheckView {
    pub today: NaiveDate,
    /// "3 actions need an owner", most frequent first.
    pub summary: Vec<String>,
    pub rows: Vec<RowProblems>,
}

pub(super) struct RowProblems {
    /// The row's first cell, shortened, or a placeholder when the row has none.
    pub action: String,
    /// Whose row it is: its initiative, and what it is when the plan has several
    /// tables ("milestone of “Open budget data”").
    pub context: Vec<String>,
    pub messages: Vec<String>,
}

impl BoardView<'_> {
    pub fn note_count(&self) -> usize {
        self.panes
            .iter()
            .flat_map(|p| &p.groups)
            .map(|g| g.notes.len())
            .sum()
    }

    /// "Define specific tasks for each initiative", or the board's id if no step shows it.
    pub fn heading(&self) -> String {
        if self.steps.is_empty() {
            self.id.to_string()
        } else {
            self.steps
                .iter()
                .map(|(_, t)| *t)
                .collect::<Vec<_>>()
                .join(" / ")
        }
    }

    /// "Step 3" or "Steps 3 and 4", empty for a board no step shows.
    pub fn step_numbers(&self) -> String {
        let numbers: Vec<String> = self.steps.iter().map(|(n, _)| n.to_string()).collect();
        match numbers.as_slice() {
            [] => String::new(),
            [one] => format!("Step {one}"),
            [rest @ .., last] => format!("Steps {} and {last}", rest.join(", ")),
        }
    }
}

impl PaneView<'_> {
    pub fn is_empty(&self) -> bool {
        self.groups.iter().all(|g| g.notes.is_empty())
    }

    /// Whether group headings are worth showing: some note is in a group.
    pub fn has_groups(&self) -> bool {
        self.groups.iter().any(|g| g.name.is_some())
    }
}

impl<'a> Report<'a> {
    /// "3 initiatives · 8 actions · 21 notes"; a table other than the first counts
    /// only once it has rows ("· 5 commitments · 12 milestones").
    pub fn counts(&self) -> String {
        let s = self.session;
        let notes: usize = s.boards.values().map(|b| b.note_count()).sum();
        let n = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        let mut parts = Vec::new();
        if s.workshop.uses_initiatives() || !s.initiatives.is_empty() {
            parts.push(n(s.initiatives.len(), "initiative", "initiatives"));
        }
        for (i, table) in s.workshop.tables.iter().enumerate() {
            let rows = s.tables.rows(&table.key).len();
            if i == 0 || rows > 0 {
                parts.push(table.count(rows));
            }
        }
        parts.push(n(notes, "note", "notes"));
        parts.join(" · ")
    }

    /// "Action by action" for a plan of one table, else "Row by row".
    pub fn check_heading(&self) -> String {
        match self.session.workshop.tables.as_slice() {
            [one] => format!("{} by {}", capitalized(&one.noun), one.noun),
            _ => "Row by row".into(),
        }
    }

    pub fn new(session: &'a Session, today: NaiveDate, now: DateTime<Utc>) -> Report<'a> {
        let summary_id = summary_board_id(session);
        let mut boards = board_views(session);
        let summary = summary_id
            .and_then(|id| boards.iter().position(|b| b.id == id))
            .map(|i| boards.remove(i));
        Report {
            session,
            date: session
                .timing
                .started_at()
                .unwrap_or(session.created_at)
                .date_naive(),
            agenda: agenda(session, now),
            boards,
            summary,
            fields: session
                .workshop
                .fields
                .iter()
                .map(|f| (f.title.as_str(), session.field(&f.key)))
                .filter(|(_, text)| !text.trim().is_empty())
                .collect(),
            groups: group_rows(session),
            tables: tables::views(session, true),
            check: check_view(session, today),
            reviews: super::reviews::ReviewsView::of(session, today),
            promoted: session.promoted_to(),
        }
    }
}

fn agenda(session: &Session, now: DateTime<Utc>) -> Agenda<'_> {
    let budget = session.budget(now);
    let steps = session
        .steps()
        .iter()
        .zip(&budget.steps)
        .enumerate()
        .map(|(i, (step, b))| AgendaStep {
            number: i + 1,
            title: &step.title,
            planned_ms: b.planned_ms,
            spent_ms: b.spent_ms,
        })
        .collect();
    Agenda {
        steps,
        planned_ms: budget.planned_ms,
        spent_ms: budget.elapsed_ms,
        started: session.timing.started_at().is_some(),
    }
}

/// The board of the last step whose activity is a summary, if it has one.
fn summary_board_id(session: &Session) -> Option<&str> {
    let step = session
        .steps()
        .iter()
        .rev()
        .find(|s| matches!(s.activity, Activity::Summary(_)))?;
    step.board().map(|b| b.board.as_str())
}

/// Boards in the order the agenda first shows them, then any no step shows (a
/// hand-edited file, a changed template), so no note is ever left out.
fn board_views(session: &Session) -> Vec<BoardView<'_>> {
    let mut order: Vec<&str> = Vec::new();
    for step in session.steps() {
        if let Some(spec) = step.board()
            && !order.contains(&spec.board.as_str())
        {
            order.push(&spec.board);
        }
    }
    for id in session.boards.keys() {
        if !order.contains(&id.as_str()) {
            order.push(id);
        }
    }
    order
        .into_iter()
        .filter_map(|id| {
            let (id, board) = session.boards.get_key_value(id)?;
            let steps = session
                .steps()
                .iter()
                .enumerate()
                .filter(|(_, s)| s.board().is_some_and(|b| &b.board == id))
                .map(|(i, s)| (i + 1, s.title.as_str()))
                .collect();
            Some(BoardView {
                id,
                steps,
                panes: pane_views(board),
            })
        })
        .collect()
}

fn pane_views(board: &Board) -> Vec<PaneView<'_>> {
    board
        .panes
        .iter()
        .map(|pane| {
            let mut groups: Vec<GroupView> = Vec::new();
            let mut loose = Vec::new();
            for note in &pane.notes {
                match note.group.as_deref().filter(|g| !g.trim().is_empty()) {
                    None => loose.push(note),
                    Some(name) => match groups.iter_mut().find(|g| g.name == Some(name)) {
                        Some(group) => group.notes.push(note),
                        None => groups.push(GroupView {
                            name: Some(name),
                            notes: vec![note],
                        }),
                    },
                }
            }
            if !loose.is_empty() {
                groups.push(GroupView {
                    name: None,
                    notes: loose,
                });
            }
            for group in &mut groups {
                group.notes.sort_by_key(|n| std::cmp::Reverse(n.votes));
            }
            PaneView {
                title: &pane.title,
                groups,
            }
        })
        .collect()
}

fn group_rows(session: &Session) -> Vec<GroupRow<'_>> {
    let Some(groups) = &session.groups else {
        return Vec::new();
    };
    (1..=groups.count)
        .map(|number| {
            let work = groups.work_of(number);
            let initiative = work.and_then(|w| session.initiative(w.initiative));
            let table = work
                .and_then(|w| w.table.as_deref())
                .and_then(|key| session.workshop.table(key));
            GroupRow {
                number,
                members: groups.members_of(number),
                work: initiative
                    .map(|i| i.name.as_str())
                    .or(table.map(|t| t.title.as_str()))
                    .unwrap_or(""),
            }
        })
        .collect()
}

fn check_view(session: &Session, today: NaiveDate) -> CheckView {
    let problems = check::check(session, today);
    let several = session.workshop.tables.len() > 1;
    let mut rows: Vec<(u64, RowProblems)> = Vec::new();
    for p in &problems {
        if let Some((_, r)) = rows.iter_mut().find(|(id, _)| *id == p.row) {
            r.messages.push(p.message.clone());
            continue;
        }
        let (Some(row), Some(table)) =
            (session.tables.row(p.row), session.workshop.table(&p.table))
        else {
            continue;
        };
        let first = table.columns.first();
        let text = first.map(|c| row.cell(&c.key)).unwrap_or("").trim();
        let action = if text.is_empty() {
            format!(
                "(no {} written)",
                first.map(|c| c.title.to_lowercase()).unwrap_or_default()
            )
        } else {
            shorten(&text.replace(['\r', '\n'], " "), 80)
        };
        let mut context: Vec<String> = session
            .initiative(row.initiative)
            .map(|i| i.name.clone())
            .into_iter()
            .collect();
        let parent = row.parent.and_then(|id| session.tables.row(id));
        let parent_text = parent
            .zip(
                table
                    .parent
                    .as_deref()
                    .and_then(|k| session.workshop.table(k)),
            )
            .and_then(|(r, t)| t.columns.first().map(|c| r.cell(&c.key)));
        match parent_text {
            Some(text) => context.push(format!("{} of “{}”", table.noun, shorten(text, 40))),
            None if several => context.push(table.noun.clone()),
            None => {}
        }
        rows.push((
            p.row,
            RowProblems {
                action,
                context,
                messages: vec![p.message.clone()],
            },
        ));
    }
    CheckView {
        today,
        summary: check::summary(&problems, &session.workshop),
        rows: rows.into_iter().map(|(_, r)| r).collect(),
    }
}

/// "action" → "Action".
pub(super) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A cell read as an ISO date (YYYY-MM-DD), as the plan check reads it.
pub(super) fn iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Minutes for people: "5 min", "1 h 05 min", "<1 min".
pub(super) fn minutes(ms: i64) -> String {
    if ms <= 0 {
        return "0 min".into();
    }
    let m = (ms + 30_000) / 60_000;
    if m == 0 {
        "<1 min".into()
    } else if m >= 60 {
        format!("{} h {:02} min", m / 60, m % 60)
    } else {
        format!("{m} min")
    }
}

/// "1 vote", "3 votes", "3 votes (2 from the room)".
pub(super) fn votes(note: &crate::domain::board::Note) -> String {
    let n = note.votes;
    let count = if n == 1 {
        "1 vote".into()
    } else {
        format!("{n} votes")
    };
    match note.room_votes {
        0 => count,
        r => format!("{count} ({r} from the room)"),
    }
}

/// A status as the table shows it, its symbol first so it reads without colour:
/// "○ Not started", "✓ Done".
pub(super) fn status_label(value: &str) -> String {
    format!(
        "{} {value}",
        crate::domain::plan::StatusTone::of(value).symbol()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_round_to_the_nearest_and_say_less_than_one() {
        assert_eq!(minutes(0), "0 min");
        assert_eq!(minutes(20_000), "<1 min");
        assert_eq!(minutes(5 * 60_000 + 29_000), "5 min");
        assert_eq!(minutes(5 * 60_000 + 30_000), "6 min");
        assert_eq!(minutes(65 * 60_000), "1 h 05 min");
    }
}
