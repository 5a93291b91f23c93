//! The projector screen's areas: header, the room's instruction, the countdown, the
//! agenda strip, the step's activity (and where a board or summary goes in it), the
//! facilitator panel and the status line.

use crate::domain::session::Session;
use crate::domain::template::{Activity, SummarySpec};
use ratatui::layout::{Constraint, Layout, Rect};

/// Panels sit beside the activity from this width; below it they go underneath.
const SIDE_PANEL_WIDTH: u16 = 110;
/// A summary step shows its board beside the summary from this width.
const SUMMARY_SPLIT_WIDTH: u16 = 70;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Projector {
    pub header: Rect,
    pub instruction: Rect,
    pub clock: Rect,
    /// The agenda strip: one segment per step.
    pub strip: Rect,
    /// The step's activity: a briefing, a board, the table or the summary.
    pub activity: Rect,
    pub panel: Option<Rect>,
    pub status: Rect,
}

impl Projector {
    /// The facilitator's projector screen: the facilitator panel as the session says.
    pub fn new(screen: Rect, session: &Session) -> Projector {
        // Boards and the table need every row a short screen has.
        let busy = !matches!(session.current_step().activity, Activity::Briefing(_));
        let panel = session.settings.show_panel.then_some(busy);
        Projector::with(screen, &session.current_step().instruction, panel)
    }

    /// The room's screen (a mirror): never a facilitator panel.
    pub fn room(screen: Rect, instruction: &str) -> Projector {
        Projector::with(screen, instruction, None)
    }

    /// `panel`: whether a panel shows, and if so whether the step's activity is busy
    /// (a board or the table: the panel shrinks to a line on a short screen).
    fn with(screen: Rect, instruction: &str, panel: Option<bool>) -> Projector {
        // The room's instruction gets a second row only when it needs one.
        let instruction_rows = if instruction.chars().count() > usize::from(screen.width) {
            2
        } else {
            1
        };
        let [header, instruction, clock, strip, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(instruction_rows),
            Constraint::Length(clock_height(screen.height)),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(screen);
        let (activity, panel) = match panel {
            Some(busy) => split_body(body, busy),
            None => (body, None),
        };
        Projector {
            header,
            instruction,
            clock,
            strip,
            activity,
            panel,
            status,
        }
    }

    /// The step whose segment of the agenda strip is at a screen position.
    pub fn step_at(&self, steps: usize, column: u16, row: u16) -> Option<usize> {
        let strip = self.strip;
        if row != strip.y || column < strip.x || steps == 0 {
            return None;
        }
        let i = usize::from(column - strip.x) / segment_width(strip, steps);
        (i < steps).then_some(i)
    }
}

/// Rows the countdown takes at a screen height: big glyphs where there is room.
pub fn clock_height(screen_height: u16) -> u16 {
    match screen_height {
        h if h >= 52 => 16 + 1,
        h if h >= 34 => 8 + 1,
        h if h >= 18 => 4 + 1,
        _ => 1,
    }
}

/// Columns each step's segment takes in the agenda strip.
pub fn segment_width(strip: Rect, steps: usize) -> usize {
    (usize::from(strip.width) / steps.max(1)).max(4)
}

/// The panel shrinks to one line on a short screen when the activity is `busy` (`f`
/// still hides it).
fn split_body(body: Rect, busy: bool) -> (Rect, Option<Rect>) {
    if body.width >= SIDE_PANEL_WIDTH {
        let panel_width = (body.width / 3).min(60);
        let [a, p] =
            Layout::horizontal([Constraint::Min(20), Constraint::Length(panel_width)]).areas(body);
        (a, Some(p))
    } else if body.height >= 14 {
        let panel_height = if busy && body.height < 24 {
            1
        } else {
            body.height * 2 / 5
        };
        let [a, p] =
            Layout::vertical([Constraint::Min(6), Constraint::Length(panel_height)]).areas(body);
        (a, Some(p))
    } else {
        (body, None)
    }
}

/// A plenary shares its height with its board from this height; below, the board
/// takes it all (as a summary does on a narrow screen).
const PLENARY_SPLIT_HEIGHT: u16 = 14;

/// How a summary step's activity area is shared: the summary, and its board if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SummaryParts {
    pub summary: Option<Rect>,
    pub board: Option<Rect>,
}

/// The summary beside its board; a plenary (each group's plan side by side) above
/// its board, which gets the lower third: the groups' columns need the width.
pub fn summary_parts(activity: Rect, spec: &SummarySpec) -> SummaryParts {
    split_summary(activity, spec.board.is_some(), spec.plenary)
}

