//! The step's activity area: a briefing, a board, a table, the groups, the summary
//! or the plenary.

use super::theme::Theme;
use super::{board, fields, groups, plenary, table};
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::check;
use crate::domain::template::{Activity, Briefing};
use crate::domain::text::sanitize_line;
use crate::layout::projector::summary_parts;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// Draws the step's activity, or copies it as last drawn when nothing it shows has
/// changed since (a tick of the clock).
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let key = app.paint_key(area);
    if let Some(key) = key
        && app.painted.restore(key, frame.buffer_mut())
    {
        return;
    }
    render_fresh(frame, area, app, theme);
    if let Some(key) = key {
        app.painted.keep(key, frame.buffer_mut());
    }
}

fn render_fresh(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    match app.activity() {
        Activity::Briefing(b) => render_briefing(frame, area, app, b, theme),
        Activity::Groups(_) => groups::render(frame, area, app, theme),
        Activity::Board(_) => board::render(frame, area, app, theme),
        Activity::Table(_) => table::render(frame, area, app, theme),
        Activity::Summary(spec) => {
            let parts = summary_parts(area, spec);
            if let Some(summary) = parts.summary {
                if spec.plenary {
                    plenary::render(frame, summary, app, theme);
                } else {
                    render_summary(frame, summary, app, &spec.fields, theme);
                }
            }
            if let Some(board) = parts.board {
                board::render(frame, board, app, theme);
            }
        }
    }
}

fn render_briefing(frame: &mut Frame, area: Rect, app: &App, briefing: &Briefing, theme: &Theme) {
    let mut lines = briefing_head(&briefing.text, &briefing.bullets, theme);
    if briefing.show_initiatives {
        if app.session.initiatives.is_empty() {
            lines.push(Line::from(Span::styled(
                "  No initiatives yet: press a to add the ones the room will plan for.",
                theme.error(),
            )));
        }
        let named = app.session.initiatives.iter();
        lines.extend(initiative_lines(
            named.map(|i| (&i.name, &i.description)),
            theme,
        ));
    }
    if !briefing.fields.is_empty() {
        let mut fields = fields::lines(app, &briefing.fields, &fields_key(app), theme);
        // What the room writes comes before the bullets when not everything fits.
        if lines.len() + fields.len() + 2 > usize::from(area.height) {
            fields.push(Line::from(""));
            lines.splice(2..2, fields);
        } else {
            lines.push(Line::from(""));
            lines.extend(fields);
        }
    }
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border());
    let paragraph = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block);
    let hidden = paragraph
        .line_count(area.width)
        .saturating_sub(usize::from(area.height));
    frame.render_widget(paragraph, area);
    // What does not fit says so, at the right of the last row.
    if hidden > 0 && area.height > 1 {
        let more = format!(" ▼ {hidden} more ");
        let width = (more.chars().count() as u16).min(area.width);
        let at = Rect::new(area.right() - width, area.bottom() - 1, width, 1);
        frame.render_widget(Paragraph::new(Span::styled(more, theme.accent())), at);
    }
}

/// A briefing's text, a blank line, and its bullets.
pub(super) fn briefing_head<'a>(text: &'a str, bullets: &[String], theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = vec![
        Line::from(Span::styled(text, theme.title())),
        Line::from(""),
    ];
    lines.extend(bullets.iter().map(|b| Line::from(format!("  • {b}"))));
    lines
}

/// "  1. Online permits" and its description under it, for each initiative.
pub(super) fn initiative_lines<'a>(
    initiatives: impl Iterator<Item = (&'a String, &'a String)>,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (n, (name, description)) in initiatives.enumerate() {
        lines.push(Line::from(Span::styled(
            format!("  {}. {name}", n + 1),
            theme.title(),
        )));
        if !description.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("     {description}"),
                theme.muted(),
            )));
        }
    }
    lines
}

/// The key that writes the step's fields, as the user set it.
fn fields_key(app: &App) -> String {
    app.keymap.first_keys(Context::Fields, &["edit"])
}

