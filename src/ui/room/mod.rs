//! The room's screen, drawn from the room's view alone (a mirror, and whatever else
//! shows the room): the projector's layout without the facilitator's panel, status
//! line, focus or hints. A notice takes the last row when something is amiss.

mod activity;
mod table;

use super::board::{Scene, render_scene};
use super::countdown;
use super::projector::{render_header, render_instruction, render_strip, render_tiny_clock};
use super::theme::Theme;
use crate::domain::room::{RoomActivity, RoomBoard, RoomView};
use crate::domain::share::Joining;
use crate::layout::board::Focus;
use crate::layout::projector::{ClockShare, Projector, split_summary};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use std::collections::HashMap;

/// `joining`: what the facilitator shares with phones (the join panel, or its badge).
pub fn draw(
    frame: &mut Frame,
    room: &RoomView,
    notice: Option<&str>,
    joining: Option<&Joining>,
    theme: &Theme,
) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base());
    if crate::layout::tiny(area) {
        render_tiny_clock(frame, area, &room.countdown, &room.step, theme);
        return;
    }
    let clock = match room.activity {
        RoomActivity::Briefing(_) => ClockShare::BRIEFING,
        RoomActivity::Summary { .. } => ClockShare::SUMMARY,
        RoomActivity::Board(_) | RoomActivity::Table(_) | RoomActivity::Groups(_) => {
            ClockShare::Small
        }
    };
    let areas = Projector::room(area, &room.step.instruction, clock);
    render_header(frame, areas.header, &room.step, &room.title, theme);
    render_instruction(frame, areas.instruction, &room.step.instruction, theme);
    countdown::render(frame, areas.clock, &room.countdown, "", theme);
    render_strip(frame, areas.strip, &room.agenda, theme);
    render_activity(frame, areas.activity, &room.activity, theme);
    if let Some(notice) = notice {
        frame.render_widget(
            Paragraph::new(Span::styled(format!(" {notice}"), theme.accent()))
                .wrap(Wrap { trim: true }),
            areas.status,
        );
    }
    if let Some(joining) = joining {
        super::share::render_joining(frame, area, joining, "", theme);
    }
}

fn render_activity(frame: &mut Frame, area: Rect, activity: &RoomActivity, theme: &Theme) {
    match activity {
        RoomActivity::Briefing(b) => activity::render_briefing(frame, area, b, theme),
        RoomActivity::Board(board) => render_board(frame, area, board, theme),
        RoomActivity::Table(t) => table::render(frame, area, t, theme),
        RoomActivity::Groups(groups) => activity::render_groups(frame, area, groups, theme),
        RoomActivity::Summary { summary, board } => {
            let parts = split_summary(area, board.is_some(), summary.groups.is_some());
            if let Some(s) = parts.summary {
                activity::render_summary(frame, s, summary, theme);
            }
            if let (Some(area), Some(board)) = (parts.board, board) {
                render_board(frame, area, board, theme);
            }
        }
    }
}

/// Every pane shows its newest notes (the newest of all keeps its page in view);
/// nothing is focused.
fn render_board(frame: &mut Frame, area: Rect, room: &RoomBoard, theme: &Theme) {
    let (pane, note) = room.latest.unwrap_or((0, 0));
    let scroll = vec![u32::MAX; room.board.panes.len()];
    let promoted: HashMap<u64, &str> = room
        .promoted
        .iter()
        .map(|(id, table)| (*id, table.as_str()))
        .collect();
    let scene = Scene {
        board: &room.board,
        focus: Focus {
            pane,
            note: Some(note),
            scroll: &scroll,
            compact: false,
        },
        focused: None,
        promoted: &promoted,
        add_key: String::new(),
    };
    render_scene(frame, area, &scene, theme);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::room::tests::{facilitator_only, marked_session};
    use crate::ui::theme::Theme;
    use chrono::TimeZone;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn text(buf: &ratatui::buffer::Buffer) -> String {
        let area = buf.area;
        (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn the_rooms_screen_never_shows_what_the_facilitator_alone_may_read() {
        let start = chrono::Utc.with_ymd_and_hms(2026, 11, 21, 9, 0, 0).unwrap();
        let now = start + chrono::Duration::minutes(50);
        let mut s = marked_session();
        s.timing.toggle(start);
        let theme = Theme::new(s.settings.theme, true);
        for step in 0..s.steps().len() {
            s.timing.go_to(step, start);
            let room = RoomView::of(&s, now);
            for (w, h) in [(80, 24), (120, 35), (160, 48)] {
                let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
                terminal
                    .draw(|f| draw(f, &room, Some("Waiting for the facilitator"), None, &theme))
                    .unwrap();
                let screen = text(terminal.backend().buffer());
                assert!(screen.contains(&room.step.title[..10]), "{screen}");
                for secret in facilitator_only(&s, now) {
                    assert!(
                        !screen.contains(&secret),
                        "step {step} at {w}x{h} shows {secret:?}:\n{screen}"
                    );
                }
            }
        }
    }
}