/// A summary's parts from plain facts: whether it has a board, and is a plenary.
pub fn split_summary(activity: Rect, board: bool, plenary: bool) -> SummaryParts {
    if !board {
        return SummaryParts {
            summary: Some(activity),
            board: None,
        };
    }
    if plenary && activity.height >= PLENARY_SPLIT_HEIGHT {
        let [s, b] = Layout::vertical([Constraint::Percentage(64), Constraint::Percentage(36)])
            .areas(activity);
        return SummaryParts {
            summary: Some(s),
            board: Some(b),
        };
    }
    if activity.width < SUMMARY_SPLIT_WIDTH {
        return SummaryParts {
            summary: None,
            board: Some(activity),
        };
    }
    let [s, b] = Layout::horizontal([Constraint::Percentage(40), Constraint::Percentage(60)])
        .areas(activity);
    SummaryParts {
        summary: Some(s),
        board: Some(b),
    }
}

/// Where the current step's board is, in the step's `activity` area, if it shows one.
pub fn board_area(activity: Rect, session: &Session) -> Option<Rect> {
    match &session.current_step().activity {
        Activity::Board(_) => Some(activity),
        Activity::Summary(spec) => summary_parts(activity, spec).board,
        _ => None,
    }
}

/// Where a plenary's groups are, in the step's `activity` area, if the step shows them.
pub fn plenary_area(activity: Rect, session: &Session) -> Option<Rect> {
    match &session.current_step().activity {
        Activity::Summary(spec) if spec.plenary => summary_parts(activity, spec).summary,
        _ => None,
    }
}

/// Where the current step's table is, in the step's `activity` area, if it shows one.
pub fn table_area(activity: Rect, session: &Session) -> Option<Rect> {
    matches!(session.current_step().activity, Activity::Table(_)).then_some(activity)
}

/// The clock alone: the step's title above it, the budget below.
pub fn zoom(screen: Rect) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(screen)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::Template;
    use chrono::{TimeZone, Utc};

    fn session() -> Session {
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        Session::new(Template::default_template(), "Test", now)
    }

    #[test]
    fn the_areas_fill_the_screen_top_to_bottom() {
        let s = session();
        for (w, h) in [(80, 24), (120, 35), (160, 48)] {
            let p = Projector::new(Rect::new(0, 0, w, h), &s);
            assert_eq!(p.header.y, 0);
            assert_eq!(p.status.bottom(), h, "the status line is the last row");
            assert_eq!(p.strip.bottom(), p.activity.y);
            assert!(p.activity.height >= 3);
        }
        let wide = Projector::new(Rect::new(0, 0, 160, 48), &s);
        let panel = wide.panel.expect("a panel at 160 columns");
        assert_eq!(panel.x, wide.activity.right(), "beside the activity");
    }

    #[test]
    fn a_click_on_the_strip_names_the_step_under_it() {
        let s = session();
        let p = Projector::new(Rect::new(0, 0, 80, 24), &s);
        let steps = s.steps().len();
        let width = segment_width(p.strip, steps) as u16;
        assert_eq!(p.step_at(steps, 0, p.strip.y), Some(0));
        assert_eq!(p.step_at(steps, width * 3 + 1, p.strip.y), Some(3));
        assert_eq!(p.step_at(steps, 79, p.strip.y), None, "past the last step");
        assert_eq!(p.step_at(steps, 5, p.strip.y + 1), None, "below the strip");
    }

    #[test]
    fn the_board_area_follows_the_step() {
        let mut s = session();
        let activity = Projector::new(Rect::new(0, 0, 120, 35), &s).activity;
        assert_eq!(board_area(activity, &s), None, "a briefing");
        s.timing.current = 2;
        assert_eq!(board_area(activity, &s), Some(activity));
        s.timing.current = 5;
        let board = board_area(activity, &s).expect("the summary's board");
        assert!(board.x > activity.x, "beside the summary");
        s.timing.current = 3;
        assert_eq!(table_area(activity, &s), Some(activity));
    }

    #[test]
    fn the_room_never_gets_a_panel() {
        let s = session();
        let screen = Rect::new(0, 0, 160, 48);
        assert!(Projector::new(screen, &s).panel.is_some());
        let room = Projector::room(screen, &s.current_step().instruction);
        assert_eq!(room.panel, None);
        assert_eq!(room.activity.width, 160);
    }
}
