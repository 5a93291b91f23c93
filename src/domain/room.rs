//! What the room sees, as one plain value made from the session: the step, the clock,
//! the agenda and the activity. The mirror draws it and the phones will be sent it as
//! JSON. Nothing meant for the facilitator alone is ever put in it: no tips, no
//! challenges or remedies, no budget, no plan check, no text being typed (it is not in
//! the session until kept), no file path.

use super::board::Board;
use super::dates;
use super::plan::{StatusTone, status_value};
use super::session::{Session, ThemeName};
use super::template::{Activity, Briefing, ColumnKind, ColumnSpec};
use super::text::{sanitize, sanitize_line};
use super::timer::Countdown;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomView {
    /// The session's title.
    pub title: String,
    pub step: RoomStep,
    pub countdown: Countdown,
    pub agenda: Vec<AgendaItem>,
    pub activity: RoomActivity,
    /// The projector theme the facilitator chose.
    pub theme: ThemeName,
}

/// The current step: "STEP 3 OF 6", its title and what the room does now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomStep {
    /// Counted from 1.
    pub number: usize,
    pub total: usize,
    pub title: String,
    pub instruction: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Done,
    Current,
    Ahead,
}

/// One step of the agenda strip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub title: String,
    /// The minutes the step has now (planned, plus or minus what was added).
    pub minutes: i64,
    pub progress: Progress,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoomActivity {
    Briefing(RoomBriefing),
    Board(RoomBoard),
    Table(RoomTable),
    Summary {
        summary: RoomSummary,
        board: Option<RoomBoard>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomBriefing {
    pub text: String,
    pub bullets: Vec<String>,
    /// The initiatives, when the step lists them (the review step).
    pub initiatives: Option<Vec<RoomInitiative>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomInitiative {
    pub name: String,
    pub description: String,
}

/// A board as the room sees it: every pane and note, nothing focused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoomBoard {
    pub board: Board,
    /// Notes a row of the plan came from ("→ plan").
    pub promoted: Vec<u64>,
    /// The newest note (pane, note): a screen too small for every note keeps it in view.
    pub latest: Option<(usize, usize)>,
}

/// The action plan as the room sees it: every initiative's rows in the order they were
/// written, cells as the table shows them, without the plan check's marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomTable {
    pub columns: Vec<String>,
    pub sections: Vec<TableSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSection {
    /// The initiative; `None` for rows of no initiative still in the session.
    pub initiative: Option<String>,
    /// One text per column, in the columns' order.
    pub rows: Vec<Vec<String>>,
}

/// What the room produced so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSummary {
    pub notes: usize,
    pub actions: usize,
    /// Each initiative and how many actions it has.
    pub initiatives: Vec<(String, usize)>,
}

impl RoomView {
    pub fn of(session: &Session, now: DateTime<Utc>) -> RoomView {
        RoomView {
            title: session.title.clone(),
            step: RoomStep::of(session),
            countdown: session.countdown(now),
            agenda: agenda(session),
            activity: activity(session),
            theme: session.settings.theme,
        }
    }
}

impl RoomStep {
    pub fn of(session: &Session) -> RoomStep {
        let step = session.current_step();
        RoomStep {
            number: session.timing.current + 1,
            total: session.steps().len(),
            title: step.title.clone(),
            instruction: step.instruction.clone(),
        }
    }
}

/// The agenda strip: each step, its minutes now, and where the room is.
pub fn agenda(session: &Session) -> Vec<AgendaItem> {
    let current = session.timing.current;
    session
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| AgendaItem {
            title: s.title.clone(),
            minutes: session.timing.allotted_ms(i, s.minutes) / 60_000,
            progress: match i.cmp(&current) {
                std::cmp::Ordering::Less => Progress::Done,
                std::cmp::Ordering::Equal => Progress::Current,
                std::cmp::Ordering::Greater => Progress::Ahead,
            },
        })
        .collect()
}

