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
        let activity = &session.current_step().activity;
        // Boards and the table need every row a short screen has.
        let busy = !matches!(activity, Activity::Briefing(_));
        let panel = session.settings.show_panel.then_some(busy);
        let clock = ClockShare::of(activity);
        Projector::with(screen, &session.current_step().instruction, panel, clock)
    }

    /// The room's screen (a mirror): never a facilitator panel.
    pub fn room(screen: Rect, instruction: &str, clock: ClockShare) -> Projector {
        Projector::with(screen, instruction, None, clock)
    }

    /// `panel`: whether a panel shows, and if so whether the step's activity is busy
    /// (a board or the table: the panel shrinks to a line on a short screen).
    fn with(screen: Rect, instruction: &str, panel: Option<bool>, clock: ClockShare) -> Projector {
        // The room's instruction gets a second row only when it needs one.
        let instruction_rows = if instruction.chars().count() > usize::from(screen.width) {
            2
        } else {
            1
        };
        let [header, instruction, clock, strip, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(instruction_rows),
            Constraint::Length(clock_height(screen, instruction_rows, clock)),
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

/// How much of the screen the countdown may take: the step's activity decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockShare {
    /// A briefing or a summary leaves room: the clock grows into what is left of
    /// the screen when the activity has `body` rows.
    Large { body: u16 },
    /// A board, the table or the groups need the rows: a sixth of the height.
    Small,
}

impl ClockShare {
    /// A briefing's text, or a panel under it.
    pub const BRIEFING: ClockShare = ClockShare::Large { body: 14 };
    /// The summary's counts and its plan check's lines.
    pub const SUMMARY: ClockShare = ClockShare::Large { body: 22 };

    pub fn of(activity: &Activity) -> ClockShare {
        match activity {
            Activity::Briefing(_) => ClockShare::BRIEFING,
            Activity::Summary(_) => ClockShare::SUMMARY,
            Activity::Board(_) | Activity::Table(_) | Activity::Groups(_) => ClockShare::Small,
        }
    }
}

/// Characters the layout sizes the digits for: "+01:20" in overtime, so the clock
/// keeps its size when time runs out.
const CLOCK_CHARS: u16 = 6;

/// Rows the countdown takes (its digits and the label under them): never under a
/// sixth of the screen's height for its digits, and on a briefing or summary up to
/// two fifths of it, as far as the screen's width allows; one line on a short screen.
pub fn clock_height(screen: Rect, instruction_rows: u16, share: ClockShare) -> u16 {
    if screen.height < 18 {
        return 1;
    }
    let small = screen.height.div_ceil(6).next_multiple_of(QUADRANT_ROWS);
    let digits = match share {
        ClockShare::Small => small,
        ClockShare::Large { body } => {
            // Header, instruction, agenda strip, status line and the label.
            let others = 4 + instruction_rows;
            let left = screen.height.saturating_sub(others + body);
            (screen.height * 2 / 5).min(left).max(small)
        }
    };
    let wide = Rect::new(0, 0, screen.width, digits + 1);
    digits_size(wide, CLOCK_CHARS).map_or(1, |(rows, _)| rows + 1)
}

/// The digits' rows and width in `area` for `chars` characters, leaving a row for
/// the label: as tall as the area allows in steps of 4 rows (each pixel of the 8x8
/// font then takes the same number of half rows) and 8 columns (the same number of
/// columns); the Quadrant font at 4 rows; `None` where not even that fits (the clock
/// goes on one line).
pub fn digits_size(area: Rect, chars: u16) -> Option<(u16, u16)> {
    let rows = area.height.checked_sub(1)? / QUADRANT_ROWS * QUADRANT_ROWS;
    (QUADRANT_ROWS..=rows)
        .rev()
        .step_by(usize::from(QUADRANT_ROWS))
        .map(|r| {
            let per_char = if r == QUADRANT_ROWS { 4 } else { r / 8 * 8 };
            (r, chars.saturating_mul(per_char))
        })
        .find(|&(_, w)| w <= area.width)
}

/// The Quadrant font's height: 8 pixels in 4 rows, exactly.
pub const QUADRANT_ROWS: u16 = 4;

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
        let room = Projector::room(screen, &s.current_step().instruction, ClockShare::BRIEFING);
        assert_eq!(room.panel, None);
        assert_eq!(room.activity.width, 160);
    }

    #[test]
    fn the_clock_grows_with_the_screen_and_the_room_the_step_leaves() {
        let mut s = session();
        for (w, h) in [(80, 24), (100, 32), (120, 35), (160, 48), (200, 60)] {
            let screen = Rect::new(0, 0, w, h);
            s.timing.current = 0;
            let briefing = Projector::new(screen, &s).clock.height;
            for step in [2, 3, 4] {
                s.timing.current = step;
                let busy = Projector::new(screen, &s).clock.height;
                // The digits (all but the label's row) are a sixth of the height at least.
                assert!((busy - 1) * 6 >= h, "{w}x{h}, step {step}: {busy} rows");
                assert!(
                    briefing >= busy,
                    "{w}x{h}: a briefing's clock is no smaller"
                );
            }
            s.timing.current = 5;
            let summary = Projector::new(screen, &s);
            assert!(
                summary.clock.height >= 9.min(briefing),
                "{w}x{h}: a summary's too"
            );
            // Its counts and plan check keep their rows first.
            assert!(summary.activity.height >= 22.min(h - 14), "{w}x{h}");
        }
        s.timing.current = 0;
        let big = Projector::new(Rect::new(0, 0, 160, 48), &s).clock.height;
        let mid = Projector::new(Rect::new(0, 0, 120, 35), &s).clock.height;
        assert!(
            big > mid && big >= 48 / 3,
            "bigger on a bigger screen: {big} vs {mid}"
        );
    }
}
