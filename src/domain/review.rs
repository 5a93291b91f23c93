//! Review meetings and each row's history: a plan is a living document, reviewed weeks
//! after the workshop. A session holds one workshop and any number of reviews; each
//! change of a row's owner, date, status or KPI is recorded with the day and the meeting
//! it was made in, beside a short progress note per row per review.

use super::plan::{PlanRow, Roles, status_value};
use super::tables::Tables;
use super::template::{ColumnKind, TableDef, Template};
use super::timer::Timing;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The meeting a change was made in. Written as words ("workshop", "review 2",
/// "after review 2") so the file reads without a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Meeting {
    Workshop,
    /// Review N, counted from 1.
    Review(u32),
    /// Opened with `convene open` between review N and the next one.
    After(u32),
}

impl fmt::Display for Meeting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Meeting::Workshop => write!(f, "workshop"),
            Meeting::Review(n) => write!(f, "review {n}"),
            Meeting::After(n) => write!(f, "after review {n}"),
        }
    }
}

impl Meeting {
    fn parse(text: &str) -> Option<Meeting> {
        let number = |rest: &str| rest.trim().parse::<u32>().ok().filter(|&n| n > 0);
        if text == "workshop" {
            Some(Meeting::Workshop)
        } else if let Some(rest) = text.strip_prefix("after review ") {
            number(rest).map(Meeting::After)
        } else {
            number(text.strip_prefix("review ")?).map(Meeting::Review)
        }
    }

    /// Whether a change made in this meeting counts as progress reported at review
    /// `n`: made in it, or between the review before it and it.
    pub fn reported_at(self, n: u32) -> bool {
        self == Meeting::Review(n) || (n > 1 && self == Meeting::After(n - 1))
    }
}

impl Serialize for Meeting {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Meeting {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Meeting, D::Error> {
        let text = String::deserialize(d)?;
        Meeting::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{text:?} is not a meeting (\"workshop\", \"review N\" or \"after review N\")"
            ))
        })
    }
}

/// One review meeting: when it ran, who came, and its own clock (the workshop's timing
/// log is never touched by a review).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub held_at: DateTime<Utc>,
    /// The day the meeting counts as, in the facilitator's time zone.
    pub on: NaiveDate,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    pub timing: Timing,
}

/// One line of a row's history: a cell that changed, or a progress note. In the file
/// it is one flat object (`{"on", "in", "column", "from", "to"}` or `{"on", "in",
/// "note"}`), read through `ChangeFile`: serde's flatten and untagged would buffer
/// every line, and a plan of 500 rows after 20 reviews holds 20,000 of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "ChangeFile", into = "ChangeFile")]
pub struct Change {
    pub on: NaiveDate,
    pub meeting: Meeting,
    pub what: What,
}