fn activity(session: &Session) -> RoomActivity {
    let board = |id: &str| session.boards.get(id).map(|b| RoomBoard::of(session, b));
    match &session.current_step().activity {
        Activity::Briefing(b) => RoomActivity::Briefing(RoomBriefing::of(b, session)),
        Activity::Board(spec) => RoomActivity::Board(
            board(&spec.board).unwrap_or_else(|| RoomBoard::of(session, &Board::default())),
        ),
        Activity::Table(_) => RoomActivity::Table(table(session)),
        Activity::Summary(spec) => RoomActivity::Summary {
            summary: RoomSummary::of(session),
            board: spec.board.as_ref().and_then(|s| board(&s.board)),
        },
    }
}

impl RoomBriefing {
    pub fn of(briefing: &Briefing, session: &Session) -> RoomBriefing {
        RoomBriefing {
            text: briefing.text.clone(),
            bullets: briefing.bullets.clone(),
            initiatives: briefing.show_initiatives.then(|| {
                session
                    .initiatives
                    .iter()
                    .map(|i| RoomInitiative {
                        name: i.name.clone(),
                        description: i.description.clone(),
                    })
                    .collect()
            }),
        }
    }
}

impl RoomBoard {
    pub fn of(session: &Session, board: &Board) -> RoomBoard {
        let ids = board
            .panes
            .iter()
            .flat_map(|p| p.notes.iter().map(|n| n.id));
        let mut promoted: Vec<u64> = session
            .plan
            .promoted_notes()
            .into_iter()
            .filter(|id| ids.clone().any(|n| n == *id))
            .collect();
        promoted.sort_unstable();
        let latest = ids.max().and_then(|id| board.locate(id));
        RoomBoard {
            board: board.clone(),
            promoted,
            latest,
        }
    }
}

fn table(session: &Session) -> RoomTable {
    let specs = &session.workshop.plan.columns;
    let order = session.column_order();
    let row_cells = |row: &super::plan::PlanRow| -> Vec<String> {
        order
            .iter()
            .map(|&c| cell_text(&specs[c], row.cell(&specs[c].key)))
            .collect()
    };
    let mut sections: Vec<TableSection> = session
        .initiatives
        .iter()
        .map(|i| TableSection {
            initiative: Some(i.name.clone()),
            rows: session.plan.rows_of(i.id).map(row_cells).collect(),
        })
        .collect();
    let orphans: Vec<Vec<String>> = session
        .plan
        .rows
        .iter()
        .filter(|r| session.initiative(r.initiative).is_none())
        .map(row_cells)
        .collect();
    if !orphans.is_empty() {
        sections.push(TableSection {
            initiative: None,
            rows: orphans,
        });
    }
    RoomTable {
        columns: order.iter().map(|&c| specs[c].title.clone()).collect(),
        sections,
    }
}

/// A cell as the table shows it: a status with its symbol ("○ Not started" when never
/// set), a date in full, text as typed.
fn cell_text(spec: &ColumnSpec, cell: &str) -> String {
    match &spec.kind {
        ColumnKind::Status(values) => {
            let value = status_value(cell, values);
            format!(
                "{} {}",
                StatusTone::of(value).symbol(),
                sanitize_line(value)
            )
        }
        ColumnKind::Date => dates::stored(cell).map_or_else(|| sanitize_line(cell), dates::long),
        _ => sanitize(cell),
    }
}

