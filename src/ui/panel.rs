//! The facilitator panel: the step's tips, its common challenges and the time budget.

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::template::StepSpec;
use crate::layout::text::shorten_to_width;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    render_titled(frame, area, app, &title(app), theme);
}

/// The panel with its own title (the console's cannot be hidden).
pub fn render_titled(frame: &mut Frame, area: Rect, app: &App, title: &str, theme: &Theme) {
    let step = app.session.current_step();
    if area.height == 1 {
        render_line(frame, area, step, theme);
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    if !step.tips.is_empty() {
        lines.push(Line::from(Span::styled("Tips", theme.accent())));
        lines.extend(step.tips.iter().map(|t| Line::from(format!("• {t}"))));
    }
    if !step.challenges.is_empty() {
        lines.push(Line::from(Span::styled(
            "If the room struggles",
            theme.accent(),
        )));
        for c in &step.challenges {
            lines.push(Line::from(Span::styled(
                format!("▲ {}", c.challenge),
                theme.title(),
            )));
            lines.push(Line::from(format!("  → {}", c.remedy)));
        }
    }
    lines.push(Line::from(Span::styled(
        "Time budget (planned / actual)",
        theme.accent(),
    )));
    lines.extend(budget_lines(
        app,
        theme,
        area.width.saturating_sub(2) as usize,
    ));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(title, theme.muted()));
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base())
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// " Facilitator (f hides) ", with the user's key.
fn title(app: &App) -> String {
    match app.keymap.first_keys(Context::Workshop, &["toggle_panel"]) {
        key if key.is_empty() => " Facilitator ".to_string(),
        key => format!(" Facilitator ({key} hides) "),
    }
}

fn budget_lines<'a>(app: &App, theme: &Theme, width: usize) -> Vec<Line<'a>> {
    let budget = app.session.budget(app.now());
    let current = app.session.clock().current;
    // Whole minutes: the big clock has the seconds, and the panel stays still.
    let mut lines: Vec<Line> = budget
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mark = if i == current {
                "▶"
            } else if i < current {
                "✓"
            } else {
                " "
            };
            let actual = if s.spent_ms > 0 {
                format!("{}'", s.spent_ms / 60_000)
            } else {
                "-".into()
            };
            let title = crate::domain::text::shorten(
                &app.session.steps()[i].title,
                width.saturating_sub(15),
            );
            let text = format!(
                "{mark}{} {:>3}' {actual:>4}  {title}",
                i + 1,
                s.allotted_ms / 60_000
            );
            let style = if i == current {
                theme.title()
            } else {
                theme.base()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    let verdict = budget.verdict();
    lines.push(Line::from(Span::styled(verdict, theme.title())));
    lines
}

/// The panel on one line: the step's first challenge's remedy (what to do comes
/// first: the challenge after it is cut first), else its first tip; a cut says so.
fn render_line(frame: &mut Frame, area: Rect, step: &StepSpec, theme: &Theme) {
    let (mark, text) = match (step.challenges.first(), step.tips.first()) {
        (Some(c), _) => ("→", format!("{}  ▲ {}", c.remedy, c.challenge)),
        (None, Some(tip)) => ("•", tip.clone()),
        (None, None) => return,
    };
    let room = usize::from(area.width).saturating_sub(4);
    let line = Line::from(vec![
        Span::styled(format!(" {mark} "), theme.accent()),
        Span::styled(shorten_to_width(&text, room), theme.muted()),
    ]);
    frame.render_widget(Paragraph::new(line), area);
}
