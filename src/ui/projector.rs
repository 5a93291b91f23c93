//! The projector screen: the step, the countdown, the agenda strip, the activity.

use super::theme::Theme;
use super::{activity, countdown, panel};
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::room::{self, AgendaItem, Progress, RoomStep};
use crate::domain::text::shorten;
use crate::domain::timer::Countdown;
use crate::layout::projector::{Projector, segment_width, zoom};
use crate::layout::text::shorten_to_width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let countdown = session.countdown(app.now());
    let areas = Projector::new(area, session);
    let step = RoomStep::of(session);

    render_header(frame, areas.header, &step, &session.title, theme);
    render_instruction(frame, areas.instruction, &step.instruction, theme);
    countdown::render(frame, areas.clock, &countdown, &start_key(app), theme);
    render_strip(frame, areas.strip, &room::agenda(session), theme);
    activity::render(frame, areas.activity, app, theme);
    if let Some(panel_area) = areas.panel {
        panel::render(frame, panel_area, app, theme);
    }
    render_status(frame, areas.status, app, theme);
}

/// What the room does now, centred under the header.
pub(super) fn render_instruction(frame: &mut Frame, area: Rect, text: &str, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(Span::styled(text, theme.title()))
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::Alignment::Center),
        area,
    );
}

/// " STEP 3 OF 6  Define tasks" and, where it fits, the session's title.
pub(super) fn render_header(
    frame: &mut Frame,
    area: Rect,
    step: &RoomStep,
    session_title: &str,
    theme: &Theme,
) {
    let left = format!(" STEP {} OF {} ", step.number, step.total);
    let width = area.width as usize;
    let title = shorten(&step.title, width.saturating_sub(left.len() + 2));
    let used = left.len() + 1 + title.chars().count();
    let mut spans = vec![
        Span::styled(left, theme.accent().add_modifier(Modifier::REVERSED)),
        Span::styled(format!(" {title}"), theme.title()),
    ];
    // The session's title only where it leaves the step's title whole, in all the
    // width that is left (two blank columns before it, one after).
    let room = width.saturating_sub(used + 3);
    if room >= 12 {
        let session_title = shorten(session_title, room);
        let pad = width - used - session_title.chars().count() - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(session_title, theme.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One segment per step: ✓ done, ▶ current, then the ones to come, sized to fit.
pub(super) fn render_strip(frame: &mut Frame, area: Rect, agenda: &[AgendaItem], theme: &Theme) {
    let width = segment_width(area, agenda.len());
    let spans: Vec<Span> = agenda
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (mark, style) = match step.progress {
                Progress::Done => ("✓", theme.muted()),
                Progress::Current => ("▶", theme.selected()),
                Progress::Ahead => (" ", theme.base()),
            };
            let text = format!("{mark}{} {} {}'", i + 1, step.title, step.minutes);
            let text = shorten(&text, width - 1);
            let text = if text.chars().count() < width - 1 {
                format!("{text:<w$}", w = width - 1)
            } else {
                text
            };
            Span::styled(format!("{text}│"), style)
        })
        .collect();
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

pub(super) fn render_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let budget = app.session.budget(app.now());
    // The meeting whose budget it is: the workshop's, or review N's.
    let meeting = match app.session.meeting() {
        crate::domain::review::Meeting::Review(n) => format!("Review {n}:"),
        _ => "Workshop".to_string(),
    };
    let mut right = format!(
        "{meeting} {} of {} min · {}",
        budget.elapsed_ms / 60_000,
        budget.planned_ms / 60_000,
        budget.verdict()
    );
    if let Some(end) = budget.projected_end {
        right.push_str(&format!(
            " · ends {}",
            end.with_timezone(&app.offset).format("%H:%M")
        ));
    }
    if app.session.settings.bell {
        right.push_str(" · bell");
    }
    let help = help_hint(app);
    right.push_str(&help);
    let width = usize::from(area.width);
    let (text, style) = match (&app.status, &app.save_error) {
        (_, Some(error)) => (format!(" NOT SAVED: {error}"), theme.error()),
        (Some(status), _) if status.error => (format!(" {}", status.text), theme.error()),
        (Some(status), _) => (format!(" {}", status.text), theme.accent()),
        (None, None) => (" ".to_string(), theme.muted()),
    };
    // A message the facilitator must read wins over the budget, which is also in the
    // panel; the two never touch (one blank column at least between them).
    let message = text.width();
    if message + 1 + right.width() > width {
        right = format!("{}{help}", budget.verdict());
    }
    if message + 1 + right.width() > width {
        right.clear();
    }
    let right_width = right.width() as u16;
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    let left = Span::styled(shorten_to_width(&text, usize::from(l.width)), style);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(Span::styled(right, theme.muted())), r);
}

