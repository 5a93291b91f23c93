//! The session's fields as lines of a briefing, a summary or the set-up screen: each
//! title, then its text, or what to write while it is empty.

use super::theme::Theme;
use crate::app::App;
use crate::domain::text::{sanitize, sanitize_line};
use ratatui::text::{Line, Span};

pub fn lines<'a>(app: &App, keys: &[String], key: &str, theme: &Theme) -> Vec<Line<'a>> {
    let session = &app.session;
    let mut lines = Vec::new();
    for spec in keys.iter().filter_map(|k| session.workshop.field(k)) {
        lines.push(Line::from(Span::styled(
            sanitize_line(&spec.title),
            theme.accent(),
        )));
        let text = session.field(&spec.key);
        if text.is_empty() {
            let hint = if spec.hint.is_empty() {
                String::new()
            } else {
                format!("{} ", sanitize_line(&spec.hint))
            };
            let press = if key.is_empty() {
                String::new()
            } else {
                format!("({key} to write it)")
            };
            lines.push(Line::from(Span::styled(
                format!("  {hint}{press}"),
                theme.muted(),
            )));
        } else {
            for line in sanitize(text).lines() {
                lines.push(Line::from(Span::styled(format!("  {line}"), theme.title())));
            }
        }
    }
    lines
}
