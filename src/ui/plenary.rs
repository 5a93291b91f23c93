//! The plenary: each group's result side by side, one column a group (its work, its
//! people, the rows it planned), paged when they do not all fit.

use super::groups::{members_line, work_name};
use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::plan::{PlanRow, Roles};
use crate::domain::template::{Per, TableDef};
use crate::domain::text::sanitize_line;
use crate::layout::groups::plenary_page;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(groups) = &app.session.groups else {
        let text = "No groups were formed: the plenary compares the groups' plans once a \
                    groups step has been run.";
        frame.render_widget(
            Paragraph::new(Span::styled(text, theme.muted())).wrap(Wrap { trim: true }),
            area,
        );
        return;
    };
    if area.height < 3 || area.width < 10 {
        return;
    }
    let count = groups.count as usize;
    let (fit, first) = plenary_page(area.width, count, app.plenary);
    let shown = first + 1..=first + fit;
    let head = if fit < count {
        let key = |action| app.keymap.first_keys(Context::Plenary, &[action]);
        let keys = format!("{} {}", key("prev"), key("next"));
        format!(
            " Groups {}–{} of {count} · {keys} for the others ",
            shown.start(),
            shown.end()
        )
    } else {
        format!(" {count} groups ")
    };
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(theme.border())
        .title(Span::styled(head, theme.title()));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width / fit as u16;
    for (i, n) in shown.enumerate() {
        let x = inner.x + width * i as u16;
        let w = if i + 1 == fit {
            inner.right() - x
        } else {
            width.saturating_sub(1)
        };
        let column = Rect::new(x, inner.y, w, inner.height);
        frame.render_widget(
            Paragraph::new(group_lines(app, n as u32, theme)).wrap(Wrap { trim: false }),
            column,
        );
    }
}

/// A group's column: "Group 2 · Permits online", its people, then its rows.
fn group_lines<'a>(app: &App, n: u32, theme: &Theme) -> Vec<Line<'a>> {
    let session = &app.session;
    let Some(groups) = &session.groups else {
        return Vec::new();
    };
    let mut lines = vec![
        Line::from(Span::styled(format!("Group {n}"), theme.title())),
        Line::from(Span::styled(work_name(app, groups, n), theme.accent())),
    ];
    if !groups.members_of(n).is_empty() {
        lines.push(Line::from(Span::styled(
            members_line(groups, n),
            theme.muted(),
        )));
    }
    lines.push(Line::from(""));
    let work = groups.work_of(n);
    let initiative = work.and_then(|w| w.initiative);
    let tables: Vec<&TableDef> = match work.and_then(|w| w.table.as_deref()) {
        Some(key) => session.workshop.table(key).into_iter().collect(),
        None => session
            .workshop
            .tables
            .iter()
            .filter(|t| t.per == Per::Initiative && t.parent.is_none())
            .collect(),
    };
    let several = tables.len() > 1;
    for table in tables {
        let rows: Vec<&PlanRow> = session
            .tables
            .rows(&table.key)
            .iter()
            .filter(|r| work.and_then(|w| w.table.as_ref()).is_some() || r.initiative == initiative)
            .collect();
        if several {
            lines.push(Line::from(Span::styled(
                sanitize_line(&table.title),
                theme.accent(),
            )));
        }
        if rows.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("no {} yet", table.nouns()),
                theme.muted(),
            )));
        }
        let roles = Roles::of(&table.columns);
        for row in rows {
            let first = table.columns.first().map_or("", |c| row.cell(&c.key));
            lines.push(Line::from(format!("• {}", sanitize_line(first))));
            let who_when: Vec<String> = [roles.owner, roles.due]
                .into_iter()
                .flatten()
                .map(|i| sanitize_line(row.cell(&table.columns[i].key)))
                .filter(|t| !t.is_empty())
                .collect();
            if !who_when.is_empty() {
                lines.push(Line::from(Span::styled(
                    format!("  {}", who_when.join(" · ")),
                    theme.muted(),
                )));
            }
        }
    }
    lines
}
