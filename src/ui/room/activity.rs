//! The room's briefing, summary and groups: what the facilitator's views show, drawn
//! from the room's view, without the keys to press or the plan check.

use crate::domain::room::{RoomBriefing, RoomField, RoomGroups, RoomSummary};
use crate::ui::activity::{briefing_head, initiative_lines};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render_briefing(frame: &mut Frame, area: Rect, briefing: &RoomBriefing, theme: &Theme) {
    let mut lines = briefing_head(&briefing.text, &briefing.bullets, theme);
    let named = briefing.initiatives.iter().flatten();
    lines.extend(initiative_lines(
        named.map(|i| (&i.name, &i.description)),
        theme,
    ));
    if !briefing.fields.is_empty() {
        lines.push(Line::from(""));
        lines.extend(field_lines(&briefing.fields, theme));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(theme.border()),
        ),
        area,
    );
}

/// Each field's title, then what the room wrote (a field not written yet is left out).
fn field_lines<'a>(fields: &[RoomField], theme: &Theme) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    for field in fields.iter().filter(|f| !f.text.is_empty()) {
        lines.push(Line::from(Span::styled(
            field.title.clone(),
            theme.accent(),
        )));
        for line in field.text.lines() {
            lines.push(Line::from(Span::styled(format!("  {line}"), theme.title())));
        }
    }
    lines
}

/// What the room produced so far; on a plenary, the groups and their work.
pub fn render_summary(frame: &mut Frame, area: Rect, summary: &RoomSummary, theme: &Theme) {
    let mut lines = field_lines(&summary.fields, theme);
    if !lines.is_empty() {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled("Where we are", theme.accent())));
    if let Some(n) = summary.initiatives {
        lines.push(Line::from(format!("{n} initiatives")));
    }
    lines.push(Line::from(format!("{} notes on the boards", summary.notes)));
    lines.extend(summary.tables.iter().map(|t| Line::from(t.clone())));
    lines.push(Line::from(""));
    for (name, rows) in &summary.plans {
        lines.push(Line::from(format!("• {name}: {rows}")));
    }
    if let Some(groups) = &summary.groups {
        lines.push(Line::from(""));
        lines.extend(group_lines(groups, theme));
    }
    frame.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border())
                .title(Span::styled(" Summary ", theme.title())),
        ),
        area,
    );
}

/// The count-off: how the room splits, then each group's number, work and people.
pub fn render_groups(frame: &mut Frame, area: Rect, groups: &RoomGroups, theme: &Theme) {
    let mut lines = vec![Line::from(Span::styled(
        groups.headline.clone(),
        theme.title(),
    ))];
    lines.push(Line::from(""));
    lines.extend(group_lines(groups, theme));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn group_lines<'a>(groups: &RoomGroups, theme: &Theme) -> Vec<Line<'a>> {
    groups
        .groups
        .iter()
        .map(|g| {
            let mut spans = vec![Span::styled(format!(" {} ", g.number), theme.selected())];
            if !g.work.is_empty() {
                spans.push(Span::styled(format!(" {}", g.work), theme.title()));
            }
            if !g.members.is_empty() {
                spans.push(Span::styled(
                    format!(" · {}", g.members.join(", ")),
                    theme.muted(),
                ));
            }
            Line::from(spans)
        })
        .collect()
}
