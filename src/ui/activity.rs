//! The step's activity area: a briefing, a board, the plan table or the summary.

use super::theme::Theme;
use super::{board, table};
use crate::app::App;
use crate::domain::check;
use crate::domain::template::{Activity, Briefing};
use crate::layout::projector::summary_parts;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.activity() {
        Activity::Briefing(b) => render_briefing(frame, area, app, b, theme),
        Activity::Groups(g) => {
            let briefing = Briefing {
                text: format!("Count off from 1 to {} and gather by number.", g.count),
                bullets: (1..=g.count).map(|n| format!("Group {n}")).collect(),
                show_initiatives: false,
                fields: Vec::new(),
            };
            render_briefing(frame, area, app, &briefing, theme)
        }
        Activity::Board(_) => board::render(frame, area, app, theme),
        Activity::Table(_) => table::render(frame, area, app, theme),
        Activity::Summary(spec) => {
            let parts = summary_parts(area, spec.board.is_some());
            if let Some(summary) = parts.summary {
                render_summary(frame, summary, app, theme);
            }
            if let Some(board) = parts.board {
                board::render(frame, board, app, theme);
            }
        }
    }
}

fn render_briefing(frame: &mut Frame, area: Rect, app: &App, briefing: &Briefing, theme: &Theme) {
    let mut lines = vec![
        Line::from(Span::styled(briefing.text.as_str(), theme.title())),
        Line::from(""),
    ];
    lines.extend(
        briefing
            .bullets
            .iter()
            .map(|b| Line::from(format!("  • {b}"))),
    );
    if briefing.show_initiatives {
        if app.session.initiatives.is_empty() {
            lines.push(Line::from(Span::styled(
                "  No initiatives yet: press a to add the ones the room will plan for.",
                theme.error(),
            )));
        }
        for (n, i) in app.session.initiatives.iter().enumerate() {
            lines.push(Line::from(Span::styled(
                format!("  {}. {}", n + 1, i.name),
                theme.title(),
            )));
            if !i.description.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("     {}", i.description),
                    theme.muted(),
                )));
            }
        }
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border());
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}

/// What the room produced so far, and what the plan check still points out.
fn render_summary(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let problems = check::check(session, app.today());
    let notes: usize = session.boards.values().map(|b| b.note_count()).sum();
    let mut lines = vec![
        Line::from(Span::styled("Where we are", theme.accent())),
        Line::from(format!("{} initiatives", session.initiatives.len())),
        Line::from(format!("{} notes on the boards", notes)),
        Line::from(format!("{} actions in the plan", session.plan().rows.len())),
        Line::from(""),
    ];
    for i in &session.initiatives {
        let rows = session.plan().rows_of(i.id).count();
        lines.push(Line::from(format!("• {}: {rows} actions", i.name)));
    }
    lines.push(Line::from(""));
    if problems.is_empty() && !session.plan().rows.is_empty() {
        lines.push(Line::from(Span::styled(
            "✓ The plan check finds nothing to fix",
            theme.ok(),
        )));
    }
    for line in check::summary(&problems, &session.workshop) {
        lines.push(Line::from(Span::styled(format!("▲ {line}"), theme.error())));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Summary ", theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
