//! The room's screen, drawn from the room's view alone (a mirror, and whatever else
//! shows the room): the projector's layout without the facilitator's panel, status
//! line, focus or hints. A notice takes the last row when something is amiss.

mod table;

use super::board::{Scene, render_scene};
use super::projector::{render_header, render_instruction, render_strip, render_tiny_clock};
use super::theme::Theme;
use super::{activity, countdown};
use crate::domain::room::{RoomActivity, RoomBoard, RoomView};
use crate::layout::board::Focus;
use crate::layout::projector::{Projector, summary_parts};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Wrap};
use std::collections::HashSet;

pub fn draw(frame: &mut Frame, room: &RoomView, notice: Option<&str>, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base());
    if crate::layout::tiny(area) {
        render_tiny_clock(frame, area, &room.countdown, &room.step, theme);
        return;
    }
    let areas = Projector::room(area, &room.step.instruction);
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
}

fn render_activity(frame: &mut Frame, area: Rect, activity: &RoomActivity, theme: &Theme) {
    match activity {
        RoomActivity::Briefing(b) => activity::render_briefing(frame, area, b, None, theme),
        RoomActivity::Board(board) => render_board(frame, area, board, theme),
        RoomActivity::Table(t) => table::render(frame, area, t, theme),
        RoomActivity::Summary { summary, board } => {
            let parts = summary_parts(area, board.is_some());
            if let Some(s) = parts.summary {
                activity::render_summary(frame, s, summary, None, theme);
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
    let promoted: HashSet<u64> = room.promoted.iter().copied().collect();
    let scene = Scene {
        board: &room.board,
        focus: Focus {
            pane,
            note: Some(note),
            scroll: &scroll,
        },
        focused: None,
        promoted: &promoted,
        add_key: String::new(),
    };
    render_scene(frame, area, &scene, theme);
}
