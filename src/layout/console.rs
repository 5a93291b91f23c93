//! The facilitator's console, while a mirror shows the room's screen: the step's
//! header and a small countdown on top, the activity to edit, and beside it (or under
//! it on a narrow screen) the next step, the tips and challenges and the budget.

use ratatui::layout::{Constraint, Layout, Rect};

/// The side goes under the activity below this width.
const SIDE_BY_SIDE: u16 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Console {
    pub header: Rect,
    /// The countdown on one line.
    pub clock: Rect,
    pub activity: Rect,
    /// The next step and its timing.
    pub next: Rect,
    /// Tips, challenges and the budget.
    pub panel: Rect,
    pub status: Rect,
}

impl Console {
    pub fn new(screen: Rect) -> Console {
        let [header, clock, body, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(1),
        ])
        .areas(screen);
        // The next step takes two rows in a narrow column beside, one across the screen.
        let (activity, side, next_rows) = if body.width >= SIDE_BY_SIDE {
            let side = (body.width / 3).clamp(30, 60);
            let [a, s] =
                Layout::horizontal([Constraint::Min(20), Constraint::Length(side)]).areas(body);
            (a, s, 2)
        } else {
            let side = (body.height * 2 / 5).max(4);
            let [a, s] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(side)]).areas(body);
            (a, s, 1)
        };
        let [next, panel] =
            Layout::vertical([Constraint::Length(next_rows), Constraint::Min(0)]).areas(side);
        Console {
            header,
            clock,
            activity,
            next,
            panel,
            status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_activity_keeps_most_of_the_screen_and_the_side_sits_beside_or_under_it() {
        for (w, h) in [(80, 24), (120, 35), (160, 48)] {
            let c = Console::new(Rect::new(0, 0, w, h));
            assert_eq!(c.status.bottom(), h, "the status line is the last row");
            assert!(
                c.activity.area() * 2 > (w * (h - 3)).into(),
                "{w}x{h}: {c:?}"
            );
            if w >= SIDE_BY_SIDE {
                assert_eq!(c.next.x, c.activity.right(), "beside");
            } else {
                assert_eq!(c.next.y, c.activity.bottom(), "under");
            }
            assert_eq!(c.panel.y, c.next.bottom());
        }
    }
}
