//! A workshop session: its own copy of the agenda, the initiatives, the timing, the
//! boards and the plan. This is what the JSON file holds.

use super::board::Board;
use super::groups::Groups;
use super::plan::Plan;
use super::review::Review;
use super::tables::Tables;
use super::template::{Activity, PaneSource, StepSpec, TableDef, Template};
use super::timer::{Countdown, Timing};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Bumped when the file format changes in a way older versions cannot read. Files of
/// an older schema are upgraded in memory as they are read (`migrate`).
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub schema_version: u32,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub saved_at: DateTime<Utc>,
    /// The agenda, copied from the template so the file stands on its own.
    pub workshop: Template,
    pub initiatives: Vec<Initiative>,
    pub timing: Timing,
    /// Boards by the id their steps give them.
    #[serde(default)]
    pub boards: BTreeMap<String, Board>,
    /// Rows of every table, by the table's key.
    #[serde(default)]
    pub tables: Tables,
    /// The session's short texts (objective, vision), by the template's field keys.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, String>,
    /// The groups the room formed, once a groups step has been reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Groups>,
    #[serde(default)]
    pub settings: Settings,
    /// The review meetings held since the workshop, in order (review 1 first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// The agenda reviews run on, copied from its template at the first review so the
    /// file stands on its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_agenda: Option<Template>,
    /// The review being run (its index in `reviews`); none while the workshop shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_review: Option<usize>,
    /// When the plan is next reviewed: an ISO date, or the text as typed when it is
    /// not a date (kept and flagged, as in the table).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub next_review: String,
    /// Who must be told: the people of the plan, their role and contacts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roster: Vec<super::roster::Person>,
    /// The next id to hand out to an initiative, note or row.
    pub next_id: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: u64,
    pub name: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Ring the terminal bell when a step's time runs out.
    #[serde(default)]
    pub bell: bool,
    #[serde(default)]
    pub theme: ThemeName,
    #[serde(default = "yes")]
    pub show_panel: bool,
    /// The facilitator's screen is a console while a mirror shows the room's screen.
    /// Written once chosen, so files of sessions that never used it stay as they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub console: bool,
    /// How phones take part when the session is shared (written once changed).
    #[serde(default, skip_serializing_if = "ShareSettings::is_default")]
    pub share: ShareSettings,
}

fn yes() -> bool {
    true
}

/// Sharing's settings, kept with the session: the room's dots and the inbox.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareSettings {
    /// Dots each participant may spend on a board from their phone, as the facilitator
    /// set them; without, the board's template says, else `DOTS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dots: Option<u32>,
    /// Notes from phones wait for the facilitator to accept them.
    #[serde(default)]
    pub inbox: bool,
}

/// Dots each participant has on a board when nobody said otherwise.
pub const DOTS: u32 = 3;

