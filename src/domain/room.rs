//! What the room sees, as one plain value made from the session: the step, the clock,
//! the agenda and the activity. The mirror draws it and the phones will be sent it as
//! JSON. Nothing meant for the facilitator alone is ever put in it: no tips, no
//! challenges or remedies, no budget, no plan check, no text being typed (it is not in
//! the session until kept), no file path.

use super::board::Board;
use super::dates;
use super::groups::Groups;
use super::plan::{PlanRow, StatusTone, status_value};
use super::session::{Session, ThemeName};
use super::template::{Activity, Briefing, ColumnKind, ColumnSpec, Per, SummarySpec};
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
    Groups(RoomGroups),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomBriefing {
    pub text: String,
    pub bullets: Vec<String>,
    /// The initiatives, when the step lists them (the review step).
    pub initiatives: Option<Vec<RoomInitiative>>,
    /// The session's fields the step shows, as written so far.
    pub fields: Vec<RoomField>,
}

/// A session field: its title and what the room wrote ("" while empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomField {
    pub title: String,
    pub text: String,
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
    /// Notes a row came from, and the title of its table ("→ Action plan").
    pub promoted: std::collections::BTreeMap<u64, String>,
    /// The newest note (pane, note): a screen too small for every note keeps it in view.
    pub latest: Option<(usize, usize)>,
}

/// The step's table as the room sees it: each initiative's rows (or the session's) in
/// the order they were written, cells as the table shows them, without the plan
/// check's marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomTable {
    pub title: String,
    pub columns: Vec<String>,
    pub sections: Vec<TableSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableSection {
    /// The initiative; `None` for a table of the whole session.
    pub title: Option<String>,
    /// One text per column, in the columns' order.
    pub rows: Vec<Vec<String>>,
}

/// What the room produced so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomSummary {
    pub fields: Vec<RoomField>,
    /// How many initiatives, when the workshop plans for any.
    pub initiatives: Option<usize>,
    pub notes: usize,
    /// Each table's rows, counted in its words: "3 commitments in Commitments".
    pub tables: Vec<String>,
    /// Each initiative and its rows of the plan, counted in the plan's words.
    pub plans: Vec<(String, String)>,
    /// The groups, on a plenary.
    pub groups: Option<RoomGroups>,
}

/// The groups the room formed: the count-off, and each group's work and people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomGroups {
    pub headline: String,
    pub groups: Vec<RoomGroup>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomGroup {
    /// 1-based, as the room counts.
    pub number: u32,
    /// The initiative or table it works on ("" while none is given).
    pub work: String,
    pub members: Vec<String>,
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
            number: session.clock().current + 1,
            total: session.steps().len(),
            title: step.title.clone(),
            instruction: step.instruction.clone(),
        }
    }
}

/// The agenda strip: each step, its minutes now, and where the room is.
pub fn agenda(session: &Session) -> Vec<AgendaItem> {
    let current = session.clock().current;
    session
        .steps()
        .iter()
        .enumerate()
        .map(|(i, s)| AgendaItem {
            title: s.title.clone(),
            minutes: session.clock().allotted_ms(i, s.minutes) / 60_000,
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
            summary: RoomSummary::of(session, spec),
            board: spec.board.as_ref().and_then(|s| board(&s.board)),
        },
        Activity::Groups(_) => RoomActivity::Groups(RoomGroups::of(session)),
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
            fields: fields(session, &briefing.fields),
        }
    }
}

/// What group `group` works on: its initiative's name or its table's title.
pub fn group_work(session: &Session, groups: &Groups, group: u32) -> Option<String> {
    let work = groups.work_of(group);
    work.and_then(|w| w.initiative)
        .and_then(|id| session.initiative(id))
        .map(|i| i.name.clone())
        .or_else(|| {
            work.and_then(|w| w.table.as_deref())
                .and_then(|k| session.workshop.table(k))
                .map(|t| t.title.clone())
        })
}

fn fields(session: &Session, keys: &[String]) -> Vec<RoomField> {
    keys.iter()
        .filter_map(|k| session.workshop.field(k))
        .map(|f| RoomField {
            title: f.title.clone(),
            text: sanitize(session.field(&f.key)),
        })
        .collect()
}

impl RoomGroups {
    pub fn of(session: &Session) -> RoomGroups {
        let Some(groups) = &session.groups else {
            return RoomGroups {
                headline: String::new(),
                groups: Vec::new(),
            };
        };
        let n = groups.count;
        let headline = match groups.participants.len() {
            0 => format!(
                "Count off around the room: 1, 2 … {n}, then 1 again. Gather by your number."
            ),
            people => format!(
                "{n} groups, formed {} · {people} people",
                groups.method.formed()
            ),
        };
        RoomGroups {
            headline,
            groups: (1..=n)
                .map(|g| RoomGroup {
                    number: g,
                    work: group_work(session, groups, g).unwrap_or_default(),
                    members: groups.members_of(g).to_vec(),
                })
                .collect(),
        }
    }
}

