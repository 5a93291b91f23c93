//! The roster screen: who must be told, with role and contacts, one person a line,
//! the selected field reversed; and the names of the plan not on it yet.

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use crate::domain::roster::FIELDS;
use crate::domain::text::sanitize_line;
use crate::layout::text::shorten_to_width;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(Span::styled(
            format!(" {} · who must be told", sanitize_line(&session.title)),
            theme.title(),
        ))),
        head,
    );
    let inner = list.width.saturating_sub(4) as usize;
    // Name and role get more room than the contacts.
    let widths = [
        inner * 3 / 10,
        inner * 3 / 10,
        inner * 25 / 100,
        inner * 15 / 100,
    ];
    let cell =
        |text: &str, w: usize| format!("{:<w$} ", shorten_to_width(text, w.saturating_sub(1)));
    let mut lines = vec![Line::from(Span::styled(
        FIELDS
            .iter()
            .zip(widths)
            .map(|(f, w)| cell(f, w))
            .collect::<String>(),
        theme.accent(),
    ))];
    if session.roster.is_empty() {
        let add = app.keymap.first_keys(Context::Roster, &["add"]);
        let fill = app.keymap.first_keys(Context::Roster, &["fill"]);
        lines.push(Line::from(Span::styled(
            format!("Nobody yet. {add} adds a person; {fill} adds everyone named in the plan."),
            theme.muted(),
        )));
    }
    for (i, person) in session.roster.iter().enumerate() {
        let spans: Vec<Span> = widths
            .iter()
            .enumerate()
            .map(|(f, &w)| {
                let text = sanitize_line(person.field(f));
                let style = match (i == app.roster.row, f == app.roster.field) {
                    (true, true) => theme.selected(),
                    (true, false) => theme.title(),
                    _ => theme.base(),
                };
                Span::styled(cell(&text, w), style)
            })
            .collect();
        lines.push(Line::from(spans));
    }
    let missing = session.names_not_on_roster();
    if !missing.is_empty() {
        let fill = app.keymap.first_keys(Context::Roster, &["fill"]);
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled(
            format!(
                "Named in the plan, not on the roster ({fill} adds them): {}",
                missing.join(", ")
            ),
            theme.muted(),
        )));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(" Roster ", theme.title()));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: false })
            .block(block),
        list,
    );
    let keys = &app.keymap;
    let hints = [
        (keys.first_keys(Context::Roster, &["add"]), "add"),
        (keys.first_keys(Context::Roster, &["edit"]), "edit"),
        (keys.first_keys(Context::Roster, &["fill"]), "from the plan"),
        (keys.first_keys(Context::Roster, &["delete"]), "remove"),
        (keys.first_keys(Context::Workshop, &["roster"]), "back"),
        (keys.first_keys(Context::Workshop, &["help"]), "help"),
    ];
    let footer: Vec<String> = hints
        .iter()
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, what)| format!("{k} {what}"))
        .collect();
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!(" {}", footer.join(" · ")),
            theme.muted(),
        )),
        foot,
    );
}
