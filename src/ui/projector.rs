//! The projector screen: the step, the countdown, the agenda strip, the activity.

use super::theme::Theme;
use super::{activity, countdown, panel};
use crate::app::App;
use crate::domain::template::Activity;
use crate::domain::text::shorten;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

/// Panels sit beside the activity from this width; below it they go underneath.
const SIDE_PANEL_WIDTH: u16 = 110;

/// Header, instruction, clock, strip, body and status rows of the screen.
fn areas(area: Rect, app: &App) -> [Rect; 6] {
    // The room's instruction gets a second row only when it needs one.
    let instruction = &app.session.current_step().instruction;
    let instruction_rows = if instruction.chars().count() > area.width as usize {
        2
    } else {
        1
    };
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(instruction_rows),
        Constraint::Length(countdown::height_for(area.height)),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// Where the step's activity goes on a screen of this size.
pub fn activity_area(area: Rect, app: &App) -> Rect {
    split_body(areas(area, app)[4], app).0
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let countdown = session.countdown(app.now());
    let [header, instruction, clock, strip, body, status] = areas(area, app);
    let room_text = &session.current_step().instruction;

    render_header(frame, header, app, theme);
    frame.render_widget(
        Paragraph::new(Span::styled(room_text.as_str(), theme.title()))
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::Alignment::Center),
        instruction,
    );
    countdown::render(frame, clock, &countdown, theme);
    render_strip(frame, strip, app, theme);

    let (activity_area, panel_area) = split_body(body, app);
    activity::render(frame, activity_area, app, theme);
    if let Some(panel_area) = panel_area {
        panel::render(frame, panel_area, app, theme);
    }
    render_status(frame, status, app, theme);
}

fn split_body(body: Rect, app: &App) -> (Rect, Option<Rect>) {
    if !app.session.settings.show_panel {
        return (body, None);
    }
    // Boards and the table need every row a short screen has: the panel shrinks to
    // one line there (`f` still hides it).
    let busy = !matches!(app.activity(), Activity::Briefing(_));
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

/// Columns each step's segment takes in the agenda strip.
fn segment_width(strip: Rect, steps: usize) -> usize {
    (strip.width as usize / steps).max(4)
}

/// The step whose segment of the agenda strip is at a screen position, for clicks.
pub fn step_at(screen: Rect, app: &App, column: u16, row: u16) -> Option<usize> {
    if app.zoom || screen.width < super::MIN_WIDTH || screen.height < super::MIN_HEIGHT {
        return None;
    }
    let strip = areas(screen, app)[3];
    if row != strip.y || column < strip.x {
        return None;
    }
    let steps = app.session.steps().len();
    let i = usize::from(column - strip.x) / segment_width(strip, steps);
    (i < steps).then_some(i)
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
    right.push_str(" · ? help ");
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
        right = format!("{} · ? help ", budget.verdict());
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
    let [header, clock, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    render_header(frame, header, app, theme);
    countdown::render(frame, clock, &app.session.countdown(app.now()), theme);
    render_status(frame, status, app, theme);
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
