//! The facilitator panel: the step's tips, its common challenges and the time budget.

use super::theme::Theme;
use crate::app::App;
use crate::domain::timer::{mm_ss, signed_mm_ss};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let step = app.session.current_step();
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
    lines.extend(budget_lines(app, theme));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Facilitator (f hides) ", theme.muted()));
    frame.render_widget(
        Paragraph::new(lines)
            .style(theme.base())
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

fn budget_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let budget = app.session.budget(app.now());
    let current = app.session.timing.current;
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
                mm_ss(s.spent_ms / 1000)
            } else {
                "--:--".into()
            };
            let text = format!(
                "{mark}{} {:>5} / {actual}",
                i + 1,
                mm_ss(s.allotted_ms / 1000)
            );
            let style = if i == current {
                theme.title()
            } else {
                theme.base()
            };
            Line::from(Span::styled(text, style))
        })
        .collect();
    let verdict = match budget.behind_ms {
        b if b > 0 => format!("{} behind", &signed_mm_ss(b)[1..]),
        b if b < 0 => format!("{} ahead", &signed_mm_ss(b)[1..]),
        _ => "on schedule".to_string(),
    };
    lines.push(Line::from(Span::styled(verdict, theme.title())));
    lines
}
