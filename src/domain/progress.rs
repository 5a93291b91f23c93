//! Where a plan stands on a given day: what is overdue, what falls due before the next
//! review, what is blocked, what changed or was done since the last review, and how
//! much of each initiative is done. Every answer is measured against a date passed in
//! (the review's, or a faked one in tests), never the machine's clock.

use super::dates;
use super::plan::{PlanRow, Roles, StatusTone, status_value};
use super::review::{Meeting, What};
use super::session::Session;
use super::template::{Per, TableDef};
use chrono::NaiveDate;

/// Why a row needs the room's attention, in the order a review walks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Attention {
    Overdue,
    /// Due between today and the next review.
    DueSoon,
    Blocked,
    /// Changed since the last review (in it, or between it and this one).
    Changed,
    /// Done since the last review: to celebrate.
    Done,
    /// Nothing to say about it today.
    Calm,
}

impl Attention {
    pub fn label(self) -> &'static str {
        match self {
            Attention::Overdue => "overdue",
            Attention::DueSoon => "due before the next review",
            Attention::Blocked => "blocked",
            Attention::Changed => "changed since the last review",
            Attention::Done => "done since the last review",
            Attention::Calm => "on track",
        }
    }

    /// A short mark for the table's margin, so colour is never the only signal.
    pub fn mark(self) -> &'static str {
        match self {
            Attention::Overdue => "!",
            Attention::DueSoon => "»",
            Attention::Blocked => "✗",
            Attention::Changed => "~",
            Attention::Done => "✓",
            Attention::Calm => " ",
        }
    }
}

/// What "today", "the next review" and "since the last review" mean for a look at the
/// plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outlook {
    pub today: NaiveDate,
    pub next_review: Option<NaiveDate>,
    /// The review whose progress counts as "since the last review": the one being run,
    /// else the last one held (none before the first review).
    pub review: Option<u32>,
}

impl Outlook {
    pub fn of(session: &Session, today: NaiveDate) -> Outlook {
        let review = match session.meeting() {
            Meeting::Review(n) => Some(n),
            Meeting::After(n) => Some(n),
            Meeting::Workshop => None,
        };
        // "Due before the next review" looks ahead from today. In a review meeting the
        // date booked last time is today's (or past, or none was booked): the next is
        // not set yet, and four weeks, a usual cadence, stands for it.
        let booked = dates::stored(&session.next_review).filter(|d| *d > today);
        let next_review = match session.meeting() {
            Meeting::Review(_) => booked.or_else(|| today.checked_add_days(chrono::Days::new(28))),
            _ => booked,
        };
        Outlook {
            today,
            next_review,
            review,
        }
    }

    /// Outside a meeting: "since the last review" is the last review held.
    pub fn of_day(session: &Session, today: NaiveDate) -> Outlook {
        Outlook {
            review: (!session.reviews.is_empty()).then_some(session.reviews.len() as u32),
            ..Outlook::of(session, today)
        }
    }

    fn since_last(&self, row: &PlanRow) -> bool {
        self.review.is_some_and(|n| row.changed_at(n))
    }

    fn done_since_last(&self, row: &PlanRow, status: &str) -> bool {
        self.review.is_some_and(|n| {
            row.history.iter().any(|c| {
                c.meeting.reported_at(n)
                    && matches!(&c.what, What::Cell { column, to, .. }
                        if column == status && StatusTone::of(to) == StatusTone::Done)
            })
        })
    }
}

/// A row's due date and status as a review reads them.
pub struct RowState {
    pub due: Option<NaiveDate>,
    pub tone: StatusTone,
}

impl RowState {
    pub fn of(row: &PlanRow, table: &TableDef) -> RowState {
        let roles = Roles::of(&table.columns);
        let due = roles
            .due
            .and_then(|i| dates::stored(row.cell(&table.columns[i].key)));
        let tone = roles.status.map_or(StatusTone::Todo, |i| {
            let column = &table.columns[i];
            StatusTone::of(status_value(row.cell(&column.key), column))
        });
        RowState { due, tone }
    }

