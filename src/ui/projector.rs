//! The projector screen: the step, the countdown, the agenda strip, the activity.

use super::theme::Theme;
use super::{activity, countdown, panel};
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::text::shorten;
use crate::layout::projector::{Projector, segment_width, zoom};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let countdown = session.countdown(app.now());
    let areas = Projector::new(area, session);
    let room_text = &session.current_step().instruction;

    render_header(frame, areas.header, app, theme);
    frame.render_widget(
        Paragraph::new(Span::styled(room_text.as_str(), theme.title()))
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::Alignment::Center),
        areas.instruction,
    );
    countdown::render(frame, areas.clock, &countdown, &start_key(app), theme);
    render_strip(frame, areas.strip, app, theme);
    activity::render(frame, areas.activity, app, theme);
    if let Some(panel_area) = areas.panel {
        panel::render(frame, panel_area, app, theme);
    }
    render_status(frame, areas.status, app, theme);
}

fn render_header(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let n = session.timing.current + 1;
    let total = session.steps().len();
    let step = session.current_step();
    let left = format!(" STEP {n} OF {total} ");
    let width = area.width as usize;
    let title = shorten(&step.title, width.saturating_sub(left.len() + 2));
    let used = left.len() + 1 + title.chars().count();
    let mut spans = vec![
        Span::styled(left, theme.accent().add_modifier(Modifier::REVERSED)),
        Span::styled(format!(" {title}"), theme.title()),
    ];
    // The session's title only where it leaves the step's title whole.
    let room = width.saturating_sub(used + 4);
    if room >= 12 {
        let session_title = shorten(&session.title, room.min(40));
        let pad = width - used - session_title.chars().count() - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(session_title, theme.muted()));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// One segment per step: ✓ done, ▶ current, then the ones to come, sized to fit.
fn render_strip(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let current = session.timing.current;
    let steps = session.steps();
    let width = segment_width(area, steps.len());
    let spans: Vec<Span> = steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let (mark, style) = match i.cmp(&current) {
                std::cmp::Ordering::Less => ("✓", theme.muted()),
                std::cmp::Ordering::Equal => ("▶", theme.selected()),
                std::cmp::Ordering::Greater => (" ", theme.base()),
            };
            let minutes = session.timing.allotted_ms(i, step.minutes) / 60_000;
            let text = format!("{mark}{} {} {minutes}'", i + 1, step.title);
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

fn render_status(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let budget = app.session.budget(app.now());
    let mut right = format!(
        "Workshop {} of {} min · {}",
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
    let left = match (&app.status, &app.save_error) {
        (_, Some(error)) => Span::styled(format!(" NOT SAVED: {error}"), theme.error()),
        (Some(status), _) if status.error => {
            Span::styled(format!(" {}", status.text), theme.error())
        }
        (Some(status), _) => Span::styled(format!(" {}", status.text), theme.accent()),
        (None, None) => Span::styled(" ", theme.muted()),
    };
    // A message the facilitator must read wins over the budget, which is also in the panel.
    let message = left.content.chars().count();
    if message + right.chars().count() > area.width as usize {
        right = format!("{}{help}", budget.verdict());
    }
    if message + right.chars().count() > area.width as usize {
        right.clear();
    }
    let right_width = right.chars().count() as u16;
    let [l, r] =
        Layout::horizontal([Constraint::Min(1), Constraint::Length(right_width)]).areas(area);
    frame.render_widget(Paragraph::new(Line::from(left)), l);
    frame.render_widget(Paragraph::new(Span::styled(right, theme.muted())), r);
}

/// The clock alone: the step's title above it, the budget below, nothing else.
pub fn render_zoom(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [header, clock, status] = zoom(area);
    render_header(frame, header, app, theme);
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
fn start_key(app: &App) -> String {
    app.keymap.first_keys(Context::Workshop, &["toggle_clock"])
}

/// Very small terminals: time, stage and step as plain text; never a panic.
pub fn render_tiny(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let countdown = session.countdown(app.now());
    let n = session.timing.current + 1;
    // The time first: on a sliver of a terminal it is what matters.
    let step = format!(
        "{n}/{} {}",
        session.steps().len(),
        session.current_step().title
    );
    let state = if countdown.running {
        "running"
    } else {
        "paused"
    };
    let stage = format!("{} {}", countdown.stage.symbol(), countdown.stage.label());
    let lines = vec![
        Line::from(Span::styled(countdown.text(), theme.stage(countdown.stage))),
        Line::from(Span::styled(stage, theme.stage(countdown.stage))),
        Line::from(Span::styled(step, theme.title())),
        Line::from(Span::styled(state, theme.muted())),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}