#[derive(Serialize, Deserialize)]
struct ChangeFile {
    on: NaiveDate,
    #[serde(rename = "in")]
    meeting: Meeting,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    column: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    from: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    to: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl From<ChangeFile> for Change {
    fn from(f: ChangeFile) -> Change {
        // A line with a note is a note (a hand-edited line with both keeps the note).
        let what = match (f.note, f.column) {
            (Some(note), _) => What::Note { note },
            (None, column) => What::Cell {
                column: column.unwrap_or_default(),
                from: f.from,
                to: f.to,
            },
        };
        Change {
            on: f.on,
            meeting: f.meeting,
            what,
        }
    }
}

impl From<Change> for ChangeFile {
    fn from(c: Change) -> ChangeFile {
        let (column, from, to, note) = match c.what {
            What::Note { note } => (None, String::new(), String::new(), Some(note)),
            What::Cell { column, from, to } => (Some(column), from, to, None),
        };
        ChangeFile {
            on: c.on,
            meeting: c.meeting,
            column,
            from,
            to,
            note,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// What happened, the evidence: one per row per meeting.
    Note { note: String },
    /// A cell's value before and after (empty: not set).
    Cell {
        column: String,
        from: String,
        to: String,
    },
}

impl PlanRow {
    /// The progress note written for this row in `meeting`, if any.
    pub fn note_in(&self, meeting: Meeting) -> Option<&str> {
        self.history.iter().find_map(|c| match &c.what {
            What::Note { note } if c.meeting == meeting => Some(note.as_str()),
            _ => None,
        })
    }

    /// Writes this meeting's progress note (one per meeting: a second replaces the
    /// first; an empty one removes it).
    pub fn set_note(&mut self, meeting: Meeting, on: NaiveDate, text: String) {
        let at = self
            .history
            .iter()
            .position(|c| c.meeting == meeting && matches!(c.what, What::Note { .. }));
        match (at, text.is_empty()) {
            (Some(i), true) => {
                self.history.remove(i);
            }
            (Some(i), false) => self.history[i].what = What::Note { note: text },
            (None, true) => {}
            (None, false) => self.history.push(Change {
                on,
                meeting,
                what: What::Note { note: text },
            }),
        }
    }

    /// Records that `column` went from `from` to `to`. A second change of the same
    /// cell in the same meeting on the same day folds into the first (pressing `s`
    /// twice is one change), and a change back to where it started leaves nothing.
    fn record(&mut self, meeting: Meeting, on: NaiveDate, column: &str, from: &str, to: &str) {
        let last_same = self.history.iter().rposition(|c| {
            c.meeting == meeting
                && c.on == on
                && matches!(&c.what, What::Cell { column: k, .. } if k == column)
        });
        if let Some(i) = last_same
            && let What::Cell { from: first, .. } = &self.history[i].what
        {
            let first = first.clone();
            if first == to {
                self.history.remove(i);
            } else {
                self.history[i].what = What::Cell {
                    column: column.into(),
                    from: first,
                    to: to.into(),
                };
            }
            return;
        }
        self.history
            .push(Change::cell(on, meeting, column, from, to));
    }

    /// Whether anything of this row was recorded as reported at review `n`.
    pub fn changed_at(&self, n: u32) -> bool {
        self.history.iter().any(|c| c.meeting.reported_at(n))
    }
}

impl Change {
    /// `column` went from `from` to `to` on day `on` in `meeting`.
    pub fn cell(on: NaiveDate, meeting: Meeting, column: &str, from: &str, to: &str) -> Change {
        Change {
            on,
            meeting,
            what: What::Cell {
                column: column.into(),
                from: from.into(),
                to: to.into(),
            },
        }
    }

    /// "By when: Thu 10 Dec 2026 → Sun 10 Jan 2027", "Status: Not started → Done",
    /// "Progress: Live since 10 December", as the row detail and the exports show it:
    /// the column's title, dates in words, an empty status as the column's default.
    pub fn describe(&self, table: &TableDef) -> String {
        match &self.what {
            What::Note { note } => format!("Progress: {note}"),
            What::Cell { column, from, to } => {
                let spec = table.column(column);
                let shown = |value: &str| match spec.map(|c| &c.kind) {
                    Some(ColumnKind::Status(_)) => {
                        super::plan::status_value(value, spec.expect("a column")).to_string()
                    }
                    Some(ColumnKind::Date) => super::dates::stored(value)
                        .map_or_else(|| value.to_string(), super::dates::long),
                    _ => value.to_string(),
                };
                let (from, to) = (shown(from), shown(to));
                let or_none = |v: String| if v.is_empty() { "—".to_string() } else { v };
                let title = spec.map_or(column.as_str(), |c| c.title.as_str());
                format!("{title}: {} → {}", or_none(from), or_none(to))
            }
        }
    }

    /// "Sat 19 Dec 2026, review 1".
    pub fn when(&self) -> String {
        format!("{}, {}", super::dates::long(self.on), self.meeting)
    }
}

/// Records in each row's history what changed between `before` and `tables` in the
/// columns a review follows (owner, date, status, KPI). In the workshop the first value
/// of a cell is the plan being written, not a change: only a value replaced is
/// recorded there. In a review every change is, a first owner or date included.
pub fn record_changes(
    template: &Template,
    before: &Tables,
    tables: &mut Tables,
    meeting: Meeting,
    on: NaiveDate,
) {
    for def in &template.tables {
        let roles = Roles::of(&def.columns);
        let followed: Vec<&str> = [roles.owner, roles.due, roles.status, roles.kpi]
            .into_iter()
            .flatten()
            .map(|i| def.columns[i].key.as_str())
            .collect();
        if followed.is_empty() {
            continue;
        }
        let old = before.rows(&def.key);
        for row in &mut tables.table_mut(&def.key).rows {
            let Some(was) = old.iter().find(|r| r.id == row.id) else {
                continue;
            };
            for &key in &followed {
                // A status that shows as the column's default ("Not started") is the
                // empty cell it stands for, so going round every value back to it is
                // no change.
                let plain = |v: &str| match roles.status.map(|i| &def.columns[i]) {
                    Some(c) if c.key == key && status_value(v, c) == c.default_status() => {
                        String::new()
                    }
                    _ => v.to_string(),
                };
                let (from, to) = (plain(was.cell(key)), plain(row.cell(key)));
                if from != to && (meeting != Meeting::Workshop || !from.is_empty()) {
                    row.record(meeting, on, key, &from, &to);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    #[test]
    fn meetings_read_and_write_as_words() {
        for (m, text) in [
            (Meeting::Workshop, "\"workshop\""),
            (Meeting::Review(2), "\"review 2\""),
            (Meeting::After(3), "\"after review 3\""),
        ] {
            assert_eq!(serde_json::to_string(&m).unwrap(), text);
            assert_eq!(serde_json::from_str::<Meeting>(text).unwrap(), m);
        }
        assert!(serde_json::from_str::<Meeting>("\"review 0\"").is_err());
        assert!(serde_json::from_str::<Meeting>("\"lunch\"").is_err());
    }

    #[test]
    fn a_change_and_a_note_read_as_plain_json() {
        let mut row = PlanRow::new(1, None, &[]);
        row.record(Meeting::Review(1), day(19), "status", "", "In progress");
        row.set_note(Meeting::Review(1), day(19), "Form is live".into());
        let json = serde_json::to_value(&row.history).unwrap();
        assert_eq!(
            json,
            serde_json::json!([
                { "on": "2026-12-19", "in": "review 1", "column": "status", "to": "In progress" },
                { "on": "2026-12-19", "in": "review 1", "note": "Form is live" }
            ])
        );
        let back: Vec<Change> = serde_json::from_value(json).unwrap();
        assert_eq!(back, row.history);
    }

    #[test]
    fn pressing_twice_is_one_change_and_back_again_is_none() {
        let mut row = PlanRow::new(1, None, &[]);
        row.record(Meeting::Review(1), day(19), "status", "", "In progress");
        row.record(Meeting::Review(1), day(19), "status", "In progress", "Done");
        assert_eq!(row.history.len(), 1);
        assert!(
            matches!(&row.history[0].what, What::Cell { from, to, .. } if from.is_empty() && to == "Done")
        );
        row.record(Meeting::Review(1), day(19), "status", "Done", "");
        assert!(row.history.is_empty());
    }

    #[test]
    fn one_note_per_meeting() {
        let mut row = PlanRow::new(1, None, &[]);
        row.set_note(Meeting::Review(1), day(19), "Started".into());
        row.set_note(Meeting::Review(1), day(19), "Started, form drafted".into());
        row.set_note(Meeting::Review(2), day(20), "Live".into());
        assert_eq!(
            row.note_in(Meeting::Review(1)),
            Some("Started, form drafted")
        );
        assert_eq!(row.history.len(), 2);
        row.set_note(Meeting::Review(2), day(20), String::new());
        assert_eq!(row.note_in(Meeting::Review(2)), None);
    }

    #[test]
    fn progress_between_reviews_counts_at_the_next() {
        assert!(Meeting::Review(2).reported_at(2));
        assert!(Meeting::After(1).reported_at(2));
        assert!(!Meeting::Review(1).reported_at(2));
        assert!(!Meeting::Workshop.reported_at(1));
    }
}