impl RoomBoard {
    pub fn of(session: &Session, board: &Board) -> RoomBoard {
        let ids = board
            .panes
            .iter()
            .flat_map(|p| p.notes.iter().map(|n| n.id));
        let promoted = session
            .promoted_to()
            .into_iter()
            .filter(|(id, _)| ids.clone().any(|n| n == *id))
            .map(|(id, table)| (id, table.to_string()))
            .collect();
        let latest = ids.max().and_then(|id| board.locate(id));
        // Who spent which dot, and notes not yet accepted, stay with the facilitator.
        let board = Board {
            panes: board.panes.clone(),
            ..Board::default()
        };
        RoomBoard {
            board,
            promoted,
            latest,
        }
    }
}

fn table(session: &Session) -> RoomTable {
    let def = session.step_table();
    let order = session.column_order();
    let specs = &def.columns;
    let rows = session.tables.rows(&def.key);
    let cells = |row: &PlanRow| -> Vec<String> {
        order
            .iter()
            .map(|&c| cell_text(&specs[c], row.cell(&specs[c].key)))
            .collect()
    };
    let section = |title: Option<String>, keep: &dyn Fn(&PlanRow) -> bool| TableSection {
        title,
        rows: rows.iter().filter(|r| keep(r)).map(cells).collect(),
    };
    let sections = if def.per == Per::Session {
        vec![section(None, &|_| true)]
    } else {
        let mut sections: Vec<TableSection> = session
            .initiatives
            .iter()
            .map(|i| section(Some(i.name.clone()), &|r| r.initiative == Some(i.id)))
            .collect();
        let orphan = |r: &PlanRow| r.initiative.and_then(|id| session.initiative(id)).is_none();
        if rows.iter().any(orphan) {
            sections.push(section(Some("Other rows".into()), &orphan));
        }
        sections
    };
    RoomTable {
        title: def.title.clone(),
        columns: order.iter().map(|&c| specs[c].title.clone()).collect(),
        sections,
    }
}

/// A cell as the table shows it: a status with its symbol ("○ Not started" when never
/// set), a date in full, text as typed.
fn cell_text(spec: &ColumnSpec, cell: &str) -> String {
    match &spec.kind {
        ColumnKind::Status(_) => {
            let value = status_value(cell, spec);
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
    pub fn of(session: &Session, spec: &SummarySpec) -> RoomSummary {
        let workshop = &session.workshop;
        let plan = workshop.plan();
        RoomSummary {
            fields: fields(session, &spec.fields),
            initiatives: (workshop.uses_initiatives() || !session.initiatives.is_empty())
                .then_some(session.initiatives.len()),
            notes: session.boards.values().map(|b| b.note_count()).sum(),
            tables: workshop
                .tables
                .iter()
                .map(|t| {
                    let n = session.tables.rows(&t.key).len();
                    format!("{} in {}", t.count(n), t.title)
                })
                .collect(),
            plans: session
                .initiatives
                .iter()
                .map(|i| {
                    (
                        i.name.clone(),
                        plan.count(session.plan().rows_of(i.id).count()),
                    )
                })
                .collect(),
            groups: spec.plenary.then(|| RoomGroups::of(session)),
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
        s.plan_mut()
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
        secret.extend(crate::domain::check::summary(&problems, &s.workshop));
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
        s.plan_mut().rows.push(PlanRow::new(
            91,
            data,
            &[("action", "Publish the budget"), ("due", "2026-12-15")],
        ));
        s.timing.go_to(3, start());
        let RoomActivity::Table(table) = RoomView::of(&s, start()).activity else {
            panic!("step 4 is the table");
        };
        assert_eq!(table.columns.len(), s.workshop.plan().columns.len());
        let names: Vec<_> = table.sections.iter().map(|t| t.title.clone()).collect();
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

    #[test]
    fn the_room_sees_the_groups_count_off_and_each_groups_work() {
        let template = crate::domain::template::Template::built_in("un-desa-action-planning")
            .expect("a built-in template with groups");
        let step = template
            .steps
            .iter()
            .position(|s| matches!(s.activity, Activity::Groups(_)))
            .expect("a groups step");
        let mut s = Session::new(template, "Groups", start());
        s.add_initiative("Online permits", "");
        s.timing.go_to(step, start());
        let spec = match &s.current_step().activity {
            Activity::Groups(g) => g.clone(),
            _ => unreachable!(),
        };
        let ids: Vec<u64> = s.initiatives.iter().map(|i| i.id).collect();
        s.groups = Some(crate::domain::groups::Groups::new(
            spec.count,
            7,
            &s.workshop,
            spec.work,
            &ids,
        ));
        let RoomActivity::Groups(groups) = RoomView::of(&s, start()).activity else {
            panic!("the groups step")
        };
        assert!(
            groups.headline.starts_with("Count off"),
            "{}",
            groups.headline
        );
        assert_eq!(groups.groups.len(), spec.count as usize);
        assert_eq!(groups.groups[0].work, "Online permits");
    }
}