    pub fn overdue(&self, today: NaiveDate) -> bool {
        self.tone != StatusTone::Done && self.due.is_some_and(|d| d < today)
    }
}

/// Why `row` needs attention on the outlook's day: its first reason in review order.
pub fn attention(row: &PlanRow, table: &TableDef, outlook: &Outlook) -> Attention {
    let state = RowState::of(row, table);
    let status_key = Roles::of(&table.columns)
        .status
        .map(|i| table.columns[i].key.as_str());
    if state.overdue(outlook.today) {
        Attention::Overdue
    } else if state.tone != StatusTone::Done
        && let (Some(due), Some(next)) = (state.due, outlook.next_review)
        && due <= next
    {
        Attention::DueSoon
    } else if state.tone == StatusTone::Stuck {
        Attention::Blocked
    } else if state.tone == StatusTone::Done
        && status_key.is_some_and(|k| outlook.done_since_last(row, k))
    {
        Attention::Done
    } else if outlook.since_last(row) {
        Attention::Changed
    } else {
        Attention::Calm
    }
}

/// Done of total: the rows of a table that follow a status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub overdue: usize,
}

impl Progress {
    pub fn of<'a>(
        rows: impl Iterator<Item = &'a PlanRow>,
        table: &TableDef,
        today: NaiveDate,
    ) -> Progress {
        let mut p = Progress::default();
        for row in rows {
            let state = RowState::of(row, table);
            p.total += 1;
            p.done += usize::from(state.tone == StatusTone::Done);
            p.overdue += usize::from(state.overdue(today));
        }
        p
    }

    /// "3 of 8 done ▰▰▰▱▱▱▱▱" with a bar of `width` cells (none when 0).
    pub fn line(&self, width: usize) -> String {
        let text = format!("{} of {} done", self.done, self.total);
        if width == 0 {
            return text;
        }
        format!("{text} {}", self.bar(width))
    }

    /// A small bar: filled cells for what is done, rounded down so it never looks
    /// finished before it is, and at least one once anything is done (1 of 5 on four
    /// cells is not "nothing yet").
    pub fn bar(&self, width: usize) -> String {
        let mut filled = (self.done * width).checked_div(self.total).unwrap_or(0);
        if self.done > 0 && filled == 0 && self.done < self.total {
            filled = 1.min(width.saturating_sub(1));
        }
        "▰".repeat(filled) + &"▱".repeat(width - filled)
    }
}

/// The table a plan's progress is counted on: the first that has a status and a
/// date (the actions, the benchmarks, the commitments' milestones...).
pub fn followed_table(session: &Session) -> Option<&TableDef> {
    session.workshop.tables.iter().find(|t| {
        let roles = Roles::of(&t.columns);
        roles.status.is_some() && roles.due.is_some()
    })
}

/// A row that needs attention, with what a list of them shows.
pub struct Flagged<'a> {
    pub attention: Attention,
    pub row: &'a PlanRow,
    pub due: Option<NaiveDate>,
    pub owner: &'a str,
    pub action: &'a str,
    /// The row's initiative's name (empty in a table of the whole plan).
    pub initiative: &'a str,
}

/// The followed table's rows that need attention, in review order, each reason by
/// due date.
pub fn flagged<'a>(session: &'a Session, outlook: &Outlook) -> Vec<Flagged<'a>> {
    let Some(table) = followed_table(session) else {
        return Vec::new();
    };
    let roles = Roles::of(&table.columns);
    let cell =
        |row: &'a PlanRow, i: Option<usize>| i.map_or("", |i| row.cell(&table.columns[i].key));
    let mut list: Vec<Flagged> = session
        .tables
        .rows(&table.key)
        .iter()
        .map(|row| Flagged {
            attention: attention(row, table, outlook),
            row,
            due: RowState::of(row, table).due,
            owner: cell(row, roles.owner),
            action: cell(row, roles.action.or(Some(0))),
            initiative: session
                .initiative(row.initiative)
                .map_or("", |i| i.name.as_str()),
        })
        .filter(|f| f.attention != Attention::Calm)
        .collect();
    list.sort_by_key(|f| (f.attention, f.due));
    list
}