impl ShareSettings {
    fn is_default(&self) -> bool {
        *self == ShareSettings::default()
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            bell: false,
            theme: ThemeName::Light,
            show_panel: true,
            console: false,
            share: ShareSettings::default(),
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeName {
    /// Dark text on white: survives a washed-out projector.
    #[default]
    Light,
    Dark,
}

/// The whole workshop's time budget at a moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub planned_ms: i64,
    pub elapsed_ms: i64,
    /// Positive when the room is behind schedule.
    pub behind_ms: i64,
    pub projected_end: Option<DateTime<Utc>>,
    pub steps: Vec<StepBudget>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepBudget {
    pub planned_ms: i64,
    pub allotted_ms: i64,
    pub spent_ms: i64,
}

impl Budget {
    /// "on schedule", "3 min behind", "2 min ahead": whole minutes, so it reads at a
    /// glance and does not flicker every second.
    pub fn verdict(&self) -> String {
        let minutes = self.behind_ms / 60_000;
        match minutes {
            0 => "on schedule".to_string(),
            m if m > 0 => format!("{m} min behind"),
            m => format!("{} min ahead", -m),
        }
    }
}

impl Session {
    pub fn new(template: Template, title: &str, now: DateTime<Utc>) -> Session {
        let steps = template.steps.len();
        let mut session = Session {
            schema_version: SCHEMA_VERSION,
            title: title.to_string(),
            created_at: now,
            saved_at: now,
            workshop: template,
            initiatives: Vec::new(),
            timing: Timing::new(steps),
            boards: BTreeMap::new(),
            tables: Tables::default(),
            fields: BTreeMap::new(),
            groups: None,
            settings: Settings::default(),
            reviews: Vec::new(),
            review_agenda: None,
            in_review: None,
            next_review: String::new(),
            roster: Vec::new(),
            next_id: 1,
        };
        session.sync_boards();
        session.tables.sync(&session.workshop);
        session
    }

    /// The title a session gets when none is given: the workshop and when it was
    /// created, in words a report heading and a calendar can show.
    pub fn default_title(template: &Template, local: chrono::NaiveDateTime) -> String {
        format!("{} {}", template.title, local.format("%Y-%m-%d %H:%M"))
    }

    pub fn new_id(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    /// Dots each participant spends from a phone on the step's board: the
    /// facilitator's number, else the board's template's, else `DOTS`.
    pub fn phone_dots(&self) -> u32 {
        let template = self.current_step().board().and_then(|b| b.dots);
        self.settings.share.dots.or(template).unwrap_or(DOTS)
    }

    pub fn steps(&self) -> &[StepSpec] {
        &self.agenda().steps
    }

    pub fn current_step(&self) -> &StepSpec {
        &self.steps()[self.clock().current]
    }

    /// The first table's rows: where notes go when a board names no other table.
    pub fn plan(&self) -> &Plan {
        static EMPTY: Plan = Plan { rows: Vec::new() };
        self.tables.get(&self.workshop.plan().key).unwrap_or(&EMPTY)
    }

    pub fn plan_mut(&mut self) -> &mut Plan {
        self.tables.table_mut(&self.workshop.plan().key)
    }

    /// The rows of the current step's table.
    pub fn step_rows(&self) -> &Plan {
        static EMPTY: Plan = Plan { rows: Vec::new() };
        self.tables.get(&self.step_table().key).unwrap_or(&EMPTY)
    }

    pub fn step_rows_mut(&mut self) -> &mut Plan {
        let key = self.step_table().key.clone();
        self.tables.table_mut(&key)
    }

    /// A session field's text; empty until typed.
    pub fn field(&self, key: &str) -> &str {
        self.fields.get(key).map_or("", String::as_str)
    }

    /// Sets a field; an empty text removes it so the file stays small.
    pub fn set_field(&mut self, key: &str, text: String) {
        if text.is_empty() {
            self.fields.remove(key);
        } else {
            self.fields.insert(key.to_string(), text);
        }
    }

    /// The initiative `id` names (a row's may be none).
    pub fn initiative(&self, id: impl Into<Option<u64>>) -> Option<&Initiative> {
        let id = id.into()?;
        self.initiatives.iter().find(|i| i.id == id)
    }

    /// The initiative a note in this pane works for: the pane's own on a board with a
    /// pane per initiative, else the first initiative (a fixed pane such as "People").
    pub fn initiative_for_pane(&self, pane_key: &str) -> Option<u64> {
        initiative_of_key(pane_key)
            .filter(|&id| self.initiative(id).is_some())
            .or_else(|| self.initiatives.first().map(|i| i.id))
    }

    /// Each promoted board note and the title of the table its row is in ("Benchmarks"):
    /// what its card and the exports say it went to.
    pub fn promoted_to(&self) -> std::collections::HashMap<u64, &str> {
        self.workshop
            .tables
            .iter()
            .flat_map(|t| {
                let rows = self.tables.rows(&t.key);
                rows.iter()
                    .filter_map(move |r| Some((r.from_note?, t.title.as_str())))
            })
            .collect()
    }

    /// The current step's table (the first table on a step that shows none).
    pub fn step_table(&self) -> &TableDef {
        match &self.current_step().activity {
            // A review's agenda knows no table of its own: it shows the plan a review
            // follows (the first table with a status and a date).
            Activity::Table(spec) if spec.table.is_none() && self.in_review.is_some() => {
                super::progress::followed_table(self).unwrap_or_else(|| self.workshop.plan())
            }
            Activity::Table(spec) => self.workshop.step_table(spec),
            _ => self.workshop.plan(),
        }
    }

    /// The step table's columns in the order the current step shows them.
    pub fn column_order(&self) -> Vec<usize> {
        let focus: &[String] = match &self.current_step().activity {
            Activity::Table(spec) => &spec.focus_columns,
            _ => &[],
        };
        let columns = &self.step_table().columns;
        if self.in_review.is_none() {
            return super::plan::column_order(columns, focus);
        }
        // A review's agenda names columns by the part they play ("owner", "due"): in
        // a plan whose columns are keyed otherwise (Planning for Success's
        // "responsible" and "date") they are found by that part.
        let roles = super::plan::Roles::of(columns);
        let focus: Vec<String> = focus
            .iter()
            .map(|key| {
                let role = match key.as_str() {
                    _ if columns.iter().any(|c| &c.key == key) => None,
                    "action" => roles.action,
                    "owner" => roles.owner,
                    "due" => roles.due,
                    "status" => roles.status,
                    "kpi" => roles.kpi,
                    _ => None,
                };
                role.map_or_else(|| key.clone(), |i| columns[i].key.clone())
            })
            .collect();
        super::plan::column_order(columns, &focus)
    }

    pub fn add_initiative(&mut self, name: &str, description: &str) -> u64 {
        let id = self.new_id();
        self.initiatives.push(Initiative {
            id,
            name: name.to_string(),
            description: description.to_string(),
        });
        self.sync_boards();
        id
    }

    /// Makes every board named by a step exist, with panes matching its source.
    pub fn sync_boards(&mut self) {
        let initiative_panes: Vec<(String, String)> = self
            .initiatives
            .iter()
            .map(|i| (initiative_key(i.id), i.name.clone()))
            .collect();
        let specs: Vec<_> = self
            .workshop
            .steps
            .iter()
            .filter_map(|s| s.board())
            .cloned()
            .collect();
        for spec in specs {
            let wanted = match &spec.panes {
                PaneSource::Initiatives if initiative_panes.is_empty() => {
                    vec![("unsorted".to_string(), "Ideas".to_string())]
                }
                PaneSource::Initiatives => initiative_panes.clone(),
                PaneSource::Fixed(names) => names.iter().map(|n| (n.clone(), n.clone())).collect(),
            };
            self.boards
                .entry(spec.board.clone())
                .or_default()
                .sync_panes(&wanted);
        }
    }

    /// After loading: repairs what a hand-edited file may have left inconsistent.
    pub fn normalize(&mut self) {
        self.timing.fit(self.workshop.steps.len());
        let review_steps = self.steps_of_reviews();
        for review in &mut self.reviews {
            review.timing.fit(review_steps);
        }
        if self.review_agenda.is_none() || self.in_review >= Some(self.reviews.len()) {
            self.in_review = None;
        }
        let max_id = self
            .initiatives
            .iter()
            .map(|i| i.id)
            .chain([self.tables.max_id()])
            .chain(
                self.boards
                    .values()
                    .flat_map(|b| b.panes.iter().flat_map(|p| p.notes.iter().map(|n| n.id))),
            )
            .max()
            .unwrap_or(0);
        self.next_id = self.next_id.max(max_id + 1);
        self.sync_boards();
        self.tables.sync(&self.workshop);
    }

    pub fn countdown(&self, now: DateTime<Utc>) -> Countdown {
        let timing = self.clock();
        let step = timing.current;
        Countdown::new(
            timing.allotted_ms(step, self.steps()[step].minutes),
            timing.spent_ms(step, now),
            timing.is_running(),
        )
    }

    pub fn budget(&self, now: DateTime<Utc>) -> Budget {
        let timing = self.clock();
        let current = timing.current;
        let steps: Vec<StepBudget> = self
            .steps()
            .iter()
            .enumerate()
            .map(|(i, s)| StepBudget {
                planned_ms: i64::from(s.minutes) * 60_000,
                allotted_ms: timing.allotted_ms(i, s.minutes),
                spent_ms: timing.spent_ms(i, now),
            })
            .collect();
        let planned_ms = steps.iter().map(|s| s.planned_ms).sum();
        let elapsed_ms = steps.iter().map(|s| s.spent_ms).sum();
        // Time still needed: what is left of the current step and of each one after it
        // (none of a step that overran; a later step visited early has used some).
        // Earlier skipped steps are not owed.
        let remaining_ms: i64 = steps[current..]
            .iter()
            .map(|s| (s.allotted_ms - s.spent_ms).max(0))
            .sum();
        let behind_ms = elapsed_ms + remaining_ms - planned_ms;
        let projected_end = timing
            .started_at()
            .map(|_| now + Duration::milliseconds(remaining_ms));
        Budget {
            planned_ms,
            elapsed_ms,
            behind_ms,
            projected_end,
            steps,
        }
    }

    /// Shares the room's lead or delay across the steps still to come, in whole
    /// minutes, so that the workshop ends on time. Each step keeps at least a minute.
    pub fn rebalance(&mut self, now: DateTime<Utc>) {
        let current = self.clock().current;
        let minutes: Vec<u32> = self.steps().iter().map(|s| s.minutes).collect();
        let later: Vec<usize> = (current + 1..minutes.len()).collect();
        if later.is_empty() {
            return;
        }
        let behind_ms = self.budget(now).behind_ms;
        let minutes_to_cut =
            behind_ms.div_euclid(60_000) + i64::from(behind_ms.rem_euclid(60_000) > 0);
        let allotted: Vec<i64> = later
            .iter()
            .map(|&i| self.clock().allotted_ms(i, minutes[i]) / 60_000)
            .collect();
        let shares = super::timer::rebalance_shares(minutes_to_cut, &allotted);
        let timing = self.clock_mut();
        for (k, &i) in later.iter().enumerate() {
            let planned_secs = i64::from(minutes[i]) * 60;
            let adjust = &mut timing.adjust_secs[i];
            *adjust = (*adjust - shares[k] * 60).max(60 - planned_secs);
        }
        timing.log.push(super::timer::LogEntry {
            at: now,
            step: current,
            event: super::timer::TimerEvent::Rebalance,
        });
    }
}

/// The pane key of an initiative on boards with one pane per initiative.
pub fn initiative_key(id: u64) -> String {
    format!("initiative-{id}")
}

/// The initiative a pane key points at, if it is an initiative pane.
pub fn initiative_of_key(key: &str) -> Option<u64> {
    key.strip_prefix("initiative-")?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::timer::{Clock, FakeClock, Stage};

    fn start() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-21T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    fn session() -> Session {
        Session::new(Template::default_template(), "Test", start())
    }

    #[test]
    fn the_default_title_shows_a_readable_time() {
        let local = chrono::NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(21, 36, 5)
            .unwrap();
        assert_eq!(
            Session::default_title(&Template::default_template(), local),
            "Action Planning for Implementation 2026-11-22 21:36"
        );
    }

    #[test]
    fn a_whole_45_minute_run_fast_forwarded() {
        let clock = FakeClock::new(start());
        let mut s = session();
        s.timing.toggle(clock.now());
        for step in 0..6 {
            let minutes = s.steps()[step].minutes;
            assert_eq!(s.countdown(clock.now()).text(), format!("{minutes:02}:00"));
            clock.advance(Duration::minutes(i64::from(minutes)));
            assert_eq!(s.countdown(clock.now()).text(), "00:00");
            assert_eq!(s.budget(clock.now()).behind_ms, 0, "on time at step {step}");
            if step < 5 {
                s.timing.go_to(step + 1, clock.now());
            }
        }
        let budget = s.budget(clock.now());
        assert_eq!(budget.elapsed_ms, 45 * 60_000);
        assert_eq!(budget.projected_end, Some(start() + Duration::minutes(45)));
        clock.advance(Duration::seconds(80));
        let c = s.countdown(clock.now());
        assert_eq!((c.text().as_str(), c.stage), ("+01:20", Stage::Overtime));
        assert_eq!(s.budget(clock.now()).behind_ms, 80_000);
        assert_eq!(s.budget(clock.now()).verdict(), "1 min behind");
    }

    #[test]
    fn added_minutes_extend_the_step_and_the_projected_end() {
        let clock = FakeClock::new(start());
        let mut s = session();
        s.timing.toggle(clock.now());
        s.timing.adjust(60, 300, clock.now());
        assert_eq!(s.countdown(clock.now()).text(), "06:00");
        assert_eq!(s.budget(clock.now()).behind_ms, 60_000);
        assert_eq!(
            s.budget(clock.now()).projected_end,
            Some(start() + Duration::minutes(46))
        );
    }

    #[test]
    fn reopening_seven_minutes_later_resumes_where_real_time_is() {
        let clock = FakeClock::new(start());
        let mut s = session();
        s.timing.toggle(clock.now());
        clock.advance(Duration::minutes(2));
        let json = serde_json::to_string(&s).unwrap();
        clock.advance(Duration::minutes(7));
        let reopened: Session = serde_json::from_str(&json).unwrap();
        let c = reopened.countdown(clock.now());
        assert_eq!(c.text(), "+04:00", "5 minutes planned, 9 gone");
        assert!(c.running);
    }

    #[test]
    fn going_back_a_step_does_not_change_how_late_the_room_is() {
        let clock = FakeClock::new(start());
        let mut s = session();
        s.timing.toggle(clock.now());
        clock.advance(Duration::minutes(7));
        s.timing.go_to(1, clock.now());
        clock.advance(Duration::minutes(2));
        let at_step_2 = s.budget(clock.now()).behind_ms;
        s.timing.go_to(0, clock.now());
        assert_eq!(s.budget(clock.now()).behind_ms, at_step_2);
        assert_eq!(at_step_2, 2 * 60_000);
    }

    #[test]
    fn rebalance_takes_the_delay_from_later_steps() {
        let clock = FakeClock::new(start());
        let mut s = session();
        s.timing.toggle(clock.now());
        clock.advance(Duration::minutes(9)); // step 1 planned 5: 4 minutes behind
        s.timing.go_to(1, clock.now());
        assert_eq!(s.budget(clock.now()).behind_ms, 4 * 60_000);
        s.rebalance(clock.now());
        assert_eq!(s.budget(clock.now()).behind_ms, 0);
        assert!(
            s.timing.adjust_secs[2] < 0,
            "the 15-minute step gives the most"
        );
        assert_eq!(s.timing.adjust_secs[1], 0, "the current step is untouched");
    }

    #[test]
    fn a_pane_works_for_its_initiative_or_else_the_first() {
        let mut s = session();
        assert_eq!(s.initiative_for_pane("People"), None, "no initiative yet");
        let permits = s.add_initiative("Online permits", "");
        let data = s.add_initiative("Open data portal", "");
        assert_eq!(s.initiative_for_pane(&initiative_key(data)), Some(data));
        assert_eq!(s.initiative_for_pane("People"), Some(permits));
        assert_eq!(
            s.initiative_for_pane(&initiative_key(999)),
            Some(permits),
            "a pane of a deleted initiative"
        );
    }

    #[test]
    fn boards_follow_the_initiatives() {
        let mut s = session();
        assert_eq!(s.boards["tasks"].panes[0].title, "Ideas");
        s.add_initiative("Online permits", "");
        s.add_initiative("Open data portal", "");
        let titles: Vec<_> = s.boards["tasks"]
            .panes
            .iter()
            .map(|p| p.title.as_str())
            .collect();
        assert_eq!(titles, ["Online permits", "Open data portal"]);
        assert_eq!(s.boards["resources"].panes.len(), 4);
    }
}