/// The clock alone: the step's title above it, the budget below, nothing else.
pub fn render_zoom(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [header, clock, status] = zoom(area);
    let session = &app.session;
    render_header(frame, header, &RoomStep::of(session), &session.title, theme);
    let countdown = app.session.countdown(app.now());
    countdown::render(frame, clock, &countdown, &start_key(app), theme);
    render_status(frame, status, app, theme);
}

/// " · ? help " with the user's help key (nothing if help has no key).
fn help_hint(app: &App) -> String {
    match app.keymap.first_keys(Context::Workshop, &["help"]) {
        key if key.is_empty() => " ".to_string(),
        key => format!(" · {key} help "),
    }
}

/// The key that starts the clock, for "PAUSED · Space to start".
pub(super) fn start_key(app: &App) -> String {
    app.keymap.first_keys(Context::Workshop, &["toggle_clock"])
}

/// Very small terminals: time, stage and step as plain text; never a panic.
pub fn render_tiny(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let countdown = session.countdown(app.now());
    render_tiny_clock(frame, area, &countdown, &RoomStep::of(session), theme);
}

/// The time first: on a sliver of a terminal it is what matters.
pub(super) fn render_tiny_clock(
    frame: &mut Frame,
    area: Rect,
    countdown: &Countdown,
    step: &RoomStep,
    theme: &Theme,
) {
    let title = format!("{}/{} {}", step.number, step.total, step.title);
    let state = if countdown.running {
        "running"
    } else {
        "paused"
    };
    let stage = format!("{} {}", countdown.stage.symbol(), countdown.stage.label());
    let lines = vec![
        Line::from(Span::styled(countdown.text(), theme.stage(countdown.stage))),
        Line::from(Span::styled(stage, theme.stage(countdown.stage))),
        Line::from(Span::styled(title, theme.title())),
        Line::from(Span::styled(state, theme.muted())),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::tests::app;
    use crate::app::{Action, App};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// The status line alone, `width` columns wide, as text.
    fn status_line(app: &App, width: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, 1)).unwrap();
        let theme = Theme::new(app.session.settings.theme, false);
        terminal
            .draw(|frame| render_status(frame, frame.area(), app, &theme))
            .unwrap();
        let buf = terminal.backend().buffer();
        (0..width).map(|x| buf[(x, 0)].symbol()).collect()
    }

    #[test]
    fn the_message_and_the_budget_never_touch_at_any_width() {
        let (mut app, clock) = app();
        // Ahead of time, with the bell on: the longest budget text there is.
        app.update(Action::ToggleBell);
        app.update(Action::ToggleClock);
        clock.advance(chrono::Duration::seconds(30));
        app.update(Action::NextStep);
        for width in 20..=200u16 {
            for len in 1..usize::from(width) + 2 {
                // A message that ends with a mark, to see what follows it.
                app.say(format!("{}#", "m".repeat(len - 1)));
                let line = status_line(&app, width);
                match line.find('#') {
                    Some(end) => {
                        let next = line[end + 1..].chars().next();
                        assert!(
                            next.is_none_or(|c| c == ' '),
                            "{width} columns, a {len}-column message: {line:?}"
                        );
                    }
                    None => assert!(
                        line.trim_end().ends_with('…'),
                        "{width} columns: a cut message says so: {line:?}"
                    ),
                }
            }
        }
    }
}
