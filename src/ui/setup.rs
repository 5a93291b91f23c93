//! The set-up screen: the session title and the initiatives being planned.

use super::theme::Theme;
use crate::app::App;
use crate::app::keys::Context;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let session = &app.session;
    let [head, list, foot] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(Span::styled(format!(" {}", session.title), theme.title())),
            Line::from(Span::styled(
                format!(
                    " {} · {} minutes",
                    session.workshop.title, session.workshop.total_minutes
                ),
                theme.muted(),
            )),
        ]),
        head,
    );
    // A running clock stays in sight while the facilitator types here.
    let countdown = session.countdown(app.now());
    if countdown.running {
        let clock = Rect {
            y: head.y + 2,
            height: 1,
            ..head
        };
        super::countdown::render(frame, clock, &countdown, "", theme);
    }
    let mut lines = Vec::new();
    if session.initiatives.is_empty() {
        let text = if session.workshop.uses_initiatives() {
            "No initiatives yet. Press a and type the first one; Enter adds the next."
        } else {
            "This workshop's tables are for the whole plan: initiatives are optional \
             (a adds one)."
        };
        lines.push(Line::from(Span::styled(text, theme.accent())));
    }
    for (n, i) in session.initiatives.iter().enumerate() {
        let style = if n == app.setup.selected {
            theme.selected()
        } else {
            theme.title()
        };
        lines.push(Line::from(Span::styled(
            format!(" {}. {} ", n + 1, i.name),
            style,
        )));
        if !i.description.is_empty() {
            lines.push(Line::from(Span::styled(
                format!("    {}", i.description),
                theme.muted(),
            )));
        }
    }
    let fields: Vec<String> = session
        .workshop
        .fields
        .iter()
        .map(|f| f.key.clone())
        .collect();
    if !fields.is_empty() {
        lines.push(Line::from(""));
        lines.push(Line::from(Span::styled("Session fields", theme.title())));
        let key = app.keymap.first_keys(Context::Setup, &["fields"]);
        lines.extend(super::fields::lines(app, &fields, &key, theme));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(Span::styled(
            " Initiatives: what this workshop plans for ",
            theme.title(),
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block),
        list,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(footer(app), theme.muted())),
        foot,
    );
}

/// " a add · Enter rename · … · ? help", with the user's keys.
fn footer(app: &App) -> String {
    let keys = &app.keymap;
    let hints: [(&[&str], &str); 8] = [
        (&["add"], "add"),
        (&["rename"], "rename"),
        (&["describe"], "description"),
        (&["delete"], "delete"),
        (&["move_up", "move_down"], "move"),
        (&["title"], "title"),
        (&["fields"], "fields"),
        (&["back"], "back"),
    ];
    let has_fields = !app.session.workshop.fields.is_empty();
    let mut parts: Vec<String> = hints
        .iter()
        .filter(|(actions, _)| has_fields || actions[0] != "fields")
        .map(|(actions, what)| (keys.first_keys(Context::Setup, actions), what))
        .filter(|(k, _)| !k.is_empty())
        .map(|(k, what)| format!("{k} {what}"))
        .collect();
    let help = keys.first_keys(Context::Workshop, &["help"]);
    if !help.is_empty() {
        parts.push(format!("{help} help"));
    }
    format!(" {}", parts.join(" · "))
}