/// Progress of the whole plan and of each initiative (by name) on the followed table.
pub struct PlanProgress {
    pub whole: Progress,
    pub initiatives: Vec<(String, Progress)>,
}

impl PlanProgress {
    pub fn of(session: &Session, today: NaiveDate) -> Option<PlanProgress> {
        let table = followed_table(session)?;
        let rows = session.tables.rows(&table.key);
        let initiatives = match table.per {
            Per::Initiative => session
                .initiatives
                .iter()
                .map(|i| {
                    let mine = rows.iter().filter(|r| r.initiative == Some(i.id));
                    (i.name.clone(), Progress::of(mine, table, today))
                })
                .collect(),
            Per::Session => Vec::new(),
        };
        Some(PlanProgress {
            whole: Progress::of(rows.iter(), table, today),
            initiatives,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::review::Change;
    use crate::domain::template::Template;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, d).unwrap()
    }

    fn table() -> TableDef {
        Template::default_template().plan().clone()
    }

    fn outlook(review: Option<u32>) -> Outlook {
        Outlook {
            today: day(1, 15),
            next_review: Some(day(2, 15)),
            review,
        }
    }

    fn change(on: NaiveDate, meeting: Meeting, (column, from, to): (&str, &str, &str)) -> Change {
        Change::cell(on, meeting, column, from, to)
    }

    fn row(due: &str, status: &str) -> PlanRow {
        PlanRow::new(
            1,
            None,
            &[("action", "Publish"), ("due", due), ("status", status)],
        )
    }

    #[test]
    fn the_review_order() {
        let o = outlook(Some(2));
        assert_eq!(
            attention(&row("2027-01-10", ""), &table(), &o),
            Attention::Overdue
        );
        assert_eq!(
            attention(&row("2027-02-01", ""), &table(), &o),
            Attention::DueSoon
        );
        assert_eq!(
            attention(&row("2027-02-15", "In progress"), &table(), &o),
            Attention::DueSoon,
            "the day of the review counts"
        );
        assert_eq!(
            attention(&row("2027-03-01", "Blocked"), &table(), &o),
            Attention::Blocked
        );
        assert_eq!(
            attention(&row("2027-01-10", "Done"), &table(), &o),
            Attention::Calm,
            "done long ago"
        );
        let mut done = row("2027-01-10", "Done");
        let status = ("status", "In progress", "Done");
        done.history
            .push(change(day(1, 15), Meeting::Review(2), status));
        assert_eq!(attention(&done, &table(), &o), Attention::Done);
        assert_eq!(
            attention(&done, &table(), &outlook(Some(3))),
            Attention::Calm,
            "at the next review it is old news"
        );
        let mut moved = row("2027-05-01", "");
        let due = ("due", "2027-03-01", "2027-05-01");
        moved
            .history
            .push(change(day(1, 2), Meeting::After(1), due));
        assert_eq!(
            attention(&moved, &table(), &o),
            Attention::Changed,
            "moved between reviews 1 and 2"
        );
    }

    #[test]
    fn a_small_bar_never_looks_finished_early_nor_empty_once_begun() {
        let p = Progress {
            done: 7,
            total: 8,
            overdue: 0,
        };
        assert_eq!(p.line(8), "7 of 8 done ▰▰▰▰▰▰▰▱");
        assert_eq!(
            Progress {
                done: 5,
                total: 8,
                overdue: 0
            }
            .bar(4),
            "▰▰▱▱"
        );
        assert_eq!(Progress::default().line(3), "0 of 0 done ▱▱▱");
        let one_of_five = Progress {
            done: 1,
            total: 5,
            overdue: 0,
        };
        assert_eq!(one_of_five.bar(4), "▰▱▱▱", "begun is not empty");
        assert_eq!(
            one_of_five.bar(1),
            "▱",
            "one cell: full only when all is done"
        );
    }
}