impl RoomSummary {
    pub fn of(session: &Session) -> RoomSummary {
        RoomSummary {
            notes: session.boards.values().map(|b| b.note_count()).sum(),
            actions: session.plan.rows.len(),
            initiatives: session
                .initiatives
                .iter()
                .map(|i| (i.name.clone(), session.plan.rows_of(i.id).count()))
                .collect(),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::board::Note;
    use crate::domain::plan::PlanRow;
    use crate::domain::template::{Challenge, Template};
    use chrono::TimeZone;

    fn start() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap()
    }

    /// A session whose every facilitator-only text carries a marker.
    pub(crate) fn marked_session() -> Session {
        let mut template = Template::default_template();
        template.description = "SECRET-DESCRIPTION".into();
        template.materials = vec!["SECRET-MATERIALS".into()];
        for step in &mut template.steps {
            step.tips = vec!["SECRET-TIP".into()];
            step.challenges = vec![Challenge {
                challenge: "SECRET-CHALLENGE".into(),
                remedy: "SECRET-REMEDY".into(),
            }];
        }
        let mut s = Session::new(template, "Budget 2027", start());
        let permits = s.add_initiative("Online permits", "forms on the web");
        s.add_initiative("Open data", "");
        // A row the plan check flags: no owner, no date, a vague action.
        s.plan
            .rows
            .push(PlanRow::new(90, permits, &[("action", "Improve")]));
        s.next_id = 100;
        s
    }

    /// What the facilitator alone may read about `s` at `now`: the markers, the plan
    /// check's messages and summary, and the budget's words.
    pub(crate) fn facilitator_only(s: &Session, now: DateTime<Utc>) -> Vec<String> {
        let problems = crate::domain::check::check(s, now.date_naive());
        assert!(!problems.is_empty(), "the marked session has problems");
        let budget = s.budget(now);
        let mut secret: Vec<String> = ["SECRET", "test.json", "/tmp/"].map(String::from).into();
        secret.extend(problems.iter().map(|p| p.message.clone()));
        secret.extend(crate::domain::check::summary(&problems));
        secret.push(budget.verdict());
        secret.push(format!("of {} min", budget.planned_ms / 60_000));
        secret
    }

    #[test]
    fn nothing_for_the_facilitator_alone_reaches_the_room() {
        let mut s = marked_session();
        s.timing.toggle(start());
        let now = start() + chrono::Duration::minutes(50);
        for step in 0..s.steps().len() {
            s.timing.go_to(step, start());
            let json = serde_json::to_string(&RoomView::of(&s, now)).unwrap();
            for secret in facilitator_only(&s, now) {
                assert!(
                    !json.contains(&secret),
                    "step {step} shows {secret:?}: {json}"
                );
            }
        }
    }

    #[test]
    fn the_room_sees_the_step_the_clock_and_the_agenda() {
        let mut s = marked_session();
        s.timing.toggle(start());
        s.timing.go_to(2, start());
        let view = RoomView::of(&s, start() + chrono::Duration::seconds(61));
        assert_eq!(view.step.number, 3);
        assert_eq!(view.step.total, 6);
        assert_eq!(view.step.title, s.steps()[2].title);
        assert_eq!(view.countdown.text(), "13:59");
        assert!(view.countdown.running);
        let progress: Vec<Progress> = view.agenda.iter().map(|a| a.progress).collect();
        assert_eq!(
            progress[1..4],
            [Progress::Done, Progress::Current, Progress::Ahead]
        );
        assert_eq!(view.agenda[2].minutes, 15);
    }

    #[test]
    fn the_table_shows_every_initiative_with_cells_as_read() {
        let mut s = marked_session();
        let data = s.initiatives[1].id;
        s.plan.rows.push(PlanRow::new(
            91,
            data,
            &[("action", "Publish the budget"), ("due", "2026-12-15")],
        ));
        s.timing.go_to(3, start());
        let RoomActivity::Table(table) = RoomView::of(&s, start()).activity else {
            panic!("step 4 is the table");
        };
        assert_eq!(table.columns.len(), s.workshop.plan.columns.len());
        let names: Vec<_> = table
            .sections
            .iter()
            .map(|t| t.initiative.clone())
            .collect();
        assert_eq!(
            names,
            [Some("Online permits".into()), Some("Open data".into())]
        );
        let row = &table.sections[1].rows[0];
        assert!(row.contains(&"Publish the budget".to_string()), "{row:?}");
        assert!(row.contains(&"Tue 15 Dec 2026".to_string()), "{row:?}");
        assert!(
            row.iter().any(|c| c.starts_with("○ ")),
            "a status with its symbol"
        );
    }

    #[test]
    fn a_board_keeps_its_newest_note_in_view() {
        let mut s = marked_session();
        s.timing.go_to(2, start());
        let key = s.boards["tasks"].panes[1].key.clone();
        let pane = s.boards.get_mut("tasks").unwrap();
        pane.panes[0].notes.push(Note::new(50, "first"));
        pane.panes[1].notes.push(Note::new(51, "newest"));
        pane.panes[0].notes.push(Note::new(40, "older"));
        let RoomActivity::Board(board) = RoomView::of(&s, start()).activity else {
            panic!("step 3 is a board");
        };
        assert_eq!(board.latest, Some((1, 0)), "{key}");
        assert_eq!(board.board.note_count(), 3);
    }
}