/// The next review (and the key that sets it), and once the plan has been reviewed or
/// is being reviewed, its progress per initiative.
fn review_lines<'a>(app: &App, theme: &Theme) -> Vec<Line<'a>> {
    let session = &app.session;
    let key = app.keymap.first_keys(Context::Workshop, &["next_review"]);
    let next = match crate::domain::dates::stored(&session.next_review) {
        Some(d) => format!("{} ({key} changes it)", crate::domain::dates::long(d)),
        None if session.next_review.is_empty() => format!("not set yet: {key} sets it"),
        None => format!(
            "▲ {:?} is not a date ({key} changes it)",
            sanitize_line(&session.next_review)
        ),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled("Next review: ", theme.accent()),
            Span::styled(next, theme.base()),
        ]),
        Line::from(""),
    ];
    if session.reviews.is_empty() {
        return lines;
    }
    if let Some(progress) = crate::domain::progress::PlanProgress::of(session, app.today()) {
        lines.push(Line::from(Span::styled("Progress", theme.accent())));
        let named = std::iter::once(("Whole plan".to_string(), progress.whole));
        for (name, p) in named.chain(progress.initiatives) {
            lines.push(Line::from(format!(
                "{}: {}",
                sanitize_line(&name),
                p.line(10)
            )));
        }
        lines.push(Line::from(""));
    }
    lines
}

/// What the room produced so far (and the fields the step shows), and what the plan
/// check still points out.
fn render_summary(frame: &mut Frame, area: Rect, app: &App, keys: &[String], theme: &Theme) {
    let session = &app.session;
    let problems = check::check(session, app.today());
    let notes: usize = session.boards.values().map(|b| b.note_count()).sum();
    let mut lines = fields::lines(app, keys, &fields_key(app), theme);
    if !lines.is_empty() {
        lines.push(Line::from(""));
    }
    lines.extend(review_lines(app, theme));
    lines.push(Line::from(Span::styled("Where we are", theme.accent())));
    if session.workshop.uses_initiatives() || !session.initiatives.is_empty() {
        lines.push(Line::from(format!(
            "{} initiatives",
            session.initiatives.len()
        )));
    }
    lines.push(Line::from(format!("{notes} notes on the boards")));
    for table in &session.workshop.tables {
        let n = session.tables.rows(&table.key).len();
        lines.push(Line::from(format!("{} in {}", table.count(n), table.title)));
    }
    lines.push(Line::from(""));
    let plan = session.workshop.plan();
    let mut initiatives: Vec<Line> = session
        .initiatives
        .iter()
        .map(|i| {
            let rows = session.plan().rows_of(i.id).count();
            Line::from(format!("• {}: {}", i.name, plan.count(rows)))
        })
        .collect();
    let mut findings = Vec::new();
    if problems.is_empty() && session.tables.all_rows().next().is_some() {
        findings.push(Line::from(Span::styled(
            "✓ The plan check finds nothing to fix",
            theme.ok(),
        )));
    }
    for line in check::summary(&problems, &session.workshop) {
        findings.push(Line::from(Span::styled(format!("▲ {line}"), theme.error())));
    }
    let inner = area.inner(Margin::new(1, 1));
    let rows = |lines: &[Line]| {
        Paragraph::new(lines.to_vec())
            .wrap(Wrap { trim: false })
            .line_count(inner.width)
    };
    let all = rows(&lines) + rows(&initiatives) + rows(&findings) + 1;
    // What the plan check still finds matters more than the count per initiative.
    let (first, second) = if all > usize::from(inner.height) {
        (&mut findings, &mut initiatives)
    } else {
        (&mut initiatives, &mut findings)
    };
    lines.append(first);
    if !second.is_empty() {
        lines.push(Line::from(""));
        lines.append(second);
    }
    let hidden = rows(&lines).saturating_sub(usize::from(inner.height));
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Summary ", theme.title()));
    if hidden > 0 {
        block = block.title_bottom(
            Line::from(Span::styled(format!(" ▼ {hidden} more "), theme.accent())).right_aligned(),
        );
    }
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        area,
    );
}
