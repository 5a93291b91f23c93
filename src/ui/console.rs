//! The facilitator's console, while a mirror shows the room's screen: the step with a
//! small countdown, the activity to edit, and beside it the next step and its timing,
//! the tips and challenges and the whole budget.

use super::projector::{render_header, render_status, start_key};
use super::theme::Theme;
use super::{activity, countdown, panel};
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::room::RoomStep;
use crate::layout::console::Console;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let areas = Console::new(area);
    render_header(
        frame,
        areas.header,
        &RoomStep::of(session),
        &session.title,
        theme,
    );
    let countdown = session.countdown(app.now());
    countdown::render(frame, areas.clock, &countdown, &start_key(app), theme);
    activity::render(frame, areas.activity, app, theme);
    render_next(frame, areas.next, app, theme);
    let back = app
        .keymap
        .first_keys(Context::Workshop, &["toggle_console"]);
    let title = format!(" Console ({back}: room layout) ");
    panel::render_titled(frame, areas.panel, app, &title, theme);
    render_status(frame, areas.status, app, theme);
}

/// "Next: 4 Assign owners · 10 min · from 09:40", or that this is the last step.
fn render_next(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let current = session.clock().current;
    let line = match session.steps().get(current + 1) {
        Some(next) => {
            let minutes = session.clock().allotted_ms(current + 1, next.minutes) / 60_000;
            let left = session.countdown(app.now()).remaining_ms.max(0);
            let mut spans = vec![
                Span::styled(" Next: ", theme.accent()),
                Span::styled(format!("{} {}", current + 2, next.title), theme.title()),
                Span::styled(format!(" · {minutes} min"), theme.muted()),
            ];
            if session.clock().is_running() {
                let at = app.now() + chrono::Duration::milliseconds(left);
                let at = at.with_timezone(&app.offset).format("%H:%M");
                spans.push(Span::styled(format!(" · from {at}"), theme.muted()));
            }
            Line::from(spans)
        }
        None => Line::from(Span::styled(" This is the last step", theme.accent())),
    };
    frame.render_widget(Paragraph::new(line).wrap(Wrap { trim: true }), area);
}
